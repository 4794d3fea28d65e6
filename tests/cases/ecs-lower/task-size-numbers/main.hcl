# Task cpu and memory as numbers and numeric strings: strings in the API.
task_definition "small" {
  family = "small"
  cpu    = 256
  memory = "512"
  container "app" { image = "example/app:1.0" }
}
