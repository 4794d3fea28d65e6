output "tostring" { value = tostring([1]) }
output "tonumber" { value = tonumber("12abc") }
output "tobool" { value = tobool("yes") }
output "can" { value = can() }
output "try" { value = try(local.nope, {}.x) }
output "type" { value = type() }
output "env" { value = env("HCLC_TEST_SURELY_UNSET") }
output "unknown" { value = jsonencod(1) }
