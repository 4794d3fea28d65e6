# A member written in a local: the error points at the attribute and notes
# where the value was written.
locals {
  logging = { log_driver = "awslogs", option = { "awslogs-group" = "/ecs/web" } }
}

task_definition "web" {
  family = "web"
  memory = 512
  container "web" {
    image             = "nginx:1.25"
    log_configuration = local.logging
  }
}
