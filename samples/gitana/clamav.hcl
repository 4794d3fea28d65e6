# ClamAV's daemon, on a private subnet: only av talks to it, on 3310.
# The official image checks itself with clamdcheck.sh; loading the
# signature database takes a few minutes, hence the long start period.

# hclc:ignore E1002,E1003 -- Gitana's images write to their file system, as their own user
task_definition "clamav" {
  family                   = "$<local.prefix>-clamav"
  execution_role_arn       = local.execution_role_arn
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = local.size.clamav.cpu
  memory                   = local.size.clamav.memory
  tags                     = local.tags

  container "clamav" {
    image     = local.image.clamav
    essential = true

    port_mapping {
      name           = "clamav"
      container_port = 3310
      protocol       = "tcp"
    }

    health_check {
      command      = ["CMD", "clamdcheck.sh"]
      interval     = 60
      timeout      = 10
      retries      = 3
      start_period = 300
    }

    log_configuration = local.logs.clamav
  }
}
