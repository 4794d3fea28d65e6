variable "port" { default = 80 }
locals {
  name = "a"
}
workspace "dev" {}
output "o" { value = 1 }
