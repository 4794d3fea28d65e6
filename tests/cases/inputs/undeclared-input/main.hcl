variable "port" { default = 80 }
output "port" { value = var.port }
