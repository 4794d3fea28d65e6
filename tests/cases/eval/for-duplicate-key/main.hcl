locals {
  containers = [{ group = "web", name = "a" }, { group = "web", name = "b" }]
}

output "by_group" { value = { for c in local.containers : c.group => c.name } }
