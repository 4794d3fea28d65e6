# The shapes of conditions and mappings: objects, alphanumeric names,
# conditions built by the condition functions, mapping values that are
# strings, numbers or lists of them.
cloudformation {
  conditions = {
    "is-prod" = cfn_equals(cfn_ref("AWS::Region"), "us-east-1")
    IsBeta    = cfn_if("IsProd", true, false)
    IsTrial   = true
  }
  mappings = {
    Sizes = {
      prod = { Cpu = "1024", Memory = cfn_ref("AWS::Region") }
      dev  = { Cpu = { value = 256 }, Memory = null }
      beta = {}
    }
    Empty    = {}
    Flat     = { Cpu = "256" }
    "my_map" = { a = { b = ["x", 1] } }
  }
}

task_definition "web" {
  family = "web"
  container "web" {
    image  = "nginx:1.27"
    memory = 512
  }
}
