# A diagnostic the same in several workspaces is printed once, naming them.
variable "img" {
  default = "nginx:1.25"
}

variable "memory" {
  default = 512
}

workspace "dev" {}
workspace "stage" { memory = 256 }

workspace "prod" {
  img    = "nginx:latest"
  memory = 256
}

task_definition "web" {
  family = "web-$<workspace.name>"
  container "web" {
    image              = var.img
    memory             = var.memory
    memory_reservation = 300
    environment        = { DB_PASSWORD = "hunter22" }
  }
}
