# The antivirus front end that the API calls to scan uploads. It hands
# the files to clamd, reached through Service Connect as clamav:3310.

# hclc:ignore E1002,E1003 -- Gitana's images write to their file system, as their own user
task_definition "av" {
  family                   = "$<local.prefix>-av"
  execution_role_arn       = local.execution_role_arn
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = local.size.av.cpu
  memory                   = local.size.av.memory
  tags                     = local.tags

  container "av" {
    image     = local.image.av
    essential = true

    port_mapping {
      name           = "av"
      container_port = 80
      app_protocol   = "http"
    }

    # Where clamd is; a number is passed as the string "3310", as ECS wants.
    environment = {
      CLAMAV_HOST = "clamav"
      CLAMAV_PORT = 3310
    }

    log_configuration = local.logs.av
  }
}
