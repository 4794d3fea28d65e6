output "min" { value = min() }
output "max" { value = max("a", 1) }
output "abs" { value = abs("x") }
output "ceil" { value = ceil([]) }
output "floor" { value = floor(true) }
output "parseint" { value = parseint("12", 1) }
output "parseint_bad_digit" { value = parseint("19", 8) }
output "signum" { value = signum("y") }
