# Every lint rule fires once in this task definition.
variable "role" {
  default = "arn:aws:iam::123456789012:role/app"
}

task_definition "app" {
  family                   = "app"
  network_mode             = "host"
  pid_mode                 = "host"
  requires_compatibilities = ["EC2"]
  task_role_arn            = var.role
  execution_role_arn       = var.role

  volume "data" {
    efs_volume_configuration {
      file_system_id     = "fs-12345678"
      transit_encryption = "DISABLED"
    }
  }

  container "web" {
    image                    = "nginx"
    memory_reservation       = 256
    privileged               = true
    readonly_root_filesystem = false
    user                     = "root"
    environment = {
      DB_PASSWORD = "hunter22"
      SIGNING     = "AKIAIOSFODNN7EXAMPLE"
    }
    linux_parameters {
      capabilities {
        add = ["SYS_ADMIN"]
      }
    }
  }

  container "sidecar" {
    image                    = "busybox:latest"
    memory                   = 64
    essential                = false
    readonly_root_filesystem = true
    user                     = "1000"
    log_configuration {
      log_driver = "awslogs"
      options = {
        awslogs-group         = "app"
        awslogs-region        = "eu-west-1"
        awslogs-stream-prefix = "app"
      }
    }
  }
}
