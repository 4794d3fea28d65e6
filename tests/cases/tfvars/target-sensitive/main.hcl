# A sensitive variable, and one whose default is built from it (sensitive
# too), are left out of the .tfvars unless --include-sensitive.
variable "db_password" {
  type      = string
  sensitive = true
}

variable "db_url" { default = "postgres://app:$<var.db_password>@db:5432/app" }
variable "db_host" { default = "db" }

variable "api_keys" {
  type      = map(string)
  sensitive = true
  default   = { stripe = "sk_test_123" }
}

workspace "prod" { db_password = "hunter2" }

output "url" {
  value     = var.db_url
  sensitive = true
}
