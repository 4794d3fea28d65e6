locals {
  ports = [{ port = 80, proto = "tcp" }, { port = 53, proto = "udp" }]
  one   = { port = 443 }
}

output "splat" { value = local.ports[*].port }
output "splat_nested" { value = [{ a = { b = 1 } }, { a = { b = 2 } }][*].a.b }
output "splat_single" { value = local.one[*].port }
output "splat_null" { value = null[*].port }
output "index" { value = local.ports[1].proto }
output "index_string_key" { value = local.one["port"] }
