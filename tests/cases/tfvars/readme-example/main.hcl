variable "image_tag" { type = string }

variable "replicas" {
  type    = number
  default = 1
}

variable "env" {
  type    = map(string)
  default = {}
}

variable "db_password" {
  type      = string
  sensitive = true
  default   = "dev"
}

workspace "dev" { image_tag = "1.5.0-rc1" }

workspace "prod" {
  image_tag = "1.4.2"
  replicas  = "3"
  env       = { LOG_FORMAT = "json", GREETING = "Hello ${USER}, 100% $$<ready>" }
}

output "service" {
  value = { tag = var.image_tag, replicas = var.replicas, env = var.env }
}
