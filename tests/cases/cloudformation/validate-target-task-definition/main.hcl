# validate -t cloudformation checks the project as that target builds it:
# no family, a parameter without value and the template's references are
# fine; the unknown condition is an error. Without -t (as -t
# task-definition builds it) the missing value is an error.
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
  cfn_condition  = "IsProduction"
  cfn_depends_on = ["WorkerTaskDefinition"]
  memory         = 512
  container "web" { image = "example/web:1.0" }
}

task_definition "worker" {
  memory = 512
  container "worker" { image = "example/worker:1.0" }
}
