variable "port" { default = 80 }

locals {
  image = "nginx"
}

output "var" { value = var.prot }
output "local" { value = local.imgae }
output "root" { value = vra.port }
output "func" { value = uper("x") }
output "output" { value = output.missing }
output "workspace" { value = workspace.nam }
output "bare" { value = local }
