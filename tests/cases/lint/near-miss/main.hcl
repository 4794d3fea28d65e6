# Near misses of every lint rule: nothing here is a finding.
task_definition "app" {
  family                   = "app"
  network_mode             = "awsvpc"
  pid_mode                 = "task"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 256
  memory                   = 512
  task_role_arn            = "arn:aws:iam::123456789012:role/app"
  execution_role_arn       = "arn:aws:iam::123456789012:role/app-execution"

  volume "data" {
    efs_volume_configuration {
      file_system_id     = "fs-12345678"
      transit_encryption = "ENABLED"
    }
  }

  container "web" {
    image                    = "nginx:1.25.3"
    privileged               = false
    readonly_root_filesystem = true
    user                     = "1000:0"
    environment = {
      DB_PASSWORD_FILE               = "/run/secrets/db"
      OAUTH_TOKEN_URL                = "https://auth.example.com/token"
      API_KEY_SECRET_ARN             = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:api"
      PASSWORD_RESET_EXPIRES_MINUTES = "30"
      TOKEN_CACHE                    = "true"
      ACCESS_KEY_PREFIX              = "AKIA"
    }
    secrets = {
      DB_PASSWORD = "arn:aws:ssm:eu-west-1:123456789012:parameter/db-password"
    }
    linux_parameters {
      capabilities {
        add  = ["SYS_PTRACE"]
        drop = ["ALL"]
      }
    }
    log_configuration {
      log_driver = "awslogs"
      options = {
        awslogs-group         = "app"
        awslogs-region        = "eu-west-1"
        awslogs-stream-prefix = "web"
      }
    }
  }

  container "pinned" {
    image                    = "public.ecr.aws/docker/library/busybox@sha256:7b3ccabffc97de872a30dfd234fd972a66d247c8cfc69b0550f276481852627c"
    essential                = false
    readonly_root_filesystem = true
    user                     = "nobody"
    log_configuration {
      log_driver = "awslogs"
      options = {
        awslogs-group         = "app"
        awslogs-region        = "eu-west-1"
        awslogs-stream-prefix = "pinned"
      }
    }
  }
}

# Windows containers have no readonlyRootFilesystem or user (ECS.5 and
# ECS.20 do not apply); an EC2 container with a memory hard limit.
task_definition "windows" {
  family                   = "windows"
  requires_compatibilities = ["EC2"]
  runtime_platform {
    operating_system_family = "WINDOWS_SERVER_2022_CORE"
  }

  container "iis" {
    image  = "mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022"
    memory = 2048
    cpu    = 1024
    log_configuration {
      log_driver = "awslogs"
      options = {
        awslogs-group         = "iis"
        awslogs-region        = "eu-west-1"
        awslogs-stream-prefix = "iis"
      }
    }
  }
}
