variable "port" { type = number }
output "port" { value = var.port }
