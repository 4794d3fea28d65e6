output "a" { value = local.nope }
