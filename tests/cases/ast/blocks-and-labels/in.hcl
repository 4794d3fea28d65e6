task_definition "web" {
  family = "bridge-$<workspace.name>"

  container "app" {
    image = "$<var.repo>:$<var.tag>"
    port_mapping { container_port = 8000 }
  }
  volume static {}
}
locals {
}
