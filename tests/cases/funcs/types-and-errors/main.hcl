locals {
  obj = { a = 1 }
}

output "tostring" { value = [tostring(1), tostring(true), tostring("s"), tostring(null)] }
output "tonumber" { value = [tonumber("42"), tonumber(7), tonumber(null)] }
output "tobool" { value = [tobool("true"), tobool(false), tobool(null)] }
output "can" { value = [can(local.obj.a), can(local.obj.b), can(regex("x", "y"))] }
output "try" { value = [try(local.obj.b, "fallback"), try(local.obj.a, 0)] }
output "type" { value = [type("s"), type(1), type([1]), type({ a = 1 })] }
output "env" { value = [env("HCLC_TEST_SET"), env("HCLC_TEST_UNSET", "dflt")] }
