# Integer members take integers and integer strings; anything else numeric
# or textual is an error at the attribute, noting where the value was set.
variable "port" { default = 80 }

workspace "prod" {
  port = "80x"
}

task_definition "web" {
  family = "web"
  memory = 512
  container "web" {
    image = "nginx:1.25"
    port_mapping { container_port = var.port }
    port_mapping { container_port = 80.5 }
    health_check {
      command  = ["CMD", "true"]
      interval = "30s"
    }
    restart_policy = { enabled = true, ignored_exit_codes = [0, "one"] }
  }
}
