# cfn_condition must name a condition of the cloudformation block.
variable "env" {
  default       = "dev"
  cfn_parameter = true
}

cloudformation {
  conditions = {
    IsProd = cfn_equals(var.env, "prod")
  }
}

task_definition "web" {
  cfn_condition = "IsProduction"
  memory        = 512
  container "web" { image = "example/web:1.0" }
}

task_definition "worker" {
  cfn_condition = "HasWorker"
  memory        = 512
  container "worker" { image = "example/worker:1.0" }
}
