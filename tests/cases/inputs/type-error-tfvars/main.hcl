variable "ports" { type = list(number) }
variable "settings" { type = object({ cpu = number, memory = number }) }
output "p" { value = var.ports }
