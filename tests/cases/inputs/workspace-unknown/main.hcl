variable "cpu" { default = 256 }
workspace "prod" { cpu = 1024 }
output "cpu" { value = var.cpu }
output "ws" { value = workspace.name }
