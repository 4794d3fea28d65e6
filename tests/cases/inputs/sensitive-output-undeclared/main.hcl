# An output that derives from a secret must say sensitive = true (Terraform's
# rule), through locals, functions, keys and conditions alike.
variable "db_password" { sensitive = true }
locals {
  url = "postgres://app:$<var.db_password>@db/app"
}
output "url" { value = local.url }
output "length" { value = length(var.db_password) }
output "keyed" { value = { (var.db_password) = 1 } }
output "chosen" { value = var.db_password == "" ? "empty" : "set" }
output "plain" { value = "no secret here" }
output "filtered" { value = [for x in ["a", "b"] : x if x == var.db_password] }
