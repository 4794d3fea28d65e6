# Two findings: a privileged container, and its root file system writable.
task_definition "app" {
  family                   = "app"
  requires_compatibilities = ["EC2"]

  container "web" {
    image      = "nginx:1.25.3"
    memory     = 256
    user       = "101"
    privileged = var.debug
    log_configuration {
      log_driver = "awslogs"
      options = {
        awslogs-group         = "app"
        awslogs-region        = "eu-west-1"
        awslogs-stream-prefix = "web"
      }
    }
  }
}

variable "debug" {
  default = true
}
