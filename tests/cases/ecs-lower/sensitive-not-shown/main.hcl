# A sensitive value is never shown in a diagnostic.
variable "cpu" {
  default   = "very much"
  sensitive = true
}

task_definition "web" {
  family = "web"
  cpu    = var.cpu
  memory = 512
  container "web" { image = "nginx:1.25" }
}
