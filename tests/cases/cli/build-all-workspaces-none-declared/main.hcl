variable "tag" { default = "1.0.0" }

variable "memory" {
  type    = number
  default = 512
}

task_definition "web" {
  family = "web-$<workspace.name>"
  memory = var.memory

  container "web" {
    image = "nginx:$<var.tag>"
  }
}
