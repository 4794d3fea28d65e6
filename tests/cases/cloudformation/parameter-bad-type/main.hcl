# Parameters are String or Number.
variable "debug" {
  type          = bool
  default       = false
  cfn_parameter = true
}

task_definition "app" {
  family = "app"
  memory = 512
  container "app" { image = "example/app:1.0" }
}
