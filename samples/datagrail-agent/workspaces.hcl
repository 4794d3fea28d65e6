# One block per environment: `hclc build -w prod` picks one.

workspace "dev" {
  account_id               = "210987654321"
  agent_version            = "0.9.4"
  registry_credentials_arn = "arn:aws:secretsmanager:us-west-2:210987654321:secret:datagrail/registry-Hq3ZtL"
  cpu                      = 512
  memory                   = 1024
}

workspace "prod" {
  account_id               = "123456789012"
  agent_version            = "0.9.3"
  registry_credentials_arn = "arn:aws:secretsmanager:us-west-2:123456789012:secret:datagrail/registry-Ux81Pc"
}
