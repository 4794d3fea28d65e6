output "minmax" { value = [min(3, 1, 2), max(3, 1, 2), max([5, 9]...)] }
output "abs" { value = [abs(-3), abs(2.5)] }
output "ceil_floor" { value = [ceil(1.2), floor(1.8), ceil(-1.2), floor(-1.2)] }
output "parseint" { value = [parseint("ff", 16), parseint("-101", 2), parseint("zz", 36)] }
output "signum" { value = [signum(-7), signum(0), signum(3)] }
