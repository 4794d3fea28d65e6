# The task memory comes from the prod workspace: the error points at the
# memory attribute of the task definition and notes where it was set.
variable "memory" {
  type    = number
  default = 2048
}

workspace "dev" {}
workspace "prod" { memory = 1024 }

task_definition "web" {
  family                   = "web-$<workspace.name>"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 1024
  memory                   = var.memory

  container "web" {
    image = "nginx:1.25"
  }
}
