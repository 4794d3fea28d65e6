# bridge: the Django app of the bridge adaptivity engine on Fargate, three
# services per environment (dev, stage, prod), each its own task definition:
#
#   web     gunicorn + nginx (web.hcl, its containers in a template)
#   worker  the celery worker (worker.hcl)
#   rabbit  the celery broker (rabbit.hcl)
#
# Secrets come from the SSM Parameter Store, one folder per environment:
# /bridge/dev/SECRET_KEY, /bridge/prod/SECRET_KEY... The execution role
# reads them when a task starts; nothing secret is written here.

locals {
  prefix = "bridge-$<workspace.name>"

  execution_role_arn = "arn:aws:iam::$<var.account_id>:role/$<local.prefix>-execution"
  task_role_arn      = "arn:aws:iam::$<var.account_id>:role/$<local.prefix>-task"

  web_image   = "$<var.app_image>:$<var.app_tag>"
  nginx_image = "$<var.nginx_image>:$<var.app_tag>"

  # SSM parameters of this environment, and those shared by all of them.
  ssm        = "arn:aws:ssm:$<var.region>:$<var.account_id>:parameter/bridge/$<workspace.name>"
  ssm_common = "arn:aws:ssm:$<var.region>:$<var.account_id>:parameter/bridge/common"

  # What every Django process (web and worker) needs.
  django_environment = {
    DJANGO_SETTINGS_MODULE = var.django_settings_module
    ENV_LABEL              = workspace.name
    HOST                   = var.domain_name
  }
  django_secrets = {
    for name in ["SECRET_KEY", "DATABASE_CONNECTION", "CELERY_BROKER_URL"] :
    name => "$<local.ssm>/$<name>"
  }

  log_group = "/ecs/$<local.prefix>"
  log_configuration = {
    log_driver = "awslogs"
    options = {
      "awslogs-group"         = local.log_group
      "awslogs-region"        = var.region
      "awslogs-stream-prefix" = "ecs"
    }
  }

  tags = { Project = "bridge", Environment = workspace.name }
}
