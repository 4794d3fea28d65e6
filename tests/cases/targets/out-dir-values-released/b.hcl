# Built after a1: the first call written in b.hcl runs while b1 is built
# (the evaluator notes b.hcl's directory then); b2 to b4 read files
# relative to it, b3 and b4 with the template b2 parsed.
task_definition "b1" {
  family             = lower("B1")
  execution_role_arn = local.role
  container "app" {
    image       = "public.ecr.aws/docker/library/busybox:1.36"
    memory      = 128
    environment = local.env
  }
}

task_definition "b2" {
  family             = "b2"
  execution_role_arn = local.role
  container "app" {
    image       = "public.ecr.aws/docker/library/busybox:1.36"
    memory      = 128
    command     = split(" ", trimspace(file("cmd.txt")))
    environment = merge(local.env, { TASK = "b2" })
    entry_point = [templatefile("entry.tftpl", { name = "b2" })]
  }
}

task_definition "b3" {
  family             = "b3"
  execution_role_arn = local.role
  container "app" {
    image       = "public.ecr.aws/docker/library/busybox:1.36"
    memory      = 128
    command     = split(" ", trimspace(file("cmd.txt")))
    environment = merge(local.env, { TASK = "b3" })
    entry_point = [templatefile("entry.tftpl", { name = "b3" })]
  }
}

task_definition "b4" {
  family             = "b4"
  execution_role_arn = local.role
  container "app" {
    image       = "public.ecr.aws/docker/library/busybox:1.36"
    memory      = 128
    command     = split(" ", trimspace(file("cmd.txt")))
    entry_point = [templatefile("entry.tftpl", { name = "b4" })]
  }
}
