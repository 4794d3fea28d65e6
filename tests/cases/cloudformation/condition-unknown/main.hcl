# Every condition named by cfn_if or cfn_condition must be one of the
# cloudformation block's conditions: an error at the name, with "did you
# mean". A condition cannot use a resource of the template.
cloudformation {
  conditions = {
    IsProd    = cfn_equals(cfn_ref("AWS::Region"), "us-east-1")
    IsOregon  = cfn_equals(cfn_ref("AWS::Region"), "us-west-2")
    IsEnabled = cfn_or(cfn_condition("IsProd"), cfn_condition("IsOregn"))
    HasTask   = cfn_equals(cfn_ref("WebTaskDefinition"), "")
  }
}

task_definition "web" {
  family = "web"
  container "web" {
    image  = cfn_if("IsProdd", "nginx:1.27", "nginx:1.26")
    memory = cfn_if("Unrelated", 512, 256)
  }
}
