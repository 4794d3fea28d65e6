# cfn_parameter = true: the variable becomes a template parameter (Type from
# its type, Default from the workspace's value, Description, NoEcho when
# sensitive) and every use in a task definition becomes {"Ref": ...}.
variable "image_tag" {
  type          = string
  default       = "1.0"
  description   = "Tag of the app image"
  cfn_parameter = true
  validation {
    condition     = length(var.image_tag) > 0
    error_message = "image_tag must not be empty."
  }
}

variable "container_memory" {
  type          = number
  default       = 256
  cfn_parameter = true
}

variable "db_password" {
  type          = string
  sensitive     = true
  description   = "Password of the app database"
  cfn_parameter = true
}

variable "replicas" {
  type    = number
  default = 1
}

workspace "prod" {
  image_tag        = "2.4.1"
  container_memory = 1024
  db_password      = "hunter2"
}

task_definition "app" {
  family = "app"
  memory = 2048
  container "app" {
    image  = cfn_join(":", ["example/app", var.image_tag])
    memory = var.container_memory
    environment = {
      DB_PASSWORD = var.db_password
      REPLICAS    = var.replicas
      LABEL       = cfn_sub("app-${ImageTag}-${AWS::Region}")
    }
  }
}
