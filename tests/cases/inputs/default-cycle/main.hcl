variable "a" { default = var.b }
variable "b" { default = local.c }
locals {
  c = var.a
}
output "a" { value = var.a }
