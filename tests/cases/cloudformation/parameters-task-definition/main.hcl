# Outside the CloudFormation targets a cfn_parameter variable is an ordinary
# variable: its value is used.
variable "image" {
  type          = string
  default       = "example/app:1.0"
  cfn_parameter = true
}

variable "container_memory" {
  type          = number
  default       = 256
  cfn_parameter = true
}

workspace "prod" { container_memory = 1024 }

task_definition "app" {
  family = "app"
  memory = 2048
  container "app" {
    image       = var.image
    memory      = var.container_memory
    environment = { IMAGE = "running $<var.image>" }
  }
}
