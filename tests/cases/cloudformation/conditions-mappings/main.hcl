# Conditions and Mappings from the cloudformation block; cfn_if with
# strings, numbers, objects and lists in its branches (renamed like the
# member itself), cfn_ref("AWS::NoValue") leaving a member out, and
# cfn_find_in_map with literal and Ref keys.
variable "env" {
  type          = string
  default       = "dev"
  cfn_parameter = true
}

cloudformation {
  conditions = {
    IsProd    = cfn_equals(var.env, "prod")
    IsStaging = cfn_equals(var.env, "staging")
    IsLive    = cfn_or(cfn_condition("IsProd"), cfn_condition("IsStaging"))
    IsDev     = cfn_not(cfn_condition("IsLive"))
    DevInUsa  = cfn_and(cfn_condition("IsDev"), cfn_equals(cfn_ref("AWS::Region"), "us-east-1"))
  }
  mappings = {
    Sizes = {
      prod    = { Cpu = "1024", Memory = "2048" }
      staging = { Cpu = "512", Memory = "1024" }
      dev     = { Cpu = "256", Memory = "512" }
    }
    Registry = {
      Images = { Web = "public.ecr.aws/nginx/nginx:1.27", Sidecar = "busybox:1.36" }
    }
  }
}

task_definition "web" {
  family                   = "web"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = cfn_find_in_map("Sizes", var.env, "Cpu")
  memory                   = cfn_find_in_map("Sizes", var.env, "Memory")

  container "web" {
    image         = cfn_find_in_map("Registry", "Images", "Web")
    memory        = cfn_if("IsLive", 1024, 512)
    port_mappings = cfn_if("IsProd", [{ container_port = 443 }], [{ container_port = 80 }])
    environment = {
      MODE  = cfn_if("IsDev", "dev", "live")
      DEBUG = cfn_if("DevInUsa", "1", cfn_ref("AWS::NoValue"))
    }
    log_configuration = cfn_if("IsLive", {
      log_driver = "awslogs"
      options = {
        "awslogs-group"         = "/ecs/web"
        "awslogs-region"        = cfn_ref("AWS::Region")
        "awslogs-stream-prefix" = "web"
      }
    }, cfn_ref("AWS::NoValue"))
  }
}
