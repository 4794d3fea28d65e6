# Parameters and resources share one namespace of logical ids.
variable "password" {
  default       = "x"
  cfn_parameter = true
  cfn_name      = "AppTaskDefinition"
}

variable "db_password" {
  default       = "y"
  cfn_parameter = true
  cfn_name      = "Secret"
}

variable "secret" {
  default       = "z"
  cfn_parameter = true
}

task_definition "app" {
  family = "app"
  memory = 512
  container "app" { image = "example/app:1.0" }
}
