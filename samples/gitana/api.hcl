# The API server. An init container first copies config/api from the
# configuration bucket (setup.sh, classes/container.properties, the XML
# context) into the shared volume "gitana"; the API starts only once that
# copy has succeeded.

# hclc:ignore E1002,E1003 -- Gitana's images write to their file system, as their own user
task_definition "api" {
  family                   = "$<local.prefix>-api"
  task_role_arn            = local.node_role_arn
  execution_role_arn       = local.execution_role_arn
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = local.size.api.cpu
  memory                   = local.size.api.memory
  tags                     = local.tags

  container "init" {
    image     = local.image.init
    essential = false
    command   = ["s3", "sync", "--delete", "s3://$<var.config_bucket>/config/api", "/gitana"]

    mount_point {
      source_volume  = "gitana"
      container_path = "/gitana"
    }

    log_configuration = local.logs.api
  }

  container "api" {
    image     = local.image.api
    essential = true

    # 8080 serves the API; 5800 is the cluster port (cluster.port) the API
    # nodes use to find each other.
    port_mapping {
      name           = "api"
      container_port = 8080
      app_protocol   = "http"
    }
    port_mapping {
      name           = "api-cluster"
      container_port = 5800
    }

    mount_point {
      source_volume  = "gitana"
      container_path = "/gitana"
    }

    depends_on {
      container_name = "init"
      condition      = "SUCCESS"
    }

    log_configuration = local.logs.api

    health_check {
      command      = ["CMD-SHELL", "curl -fs http://localhost:8080/ > /dev/null || exit 1"]
      interval     = 30
      timeout      = 10
      retries      = 5
      start_period = 300
    }
  }

  volume "gitana" {}
}
