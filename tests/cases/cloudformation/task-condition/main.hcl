# cfn_condition gives the resource a Condition of the cloudformation
# block: the task definition exists only where the condition holds. Here
# with a parameter without Default, given when the stack is deployed.
variable "env" {
  type          = string
  cfn_parameter = true
  cfn_name      = "Environment"
}

cloudformation {
  conditions = {
    IsProd = cfn_equals(var.env, "prod")
  }
}

task_definition "web" {
  cfn_condition  = "IsProd"
  cfn_depends_on = ["WorkerTaskDefinition"]
  memory         = 512
  container "web" { image = "example/web:1.0" }
}

task_definition "worker" {
  memory = 512
  container "worker" { image = "example/worker:1.0" }
}
