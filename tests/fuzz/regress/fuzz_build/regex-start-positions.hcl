locals {
  s = join("", [for i in range(1000) : "aaaaaaaaaaaa%"])
}
output "x" { value = length(regexall("(a|a.amazonaws.com)*(a|a)*!X|(a|a)+!", local.s)) }
