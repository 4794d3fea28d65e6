variable "n" { type = number }
variable "m" { type = number }
output "decoded" { value = jsondecode("{\"id\": 18446744073709551615}") }
output "n" { value = var.n }
