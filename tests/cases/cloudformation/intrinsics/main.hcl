# Each intrinsic in a string member, a list, an integer member, a user map
# and a name/value map; nested intrinsics; ${AWS::Region} passes through
# cfn_sub untouched while $<...> is interpolated by hclc first.
locals {
  bucket = "acme-config"
}

# Defined by another part of the stack.
cloudformation {
  external = ["TaskRole", "Environment", "Repository", "ContainerMemory", "Mode", "EntryPoint"]
}

task_definition "api" {
  family                   = cfn_sub("api-${AWS::StackName}")
  task_role_arn            = cfn_get_att("TaskRole", "Arn")
  execution_role_arn       = cfn_import_value(cfn_sub("${Env}-execution-role-arn", { Env = cfn_ref("Environment") }))
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 256
  memory                   = 512

  container "api" {
    image       = cfn_join(":", [cfn_ref("Repository"), "1.0"])
    memory      = cfn_ref("ContainerMemory")
    command     = ["serve", cfn_select(1, ["blue", "green"]), cfn_ref("Mode")]
    entry_point = cfn_ref("EntryPoint")
    environment = {
      CONFIG = cfn_sub("s3://$<local.bucket>/${AWS::Region}/config.json")
      REGION = cfn_ref("AWS::Region")
      PLAIN  = "kept"
    }
    docker_labels = { stack = cfn_ref("AWS::StackName") }
    log_configuration {
      log_driver = "awslogs"
      options = {
        "awslogs-group"         = cfn_sub("/ecs/${AWS::StackName}")
        "awslogs-region"        = cfn_ref("AWS::Region")
        "awslogs-stream-prefix" = "api"
      }
    }
  }
}
