# Every operator of LANGUAGE.md §3, with precedence and short-circuits.
locals {
  a = 7
  b = 2
}

output "add" { value = local.a + local.b }
output "sub" { value = local.a - local.b }
output "mul" { value = local.a * local.b }
output "div" { value = local.a / local.b }
output "mod" { value = local.a % local.b }
output "neg" { value = -local.a }
output "precedence" { value = 1 + 2 * 3 - 4 / 2 }
output "left_assoc" { value = 10 - 4 - 3 }
output "numeric_string" { value = "5" + 1 }
output "gt" { value = local.a > local.b }
output "ge" { value = local.a >= 7 }
output "lt" { value = local.a < local.b }
output "le" { value = local.b <= 2 }
output "eq_number" { value = 1 == 1.0 }
output "eq_types_differ" { value = 1 == "1" }
output "ne" { value = [1, 2] != [1, 2] }
output "eq_object" { value = { a = 1, b = 2 } == { b = 2, a = 1 } }
output "and" { value = true && false }
output "or" { value = false || true }
output "not" { value = !true }
# The right side is never evaluated: it would fail.
output "and_short_circuit" { value = false && local.missing }
output "or_short_circuit" { value = true || local.missing }
output "conditional" { value = local.a > 5 ? "big" : local.missing }
output "conditional_right_assoc" { value = false ? 1 : true ? 2 : 3 }
output "big_integer" { value = 9007199254740992 }
output "fraction" { value = 0.1 + 0.2 }
