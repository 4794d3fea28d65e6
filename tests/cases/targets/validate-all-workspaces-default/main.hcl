variable "port" {
  type    = number
  default = 70000
  validation {
    condition     = var.port < 65536
    error_message = "port must be below 65536"
  }
}

workspace "dev" {}
workspace "prod" {}

task_definition "web" {
  family = "web"
  container "web" {
    image  = "nginx:1.25"
    memory = 512
    port_mapping { container_port = var.port }
  }
}
