# Logic on a parameter's value cannot be decided before deployment.
variable "env" {
  default       = "prod"
  cfn_parameter = true
}

task_definition "app" {
  family = "app"
  memory = var.env == "prod" ? 1024 : 512
  container "app" {
    image   = "example/app:1.0"
    command = [upper(var.env)]
  }
}
