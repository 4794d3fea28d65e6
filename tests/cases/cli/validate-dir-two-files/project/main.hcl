task_definition "web" {
  family = "web-$<workspace.name>"
  cpu    = var.cpu
}
