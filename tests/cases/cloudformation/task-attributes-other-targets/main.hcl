# The cfn_* attributes of a task definition are the CloudFormation
# resource's: the other targets ignore them, so one source serves all.
task_definition "web" {
  family         = "web"
  cfn_name       = "WebTaskDef"
  cfn_condition  = "IsProd"
  cfn_depends_on = ["LogGroup"]
  memory         = 512
  container "web" { image = "example/web:1.0" }
}
