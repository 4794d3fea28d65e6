variable "db_password" { sensitive = true }
output "url" { value = "postgres://app:$<var.db_password>@db/app" }
