cloudformation {
  conditions = {
    IsProd = cfn_equals(cfn_ref("AWS::Region"), "x")
  }
}

task_definition "web" {
  cfn_condition = "IsPrd"
  family        = "web"

  container "web" {
    image  = "nginx"
    memory = 128
  }
}
