# Every Ref, Fn::GetAtt and ${Name} of cfn_sub must name a parameter, a
# pseudo parameter, a resource of the template or an external name.
variable "execution_role_arn" {
  type          = string
  default       = "arn:aws:iam::123456789012:role/exec"
  cfn_parameter = true
}

cloudformation {
  external = ["TaskRole"]
}

task_definition "web" {
  family             = "web"
  memory             = 512
  execution_role_arn = cfn_ref("ExecutionRoleArm")
  task_role_arn      = cfn_get_att("TaskRol", "Arn")
  container "app" {
    image = "example/app:1.0"
    environment = {
      SITE    = cfn_sub("https://${Domain}/")
      REGION  = cfn_sub("${AWS::Regoin}")
      OTHER   = cfn_get_att("ExecutionRoleArn", "Arn")
      ARN     = cfn_sub("${WorkerTaskDefinition.Arn}")
      HABIT   = cfn_sub("${var.execution_role_arn}")
    }
  }
}

task_definition "worker" {
  family = "worker"
  memory = 512
  container "app" { image = "example/app:1.0" }
}
