locals {
  family = "$<var.app>-$<workspace.name>"
}

task_definition "web" {
  family                   = lower(local.family)
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = var.cpu
  memory                   = 2048
  execution_role_arn       = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"

  container "web" {
    image     = "nginx:1.25"
    essential = true

    environment = { TOKEN = var.token }

    log_configuration {
      log_driver = "awslogs"
      options = {
        "awslogs-group"         = "/ecs/web"
        "awslogs-region"        = "eu-west-1"
        "awslogs-stream-prefix" = "web"
      }
    }
  }
}
