locals {
  ports = [{ port = 80 }]
  obj   = { name = "web", image = "nginx" }
}

output "out_of_range" { value = local.ports[3] }
output "negative" { value = local.ports[-1] }
output "no_key" { value = local.obj["nmae"] }
output "no_attr" { value = local.obj.imgae }
output "attr_on_list" { value = local.ports.port }
output "index_string" { value = "abc"[0] }
output "index_null" { value = local.ports[null] }
