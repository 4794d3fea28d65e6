variable "replicas" {
  type = number
}
workspace "dev" {
  replicas = 1
}
workspace "prod" {
  replicas = "many"
}
output "replicas" {
  value = var.replicas
}
