# A container or volume needs exactly one label, its name; other blocks
# take none; the label and a name attribute may not both set the name.
task_definition "web" {
  family = "web"
  memory = 512
  container {
    image = "nginx:1.25"
  }
  container "web" {
    name  = "other"
    image = "nginx:1.25"
    port_mapping "http" { container_port = 80 }
  }
  volume "a" "b" {}
}
