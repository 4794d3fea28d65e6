# Environment entries from a sensitive list: rules name no entry and quote no value.
variable "env" {
  sensitive = true
  default   = [{ name = "DB_PASSWORD", value = "hunter2secret" }, { name = "AWS_KEY", value = "AKIAIOSFODNN7EXAMPLE" }, { name = "DB_PASSWORD", value = "x" }]
}
task_definition "web" {
  family = "web"
  container "web" {
    image  = "nginx:latest"
    memory = 512
    environment = var.env
    secret {
      name       = "S"
      value_from = "topsecretkey"
    }
  }
}
