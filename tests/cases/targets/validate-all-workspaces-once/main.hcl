variable "port" {
  type    = number
  default = 70000
}
variable "image" {
  type    = string
  default = "nginx:1.25"
}
workspace "dev" {}
workspace "stage" { image = "nginx:1.26" }
workspace "prod" { port = 8080 }

task_definition "web" {
  family = "web"
  container "web" {
    image  = var.image
    memory = 0
    port_mapping { container_port = var.port }
  }
}
