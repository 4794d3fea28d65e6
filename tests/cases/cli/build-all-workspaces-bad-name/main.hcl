workspace "dev" {}
workspace ".." {}
output "x" { value = 1 }
