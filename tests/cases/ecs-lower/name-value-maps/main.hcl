# environment, secrets, tags and system_controls written as objects become
# the API's name/value lists, in the order the keys were written; numbers
# and bools become strings.
variable "region" { default = "eu-west-1" }

task_definition "api" {
  family             = "api"
  memory             = 512
  execution_role_arn = "arn:aws:iam::123456789012:role/exec"
  tags               = { Team = "core", Cost = 42, Public = false }

  container "api" {
    image = "example/api:3.0"
    environment = {
      ZETA   = "last in ABC order, first here"
      REGION = var.region
      PORT   = 8080
      DEBUG  = false
      RATIO  = 0.75
    }
    secrets = {
      DB_URL = "arn:aws:ssm:eu-west-1:123456789012:parameter/api/db-url"
    }
    system_controls = { "net.core.somaxconn" = 1024 }
  }
}
