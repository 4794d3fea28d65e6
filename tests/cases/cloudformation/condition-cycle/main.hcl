# Conditions may use each other, but not in a cycle: one error naming the
# way round.
cloudformation {
  conditions = {
    IsProd  = cfn_equals(cfn_ref("AWS::Region"), "us-east-1")
    IsLive  = cfn_or(cfn_condition("IsProd"), cfn_condition("IsBeta"))
    IsBeta  = cfn_and(cfn_condition("IsProd"), cfn_not(cfn_condition("IsTrial")))
    IsTrial = cfn_not(cfn_condition("IsLive"))
  }
}

task_definition "web" {
  family = "web"
  container "web" {
    image  = cfn_if("IsLive", "nginx:1.27", "nginx:1.26")
    memory = 512
  }
}
