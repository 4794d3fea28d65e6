task_definition "web" {
  family = "web"
  container "web" {
    image  = "nginx:1.25"
    memory = 5.12e2
    port_mapping {
      container_port = 80.0
    }
  }
}
