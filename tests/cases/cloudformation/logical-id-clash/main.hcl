# Two labels that keep the same letters and digits get the same logical id.
task_definition "web-api" {
  family = "web-api"
  memory = 512
  container "app" { image = "example/app:1.0" }
}

task_definition "web_api" {
  family = "web_api"
  memory = 512
  container "app" { image = "example/app:1.0" }
}
