variable "replicas" {
  type = number
}

workspace "default" {
  replicas = 1
}

workspace "prod" {
  replicas = 3
}

output "replicas" {
  value = var.replicas
}
