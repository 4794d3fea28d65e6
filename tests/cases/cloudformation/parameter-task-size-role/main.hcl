# A cfn_parameter variable set as the task's cpu, memory or a role becomes
# its Ref there too, not the workspace's value.
variable "task_cpu" {
  type          = string
  default       = "256"
  cfn_parameter = true
}

variable "task_memory" {
  type          = number
  default       = 512
  cfn_parameter = true
}

variable "execution_role" {
  type          = string
  default       = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"
  cfn_parameter = true
}

workspace "prod" {
  task_memory = 1024
}

task_definition "web" {
  family                   = "web"
  cpu                      = var.task_cpu
  memory                   = (var.task_memory)
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  execution_role_arn       = var.execution_role
  task_role_arn            = var.execution_role
  container "web" {
    image     = "public.ecr.aws/nginx/nginx:1.27"
    essential = true
  }
}
