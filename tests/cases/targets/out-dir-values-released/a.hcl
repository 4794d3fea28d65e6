# The locals, evaluated before any task definition, read a file named
# from a.hcl; a1 uses them.
locals {
  role = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"
  env  = { LEVEL = upper(trimspace(file("level.txt"))) }
}

task_definition "a1" {
  family             = "a1"
  execution_role_arn = local.role
  container "app" {
    image       = "public.ecr.aws/docker/library/busybox:1.36"
    memory      = 128
    environment = local.env
  }
}
