# Keys of a sensitive map are part of the secret: no path or message names them.
variable "labels" {
  sensitive = true
  default   = { topsecretkey = [1], topsecretkeyc = { a = 1 } }
}

variable "opts" {
  sensitive = true
  default   = { "awslogs-group" = "g", "awslogs-region" = "eu-west-1", topsecretkeyd = "x" }
}

variable "env" {
  sensitive = true
  default   = { topsecretkeye = [1] }
}

task_definition "web" {
  family = "web"
  container "web" {
    image         = "nginx:1.25"
    memory        = 512
    docker_labels = var.labels
    environment   = var.env
    log_configuration {
      log_driver = "awslogs"
      options    = var.opts
    }
  }
}
