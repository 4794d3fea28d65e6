# Faults of different rules in one task definition are all reported.
locals {
  ports = { http = 80 }
}

task_definition "web" {
  family       = "web"
  network_mode = "awsvpc"
  memory       = 1024

  container "web" {
    image = "nginx:1.25"
    port_mapping {
      container_port = local.ports.http
      host_port      = 8080
    }
    depends_on {
      container_name = "migrate"
      condition      = "SUCCESS"
    }
    depends_on {
      container_name = "db"
      condition      = "START"
    }
    mount_point {
      source_volume  = "statics"
      container_path = "/srv/static"
    }
  }

  container "migrate" {
    image   = "nginx:1.25"
    command = ["./migrate"]
  }

  volume "static" {}
}
