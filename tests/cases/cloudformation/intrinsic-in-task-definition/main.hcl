# Intrinsics mean nothing to register-task-definition: an error at the call.
task_definition "api" {
  family = "api"
  memory = 512
  container "api" {
    image       = "example/api:1.0"
    environment = { REGION = cfn_ref("AWS::Region") }
  }
}
