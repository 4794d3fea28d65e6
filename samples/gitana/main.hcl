# Gitana 3.2 on Fargate: four services, each its own task definition
# (api.hcl, ui.hcl, av.hcl, clamav.hcl). Service Connect gives them the
# internal names api, ui, av and clamav; the port names below are the ones
# a Service Connect configuration refers to.
#
#   hclc build -w prod --out-dir out    # out/api.json, out/ui.json, ...

locals {
  prefix = "gitana-$<workspace.name>"

  # ecsTaskExecutionRole pulls images and writes logs; ecsTaskNodeRole is
  # what the API and UI themselves use (S3, DocumentDB, OpenSearch).
  execution_role_arn = "arn:aws:iam::$<var.account_id>:role/ecsTaskExecutionRole"
  node_role_arn      = "arn:aws:iam::$<var.account_id>:role/ecsTaskNodeRole"

  image = {
    api    = "$<var.image_registry>/api:$<var.gitana_version>"
    ui     = "$<var.image_registry>/ui:$<var.gitana_version>"
    av     = "$<var.image_registry>/av:$<var.gitana_version>"
    clamav = var.clamav_image
    init   = "public.ecr.aws/aws-cli/aws-cli:2.15.30"
  }

  base_sizes = {
    api    = { cpu = 1024, memory = 4096 }
    ui     = { cpu = 512, memory = 1024 }
    av     = { cpu = 256, memory = 512 }
    clamav = { cpu = 1024, memory = 4096 } # clamd holds the signatures in memory
  }
  size = merge(local.base_sizes, var.sizes)

  # One log group per environment, one stream prefix per service.
  logs = {
    for service in keys(local.base_sizes) : service => {
      log_driver = "awslogs"
      options = {
        "awslogs-group"         = "/ecs/$<local.prefix>"
        "awslogs-region"        = var.region
        "awslogs-create-group"  = "true"
        "awslogs-stream-prefix" = service
      }
    }
  }

  tags = { Application = "gitana", Environment = workspace.name }
}
