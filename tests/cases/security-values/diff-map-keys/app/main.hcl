# hclc diff names no key of a sensitive map, on either side.
variable "labels" {
  sensitive = true
  default   = { topsecretkey = "hunter2secret" }
}

variable "pw" {
  sensitive = true
  default   = "hunter2secret"
}

workspace "dev" {}

task_definition "web" {
  family = "web"
  container "web" {
    image         = "nginx:1.25"
    memory        = 512
    docker_labels = var.labels
    command       = [var.pw, "x"]
    environment   = var.labels
  }
}
