# The web service: gunicorn serving Django on 8000, and nginx in front of
# it on 80 (the load balancer's target) with the static files baked into
# its image. Under awsvpc both share one network namespace, so nginx
# proxies to localhost:8000.
#
# The containers come from the Terraform project's template, kept as it
# was but for ${...} written $<...>: templatefile renders it, jsondecode
# reads the JSON, and hclc validates the result like any other container.

locals {
  # gunicorn's rule of thumb, 2 x vCPU + 1, at least 2.
  gunicorn_workers = max(2, floor(var.sizes.web.cpu / 1024 * 2) + 1)
}

# hclc:ignore E1002,E1003 -- the project's images write to their file system, as their own user
task_definition "web" {
  family                   = "$<local.prefix>-web"
  task_role_arn            = local.task_role_arn
  execution_role_arn       = local.execution_role_arn
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = var.sizes.web.cpu
  memory                   = var.sizes.web.memory
  tags                     = local.tags

  container_definitions = jsondecode(templatefile("templates/container_definitions_web.json.tpl", {
    web_image              = local.web_image
    nginx_image            = local.nginx_image
    env_label              = workspace.name
    log_group_name         = local.log_group
    region                 = var.region
    DJANGO_SETTINGS_MODULE = var.django_settings_module
    domain_name            = var.domain_name
    workers                = local.gunicorn_workers
    log_level              = var.log_level
    ssm                    = local.ssm
    ssm_common             = local.ssm_common
  }))
}
