# The cloudformation block: at most one, a list of constant names.
cloudformation {
  external = ["TaskRole", "", upper("x")]
  externals = []
}

cloudformation {
  external = "TaskRole"
}

task_definition "web" {
  family = "web"
  memory = 512
  container "app" { image = "example/app:1.0" }
}
