variable "db_password" { sensitive = true }

output "url" {
  value     = "postgres://app:$<var.db_password>@db/app"
  sensitive = true # a secret in the compiled output, where it was asked for
}
