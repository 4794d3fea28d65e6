task_definition "web" {
  family = "web-$<workspace.name>"
  cpu    = var.cpu
  memory = 512

  container "web" { image = "nginx:1.27", essential = true }
}
