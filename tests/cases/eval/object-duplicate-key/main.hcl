output "o" {
  value = {
    name = "a"
    "name" = "b"
  }
}
output "key_null" { value = { (null) = 1 } }
output "key_list" { value = { ([1]) = 1 } }
