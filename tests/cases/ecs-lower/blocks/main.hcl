# Blocks: containers and volumes take their name from the label; repeated
# blocks become lists in the order written; struct members as blocks.
task_definition "app" {
  family = "app"
  memory = 1024

  container "app" {
    image = "example/app:1.0"
    port_mapping { container_port = 8000 }
    port_mapping {
      container_port = 8001
      protocol       = "udp"
    }
    mount_point {
      source_volume  = "data"
      container_path = "/data"
      read_only      = true
    }
    ulimit {
      name       = "nofile"
      soft_limit = 1024
      hard_limit = 4096
    }
    depends_on {
      container_name = "init"
      condition      = "SUCCESS"
    }
    log_configuration {
      log_driver = "json-file"
      options    = { max-size = "10m" }
    }
    linux_parameters {
      init_process_enabled = true
      capabilities { add = ["SYS_PTRACE"] }
      tmpfs {
        container_path = "/tmp"
        size           = 64
      }
    }
  }

  container "init" {
    image     = "example/init:1.0"
    essential = false
  }

  volume "data" {
    docker_volume_configuration {
      scope  = "task"
      driver = "local"
    }
  }
  volume "empty" {}
  placement_constraint {
    type       = "memberOf"
    expression = "attribute:ecs.instance-type =~ t3.*"
  }
}
