# cfn_name is a logical id of letters and digits; cfn_name and
# cfn_condition are constant strings, cfn_depends_on a list of them.
variable "name" {
  default = "Batch"
}

task_definition "batch" {
  cfn_name       = "batch-job"
  cfn_condition  = var.name
  cfn_depends_on = "Worker"
  memory         = 512
  container "batch" { image = "example/batch:1.0" }
}

task_definition "worker" {
  cfn_depends_on = ["", var.name]
  memory         = 512
  container "worker" { image = "example/worker:1.0" }
}
