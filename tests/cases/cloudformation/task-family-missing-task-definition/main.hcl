# family is optional in the CloudFormation targets only: a task definition
# registered with the API needs one.
task_definition "web" {
  memory = 512
  container "web" { image = "example/web:1.0" }
}
