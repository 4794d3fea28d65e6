# The classic: (a+)+$ over 40 KB of "a" and a final "b" ends at once.
locals {
  s = join("", [for i in range(40) : join("", [for j in range(1000) : "a"])])
}
output "x" { value = regex("(a+)+$", "$<local.s>b") }
output "y" { value = length(regexall("(a+)+$", local.s)) }
