# A parameter's value is known only at deploy time: interpolating it is an
# error that points at the use (cfn_sub builds such strings instead).
variable "tag" {
  default       = "1.0"
  cfn_parameter = true
}

task_definition "app" {
  family = "app"
  memory = 512
  container "app" { image = "example/app:$<var.tag>" }
}
