# Argument errors of the intrinsics point at the argument; a wrong count of
# arguments at the call.
output "a" { value = cfn_if(cfn_ref("Cond"), "x", "y") }
output "b" { value = cfn_if("IsProd", "x", null) }
output "c" { value = cfn_and(cfn_equals("a", "b")) }
output "d" { value = cfn_or(cfn_equals("a", "b"), "yes") }
output "e" { value = cfn_not(cfn_ref("Flag")) }
output "f" { value = cfn_equals(["a"], "b") }
output "g" { value = cfn_condition("") }
output "h" { value = cfn_find_in_map("Map", "", "Key") }
output "i" { value = cfn_split("", "a,b") }
output "j" { value = cfn_cidr("10.0.0.0/16", 300, 8) }
output "k" { value = cfn_cidr("10.0.0.0/16", 2, 0) }
output "l" { value = cfn_base64(["a"]) }
output "m" { value = cfn_get_azs() }
output "n" { value = cfn_and(cfn_condition("A"), cfn_condition("B"), cfn_condition("C"), cfn_condition("D"), cfn_condition("E"), cfn_condition("F"), cfn_condition("G"), cfn_condition("H"), cfn_condition("I"), cfn_condition("J"), cfn_condition("K")) }
