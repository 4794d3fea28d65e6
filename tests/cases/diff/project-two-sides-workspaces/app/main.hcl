# A small service for the diff cases: two workspaces, a sensitive
# variable, keyed lists and outputs.

variable "tag" {
  type    = string
  default = "1.0.0"
}

variable "log_level" {
  type    = string
  default = "info"
}

variable "api_token" {
  type      = string
  default   = "dev-token-123"
  sensitive = true
}

workspace "dev" {}

workspace "prod" {
  tag       = "1.1.0"
  log_level = "warn"
  api_token = "prod-token-456"
}

task_definition "api" {
  family                   = "api-$<workspace.name>"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "0.5 vCPU"
  memory                   = 1024
  execution_role_arn       = "arn:aws:iam::123456789012:role/api-execution"
  tags                     = { service = "api", stage = workspace.name }

  container "api" {
    image   = "example/api:$<var.tag>"
    command = ["serve", "--token", var.api_token]
    port_mapping { container_port = 8080 }
    environment = {
      LOG_LEVEL = var.log_level
      SETTINGS  = jsonencode({ cache = { ttl = workspace.name == "prod" ? 300 : 30 }, debug = false })
    }
    secrets = {
      DB_PASSWORD = "arn:aws:ssm:us-east-1:123456789012:parameter/api/$<workspace.name>/db"
    }
  }
}

output "url" {
  value = "https://api-$<workspace.name>.example.com"
}
