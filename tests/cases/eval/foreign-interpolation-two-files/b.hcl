output "url" { value = "https://${var.region}.example.com" }
