# The celery broker. Workers and web reach it through service discovery;
# its queue lives as long as the task (CELERY_BROKER_URL, in SSM, holds the
# user, the password and the host).

# hclc:ignore E1002,E1003 -- the project's images write to their file system, as their own user
task_definition "rabbit" {
  family                   = "$<local.prefix>-rabbit"
  execution_role_arn       = local.execution_role_arn
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = var.sizes.rabbit.cpu
  memory                   = var.sizes.rabbit.memory
  tags                     = local.tags

  container "rabbit" {
    image     = var.rabbit_image
    essential = true

    port_mapping {
      name           = "amqp"
      container_port = 5672
    }

    environment = { RABBITMQ_DEFAULT_USER = var.celery_user }
    secrets     = { RABBITMQ_DEFAULT_PASS = "$<local.ssm>/CELERY_PASSWORD" }

    health_check {
      command      = ["CMD", "rabbitmq-diagnostics", "-q", "ping"]
      interval     = 30
      timeout      = 10
      retries      = 3
      start_period = 60
    }

    log_configuration = local.log_configuration
  }
}
