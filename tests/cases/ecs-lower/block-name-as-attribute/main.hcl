# A block name used as an attribute points at the list member and at the
# block form; inside an object value, only at the list member.
task_definition "web" {
  family    = "web"
  memory    = 512
  container = { name = "web", image = "nginx:1.25" }
  container_definitions = [{
    name         = "web"
    image        = "nginx:1.25"
    port_mapping = { container_port = 80 }
    cpu          = "a\tvery long value, longer than forty characters"
  }]
}
