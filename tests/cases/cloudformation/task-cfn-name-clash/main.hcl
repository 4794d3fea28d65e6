# A task definition's cfn_name is a logical id like any other: it may not
# be taken twice.
variable "web" {
  default       = "x"
  cfn_parameter = true
}

task_definition "api" {
  cfn_name = "Web"
  memory   = 512
  container "api" { image = "example/api:1.0" }
}

task_definition "web" {
  cfn_name = "WorkerTaskDefinition"
  memory   = 512
  container "web" { image = "example/web:1.0" }
}

task_definition "worker" {
  memory = 512
  container "worker" { image = "example/worker:1.0" }
}
