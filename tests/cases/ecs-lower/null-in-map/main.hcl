# null omits a member, but an entry of a map cannot be null: say which key.
variable "env" {
  type    = map(string)
  default = { A = "1", B = null }
}

task_definition "web" {
  family = "web"
  memory = 512
  container "web" {
    image         = "nginx:1.25"
    environment   = var.env
    docker_labels = { team = null }
    secrets       = { TOKEN = null }
  }
}
