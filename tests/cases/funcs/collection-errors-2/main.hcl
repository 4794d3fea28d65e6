output "tolist" { value = tolist("x") }
output "toset" { value = toset(1) }
output "tomap" { value = tomap([1]) }
output "one" { value = one([1, 2]) }
output "alltrue" { value = alltrue([true, "maybe"]) }
output "anytrue" { value = anytrue("x") }
output "range_zero_step" { value = range(0, 5, 0) }
