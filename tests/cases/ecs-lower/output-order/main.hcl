# Members come out in the order written, attributes and blocks mixed; a
# list of repeated blocks takes the place of its first block; name first.
task_definition "order" {
  volume "v1" {}
  family = "order"
  container "b" {
    port_mapping { container_port = 1 }
    image = "example/b:1"
    port_mapping { container_port = 2 }
    essential = true
  }
  memory = 512
  volume "v2" {}
  container "a" { image = "example/a:1" }
}
