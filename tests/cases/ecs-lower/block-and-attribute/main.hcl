# A member given both as a block and as an attribute, or in two spellings,
# or as two blocks: each an error naming both places.
task_definition "web" {
  family      = "web"
  memory      = 512
  networkMode = "bridge"
  network_mode = "host"
  runtime_platform { operating_system_family = "LINUX" }
  runtimePlatform { cpu_architecture = "ARM64" }
  container "web" {
    image = "nginx:1.25"
    log_configuration = { log_driver = "json-file" }
    log_configuration { log_driver = "awslogs" }
    port_mappings = [{ container_port = 80 }]
    port_mapping { container_port = 81 }
    port_mapping { container_port = 82 }
  }
  container_definitions = []
}
