variable "cpu" { default = 256 }
variable "memory" { default = 512 }

workspace "dev" {}
workspace "stage" { memory = 3072 }
workspace "prod" { cpu = 1024, memory = 1024 }

task_definition "api" {
  family                   = "api-$<workspace.name>"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = var.cpu
  memory                   = var.memory

  container "api" {
    image = "public.ecr.aws/docker/library/httpd:2.4"
  }
}
