# A diagnostic the same in several workspaces is printed once, naming them.
variable "replicas" {
  type    = number
  default = 0
  validation {
    condition     = var.replicas > 0
    error_message = "replicas must be positive"
  }
}

variable "token" {
  type = string
}

workspace "dev" {}
workspace "stage" {}

workspace "prod" {
  replicas = 3
  token    = "t"
}
