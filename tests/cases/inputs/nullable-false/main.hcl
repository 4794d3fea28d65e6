variable "name" {
  type     = string
  nullable = false
}

output "n" { value = var.name }
