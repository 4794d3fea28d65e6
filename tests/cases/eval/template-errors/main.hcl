locals {
  ports = [80, 443]
  obj   = { a = 1 }
}

output "list" { value = "ports: $<local.ports>" }
output "object" { value = "obj: $<local.obj>" }
output "null" { value = "value: $<null>" }
output "if_not_bool" { value = "%<if "yes">y%<endif>" }
output "for_over_number" { value = "%<for x in 3>$<x>%<endfor>" }
