# The celery worker: the app image with another command, the same settings
# and secrets as web, no ports.

# hclc:ignore E1002,E1003 -- the project's images write to their file system, as their own user
task_definition "worker" {
  family                   = "$<local.prefix>-worker"
  task_role_arn            = local.task_role_arn
  execution_role_arn       = local.execution_role_arn
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = var.sizes.worker.cpu
  memory                   = var.sizes.worker.memory
  tags                     = local.tags

  container "worker" {
    image     = local.web_image
    essential = true
    command   = ["celery", "-A", "config", "worker", "-l", var.log_level]

    environment       = local.django_environment
    secrets           = local.django_secrets
    log_configuration = local.log_configuration
  }
}
