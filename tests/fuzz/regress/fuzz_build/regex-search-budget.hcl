# Each match backtracks a little; the budget covers all matches of one call.
locals {
  s = join("", [for i in range(1000) : "aaaaaaaaaaaa!"])
}
output "x" { value = length(regexall("(a|a)*(a|a)*!X|(a|a)+!", local.s)) }
