# One error of each code the evaluator reports, rendered in full (source
# line, carets, help); tests/lang.test holds the rest, as first lines only.
variable "port" { default = 80 }

locals {
  ports      = [80, 443]
  obj        = { name = "web", image = "nginx" }
  containers = [{ group = "web", name = "a" }, { group = "web", name = "b" }]
}

output "unknown_var" { value = var.prot }
output "plus_string" { value = "a" + 1 }
output "negative" { value = local.ports[-1] }
output "no_attr" { value = local.obj.imgae }
output "by_group" { value = { for c in local.containers : c.group => c.name } }
output "div_zero" { value = 1 / 0 }
output "interpolate_list" { value = "ports: $<local.ports>" }
output "unknown_func" { value = uper("x") }
output "directive_gt_closes" { value = "%<for p in local.ports>%<if p > 100>big%<endif>%<endfor>" }
output "key_null" { value = { (null) = 1 } }
