# head
locals {
a=1
  bb = 2
}



output "x" {
  value = 1
}
output "y" {
  value=2
}
