# null omits a member (also inside object values); empty lists and objects
# stay as written.
variable "role" { default = null }

task_definition "svc" {
  family        = "svc"
  memory        = 512
  task_role_arn = var.role
  cpu           = null

  container "svc" {
    image         = "example/svc:1.0"
    command       = []
    entry_point   = null
    environment   = {}
    docker_labels = {}
    health_check  = { command = ["CMD", "true"], retries = null }
  }
}
