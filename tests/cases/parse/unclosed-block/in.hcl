task_definition "web" {
  family = "web"
