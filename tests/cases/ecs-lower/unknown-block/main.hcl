# Unknown blocks, blocks that belong in a container, and members that
# cannot be written as blocks.
task_definition "web" {
  family = "web"
  memory = 512
  contaner "web" {}
  depends_on { container_name = "db" }
  container "web" {
    image { }
    port_mappings { container_port = 80 }
    helth_check { command = ["CMD", "true"] }
  }
}
