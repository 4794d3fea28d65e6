# terraform workspace select dev && terraform apply -var-file=dev.tfvars
# becomes: hclc build -w dev --out-dir out

workspace "dev" {
  account_id  = "210987654321"
  app_tag     = "1.5.0-rc.1"
  domain_name = "bridge-dev.example.edu"
  log_level   = "debug"
}

workspace "stage" {
  account_id  = "210987654321"
  app_tag     = "1.4.2"
  domain_name = "bridge-stage.example.edu"
}

workspace "prod" {
  account_id  = "123456789012"
  app_tag     = "1.4.2"
  domain_name = "bridge.example.edu"
  sizes = {
    web    = { cpu = 1024, memory = 2048 }
    worker = { cpu = 1024, memory = 2048 }
  }
}
