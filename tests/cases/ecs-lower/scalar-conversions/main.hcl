# Strings take numbers and bools; integers take integer strings; booleans
# take "true" and "false".
variable "uid" { default = 1000 }

variable "port" {
  type    = string
  default = "8080"
}

task_definition "conv" {
  family = "conv"
  memory = 512
  container "conv" {
    image        = "example/conv:1.0"
    user         = var.uid
    essential    = "true"
    privileged   = "false"
    stop_timeout = "30"
    port_mapping {
      container_port = var.port
      host_port      = "0"
    }
    command = ["sleep", 3600]
  }
}
