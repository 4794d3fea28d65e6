# An unknown member: "did you mean" in the spelling the user wrote.
task_definition "web" {
  family       = "web"
  memory       = 512
  network_mdoe = "bridge"
  container "web" {
    image = "nginx:1.25"
    port_mapping { container_prot = 80 }
    health_check = { comand = ["CMD", "true"] }
  }
}
