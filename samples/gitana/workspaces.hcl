# One block per environment: `hclc build -w prod --out-dir out` picks one.

workspace "dev" {
  account_id          = "210987654321"
  config_bucket       = "acme-gitana-dev"
  sqs_queue_name      = "gitana-dev-ui-notifications"
  sqs_credentials_arn = "arn:aws:secretsmanager:eu-west-1:210987654321:secret:gitana/dev/sqs-7hQm2X"
}

workspace "prod" {
  account_id          = "123456789012"
  config_bucket       = "acme-gitana-prod"
  sqs_queue_name      = "gitana-prod-ui-notifications"
  sqs_credentials_arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:gitana/prod/sqs-Lr5vK0"

  # The API gets more room in production (4 vCPU, 16 GiB), the UI 2 vCPU.
  sizes = {
    api = { cpu = 4096, memory = 16384 }
    ui  = { cpu = 2048, memory = 4096 }
  }
}
