variable { default = 1 }
locals "extra" {
  a = 1
}
workspace "a" "b" {}
output "o" {}
