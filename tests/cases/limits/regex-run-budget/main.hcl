# Each search stays within its own budget; together they pass the run's.
locals {
  s = join("", [for i in range(19) : "a"])
}

output "x" { value = [for i in range(20) : regexall("(a+)+$", "$<local.s>b")] }
