# A sensitive object in a task definition: its keys are not named either.
variable "lc" {
  sensitive = true
  default   = { logDriver = "awslogs", topsecretkey = "x" }
}
task_definition "web" {
  family = "web"
  container "web" {
    image  = "nginx:1.25"
    memory = 512
    log_configuration = var.lc
  }
}
