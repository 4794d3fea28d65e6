variable "db_password" {
  type      = number
  sensitive = true
}
variable "api_key" {
  sensitive = true
  validation {
    condition     = length(var.api_key) > 10
    error_message = "api_key is too short."
  }
}
output "p" { value = var.db_password }
