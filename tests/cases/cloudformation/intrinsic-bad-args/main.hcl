# Argument errors of the intrinsics point at the argument.
output "a" { value = cfn_ref("") }
output "b" { value = cfn_join(",", { a = "x" }) }
output "c" { value = cfn_select(-1, ["a"]) }
output "d" { value = cfn_sub("x", ["not", "a", "map"]) }
output "e" { value = cfn_get_att(cfn_ref("R"), "Arn") }
output "f" { value = cfn_join(",", ["a", null]) }
