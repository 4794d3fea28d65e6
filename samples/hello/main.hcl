# The hello service: one Fargate task with one nginx container.

locals {
  family = "$<var.app>-$<workspace.name>"
  region = "eu-west-1"

  # ${HOSTNAME} is shell syntax and stays as written; $<...> is hclc's.
  start_script = <<-EOT
    %<if var.debug>set -x%<else>set -e%<endif>
    echo "${HOSTNAME} serves $<var.app> $<var.image_tag>"
    exec nginx -g "daemon off;"
    EOT

  tags = { for k, v in var.tags : k => v if v != "" }
}

task_definition "web" {
  family                   = local.family
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = var.cpu
  memory                   = var.memory * (var.debug ? 2 : 1)
  tags                     = local.tags
  # Fargate needs an execution role to write to the awslogs log group.
  execution_role_arn = "arn:aws:iam::$<var.account_id>:role/ecsTaskExecutionRole"

  container "web" {
    image     = "nginxdemos/hello:$<var.image_tag>"
    essential = true
    command   = ["/bin/sh", "-c", local.start_script]

    port_mapping { container_port = 80 }

    environment = {
      GREETING = "hello from $<workspace.name>"
      TEAM     = join(",", [for name in var.team : upper(name)])
    }

    log_configuration {
      log_driver = "awslogs"
      options = {
        "awslogs-group"         = "/ecs/$<local.family>"
        "awslogs-region"        = local.region
        "awslogs-stream-prefix" = "web"
      }
    }
  }
}

output "family" {
  value = local.family
}

output "index_html" {
  value = templatefile("index.html.tpl", { app = var.app, team = var.team })
}
