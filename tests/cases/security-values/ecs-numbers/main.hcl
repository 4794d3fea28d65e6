# Numbers from sensitive variables: no ECS rule quotes them (nor their sums).
variable "n" {
  type      = number
  sensitive = true
  default   = 77771
}
variable "m" {
  type      = number
  sensitive = true
  default   = 77779
}
task_definition "web" {
  family       = "web"
  network_mode = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu          = var.n
  memory       = var.m
  container "web" {
    image = "nginx:1.25"
    memory = var.m + 1
    memory_reservation = var.m + 2
    cpu = var.n + 300000
    start_timeout = var.n
    port_mapping {
      container_port = var.n - 77000
      host_port      = var.n - 77001
    }
    port_mapping {
      container_port = var.n - 77000
    }
    ulimit {
      name = "nofile"
      soft_limit = var.m
      hard_limit = var.n
    }
  }
  container "b" {
    image = "nginx:1.25"
    memory = 3
    port_mapping {
      container_port = var.n - 77000
    }
  }
}
