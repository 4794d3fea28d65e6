# Each name of cfn_depends_on is another resource of the template or a name
# declared external; not a parameter, not the resource itself.
variable "stage" {
  default       = "prod"
  cfn_parameter = true
}

cloudformation {
  external = ["LogGroup"]
}

task_definition "web" {
  cfn_depends_on = ["LogGroupp", "Stage", "WebTaskDefinition", "Worker", "WorkerTaskDefinition"]
  memory         = 512
  container "web" { image = "example/web:1.0" }
}

task_definition "worker" {
  memory = 512
  container "worker" { image = "example/worker:1.0" }
}
