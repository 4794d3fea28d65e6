# The list attribute forms: container_definitions, port_mappings,
# environment and volumes written as lists of objects.
locals {
  env = [{ name = "MODE", value = "prod" }, { name = "WORKERS", value = 4 }]
}

task_definition "worker" {
  family = "worker"
  memory = "512"
  container_definitions = [
    {
      name          = "worker"
      image         = "example/worker:2.1"
      port_mappings = [{ container_port = 9000 }, { container_port = 9001, host_port = 0 }]
      environment   = local.env
    },
  ]
  volumes = [{ name = "scratch", host = { source_path = "/var/scratch" } }]
}
