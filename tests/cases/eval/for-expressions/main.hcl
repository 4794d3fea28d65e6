locals {
  sidecars = [
    { name = "envoy", enabled = true },
    { name = "xray", enabled = false },
    { name = "fluent", enabled = true },
  ]
  env = { ZETA = "z", ALPHA = "a", EMPTY = "" }
  containers = [
    { group = "web", name = "nginx" },
    { group = "app", name = "django" },
    { group = "web", name = "varnish" },
  ]
}

output "tuple_form" { value = [for s in local.sidecars : upper(s.name) if s.enabled] }
output "index_and_value" { value = [for i, s in local.sidecars : "$<i>:$<s.name>"] }
output "object_form_in_key_order" { value = { for k, v in local.env : k => v if v != "" } }
output "map_iterates_sorted" { value = [for k, v in local.env : k] }
output "grouping" { value = { for c in local.containers : c.group => c.name... } }
output "nested" { value = [for x in [1, 2] : [for y in [10, 20] : x * y]] }
output "empty" { value = [for x in [] : x] }
