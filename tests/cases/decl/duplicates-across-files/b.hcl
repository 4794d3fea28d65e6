variable "port" { default = 81 }
locals {
  name = "b"
}
workspace "dev" {}
output "o" { value = 2 }
