# cfn_if and the other new intrinsics are CloudFormation's too: the
# container-definitions target refuses them at the call.
task_definition "api" {
  family = "api"
  memory = 512
  container "api" {
    image = cfn_if("UseLatest", "example/api:latest", "example/api:1.0")
  }
}
