# Ignore comments under hclc lint: by code or by catalogue ID, on the line,
# above it or above the block; one without a reason gets a warning, and an
# ID that names no rule is malformed (it silences nothing).
task_definition "app" {
  family                   = "app"
  requires_compatibilities = ["EC2"]

  # hclc:ignore ECS.5, CKV_AWS_249 -- nginx writes its cache; one role on purpose
  container "web" {
    image      = "nginx:1.25.3"
    memory     = 256
    user       = "101"
    privileged = true # hclc:ignore E1001
    log_configuration {
      log_driver = "json-file"
    }
  }

  # hclc:ignore ECS.99 -- no such control
  container "tool" {
    image                    = "busybox:1.36"
    memory                   = 64
    essential                = false
    readonly_root_filesystem = true
    # hclc:ignore E1003 -- busybox's tools need root here
    user = "0"
    log_configuration {
      log_driver = "json-file"
    }
  }
}
