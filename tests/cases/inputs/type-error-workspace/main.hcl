variable "cpu" { type = number }
workspace "prod" { cpu = "1 vCPU" }
output "cpu" { value = var.cpu }
