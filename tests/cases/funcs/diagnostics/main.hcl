# One error of each code the function library reports, rendered in full
# (source line, carets, help and notes); tests/lang.test holds the rest, as
# first lines only.
output "arity" { value = jsonencode() }
output "argument" { value = length(5) }
output "lookup" { value = lookup({ a = 1 }, "b") }
output "regex_bad" { value = regex("a(b", "ab") }
output "regex_nomatch" { value = regex("[0-9]+", "abc") }
output "range" { value = range(0, 100000000) }
output "env" { value = env("HCLC_TEST_SURELY_UNSET") }
output "jsondecode" { value = jsondecode("{\"a\": [1, 2}") }
output "try" { value = try(local.nope, {}.x) }
