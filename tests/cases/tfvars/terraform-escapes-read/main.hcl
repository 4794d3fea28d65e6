variable "script" { type = string }
output "script" { value = var.script }
