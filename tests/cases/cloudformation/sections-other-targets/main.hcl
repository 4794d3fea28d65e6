# Conditions and mappings serve the CloudFormation targets only: the other
# targets leave them alone, so one source serves every target.
cloudformation {
  conditions = {
    IsProd = cfn_equals(cfn_ref("AWS::Region"), "us-east-1")
  }
  mappings = {
    Sizes = { prod = { Memory = 512 } }
  }
}

task_definition "web" {
  family = "web"
  container "web" {
    image  = "nginx:1.27"
    memory = 512
  }
}
