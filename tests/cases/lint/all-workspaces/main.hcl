# The root file system finding is the same in both workspaces (shown once);
# the image tag differs: only prod's is latest.
variable "tag" {
  default = "1.4.2"
}

workspace "dev" {}

workspace "prod" {
  tag = "latest"
}

task_definition "app" {
  family                   = "app"
  requires_compatibilities = ["EC2"]

  container "app" {
    image  = "example/app:$<var.tag>"
    memory = 256
    user   = "1000"
    log_configuration {
      log_driver = "json-file"
    }
  }
}
