locals {
  ports = [80, 443]
}

output "rendered" {
  value = templatefile("templates/nginx.conf.tpl", { server = "web", ports = local.ports })
}

output "json_config" { value = jsonencode(jsondecode(file("config.json"))) }
