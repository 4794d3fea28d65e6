# A variable or local whose value is a parameter's becomes the same Ref
# (its type stands for the parameter's value).
variable "region" {
  type          = string
  default       = "eu-west-1"
  cfn_parameter = true
}

variable "log_region" {
  type    = string
  default = var.region
}

variable "zones" {
  type    = list(string)
  default = [var.region, "b"]
}

locals {
  group = cfn_sub("/ecs/${Region}")
}

task_definition "app" {
  family = "app"
  memory = 512
  container "app" {
    image   = "example/app:1.0"
    command = var.zones
    log_configuration {
      log_driver = "awslogs"
      options = {
        "awslogs-group"         = local.group
        "awslogs-region"        = var.log_region
        "awslogs-stream-prefix" = "app"
      }
    }
  }
}
