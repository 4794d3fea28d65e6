# A sensitive value is never shown in a diagnostic, nor the line that
# sets it.
variable "cpu" {
  default   = "very much"
  sensitive = true
}

variable "env" {
  default   = { TOKEN = "hunter2", EMPTY = null }
  sensitive = true
}

task_definition "web" {
  family = "web"
  cpu    = var.cpu
  memory = 512
  container "web" {
    image       = "nginx:1.25"
    environment = var.env
  }
}
