# Without a value, a cfn_parameter variable is a parameter without Default
# in the CloudFormation targets only: elsewhere it needs a value as any
# variable does.
variable "stage" {
  type          = string
  cfn_parameter = true
}

task_definition "app" {
  family = "app"
  memory = 512
  container "app" {
    image       = "example/app:1.0"
    environment = { STAGE = var.stage }
  }
}
