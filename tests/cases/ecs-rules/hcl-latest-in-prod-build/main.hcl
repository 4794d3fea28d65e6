# Warnings do not stop the build: the task definition is printed.
variable "tag" {
  type    = string
  default = "1.25"
}

workspace "dev" {}
workspace "prod" { tag = "latest" }

task_definition "web" {
  family = "web"
  memory = 512

  container "web" {
    image       = "nginx:$<var.tag>"
    environment = { API_TOKEN = "not-so-secret" }
  }
}
