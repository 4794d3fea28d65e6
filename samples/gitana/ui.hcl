# The UI server. Like the API it gets its files from the configuration
# bucket through an init container. It picks up the API's notifications
# from the SQS queue that the API's SNS topic feeds: the queue's address
# is plain configuration, the keys come from Secrets Manager at start-up
# (the execution role reads them), so no key is written here.

# hclc:ignore E1002,E1003 -- Gitana's images write to their file system, as their own user
task_definition "ui" {
  family                   = "$<local.prefix>-ui"
  task_role_arn            = local.node_role_arn
  execution_role_arn       = local.execution_role_arn
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = local.size.ui.cpu
  memory                   = local.size.ui.memory
  tags                     = local.tags

  container "init" {
    image     = local.image.init
    essential = false
    command   = ["s3", "sync", "--delete", "s3://$<var.config_bucket>/config/ui", "/gitana"]

    mount_point {
      source_volume  = "gitana"
      container_path = "/gitana"
    }

    log_configuration = local.logs.ui
  }

  container "ui" {
    image     = local.image.ui
    essential = true

    port_mapping {
      name           = "ui"
      container_port = 80
      app_protocol   = "http"
    }

    mount_point {
      source_volume  = "gitana"
      container_path = "/gitana"
      read_only      = true
    }

    depends_on {
      container_name = "init"
      condition      = "SUCCESS"
    }

    environment = {
      CLOUDCMS_NOTIFICATIONS_ENABLED       = true
      CLOUDCMS_NOTIFICATIONS_SQS_QUEUE_URL = "https://sqs.$<var.region>.amazonaws.com/$<var.account_id>/$<var.sqs_queue_name>"
      CLOUDCMS_NOTIFICATIONS_SQS_REGION    = var.region
    }

    # A JSON key of the secret: ARN:json-key:version-stage:version-id.
    secrets = {
      CLOUDCMS_NOTIFICATIONS_SQS_ACCESS_KEY = "$<var.sqs_credentials_arn>:accessKey::"
      CLOUDCMS_NOTIFICATIONS_SQS_SECRET_KEY = "$<var.sqs_credentials_arn>:secretKey::"
    }

    log_configuration = local.logs.ui
  }

  volume "gitana" {}
}
