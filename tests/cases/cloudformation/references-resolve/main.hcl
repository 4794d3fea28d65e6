# References that resolve: a parameter, pseudo parameters, a resource of
# the template (with its one attribute), a variable of cfn_sub's own map,
# an external name, and ${!Literal}, which stays literal text.
variable "execution_role_arn" {
  type          = string
  default       = "arn:aws:iam::123456789012:role/exec"
  cfn_parameter = true
}

cloudformation {
  external = ["TaskRole", "Domain"]
}

task_definition "web" {
  family             = "web"
  memory             = 512
  execution_role_arn = cfn_ref("ExecutionRoleArn")
  task_role_arn      = cfn_get_att("TaskRole", "Arn")
  container "app" {
    image = "example/app:1.0"
    environment = {
      SITE    = cfn_sub("https://${Domain}/${AWS::Region}/${AWS::AccountId}")
      SHELL   = cfn_sub("${!HOME}/bin and ${Name}", { Name = cfn_ref("AWS::StackName") })
      WORKER  = cfn_sub("${WorkerTaskDefinition.TaskDefinitionArn}")
      WORKER2 = cfn_get_att("WorkerTaskDefinition", "TaskDefinitionArn")
      ROLE    = cfn_sub("${ExecutionRoleArn}")
    }
  }
}

task_definition "worker" {
  family = "worker"
  memory = 512
  container "app" { image = "example/app:1.0" }
}
