variable "tag" { default = "1.0.0" }

variable "memory" {
  type    = number
  default = 512
}

workspace "dev" { tag = "1.1.0-rc1" }
workspace "prod" { memory = 1024 }

task_definition "web" {
  family = "web-$<workspace.name>"
  memory = var.memory

  container "web" {
    image = "nginx:$<var.tag>"
  }
}
