# The DataGrail Request Manager Agent on Fargate: one task, one container.
# The agent reads its whole configuration from DATAGRAIL_AGENT_CONFIG, a
# JSON document squeezed onto one line: jsondecode checks the file is JSON
# (an error points at the bad line of config/*.json) and jsonencode prints
# it back compactly, which is what `jq -sR .` did by hand.

locals {
  name         = "datagrail-rm-agent"
  agent_config = jsondecode(file(var.agent_config_file))
  bucket       = local.agent_config.platform.storage_manager.options.bucket

  # Every secret the agent reads: its own, DataGrail's, and one per connection.
  secret_arns = distinct(concat(
    [
      local.agent_config.datagrail_agent_credentials_location,
      local.agent_config.datagrail_credentials_location,
    ],
    [for c in local.agent_config.connections : c.credentials_location],
  ))
}

# hclc:ignore E1002,E1003 -- the vendor's image writes to its file system, as its own user
task_definition "agent" {
  family                   = local.name
  task_role_arn            = "arn:aws:iam::$<var.account_id>:role/DataGrailAgentTaskRole"
  execution_role_arn       = "arn:aws:iam::$<var.account_id>:role/ecsTaskExecutionRole"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = var.cpu
  memory                   = var.memory
  tags                     = { Application = local.name, Environment = workspace.name }

  # The image is built for amd64 only ("no matching manifest" elsewhere).
  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  # No command: the image's own CMD (supervisord -n -c /etc/rm.conf)
  # starts the agent.
  container "datagrail-rm-agent" {
    image             = "$<var.image_repository>:$<var.agent_version>"
    essential         = true
    working_directory = "/app"

    # DataGrail's registry is private: ECS logs in with the secret's login.
    repository_credentials {
      credentials_parameter = var.registry_credentials_arn
    }

    port_mapping {
      container_port = 8080
      protocol       = "tcp"
    }

    environment = {
      DATAGRAIL_AGENT_CONFIG = jsonencode(local.agent_config)
    }

    log_configuration {
      log_driver = "awslogs"
      options = {
        "awslogs-group"         = "/ecs/$<local.name>"
        "awslogs-region"        = var.region
        "awslogs-create-group"  = "true"
        "awslogs-stream-prefix" = "ecs"
      }
    }

    # The target group checks the same path.
    health_check {
      command      = ["CMD-SHELL", "curl -f http://localhost:8080/docs || exit 1"]
      interval     = 30
      timeout      = 5
      retries      = 3
      start_period = 10
    }
  }
}

# The policy of DataGrailAgentTaskRole, derived from the agent's own
# configuration: write reports to its bucket, read the secrets it names.
#   hclc build -w prod --output task_role_policy > policy.json
#   aws iam create-policy --policy-name DataGrailAgent --policy-document file://policy.json
output "task_role_policy" {
  description = "IAM policy document for the agent's task role"
  value = {
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "S3PutObject"
        Action   = "s3:PutObject"
        Effect   = "Allow"
        Resource = ["arn:aws:s3:::$<local.bucket>/*"]
      },
      {
        Sid      = "SecretsManagerGetSecretValue"
        Action   = "secretsmanager:GetSecretValue"
        Effect   = "Allow"
        Resource = local.secret_arns
      },
    ]
  }
}
