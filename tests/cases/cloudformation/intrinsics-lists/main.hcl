# Fn::Split, Fn::GetAZs and Fn::Cidr stand for lists: where a list goes,
# or inside cfn_select; Fn::Base64 for a string.
cloudformation {
  external = ["Subnets", "Script"]
}

task_definition "api" {
  family                   = "api"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 256
  memory                   = 512

  container "api" {
    image   = "nginx:1.27"
    command = cfn_split(",", cfn_ref("Script"))
    environment = {
      FIRST_SUBNET = cfn_select(0, cfn_split(",", cfn_ref("Subnets")))
      ZONE         = cfn_select(1, cfn_get_azs(""))
      HOME_ZONE    = cfn_select(0, cfn_get_azs(cfn_ref("AWS::Region")))
      BLOCK        = cfn_select(2, cfn_cidr("10.0.0.0/16", 4, 8))
      SCRIPT       = cfn_base64(cfn_sub("echo ${AWS::StackName}"))
      PLAIN        = cfn_base64("text")
    }
  }
}
