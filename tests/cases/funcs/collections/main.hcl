locals {
  m = { b = 2, a = 1, c = 3 }
}

output "length" { value = [length([1, 2]), length(local.m), length("abc")] }
output "concat" { value = concat([1], [2, 3], []) }
output "merge" { value = merge({ a = 1, b = 2 }, { b = 3, c = 4 }) }
output "keys_values" { value = [keys(local.m), values(local.m)] }
output "lookup" { value = [lookup(local.m, "a"), lookup(local.m, "z", "default")] }
output "contains" { value = [contains(["a", "b"], "b"), contains([1], "1")] }
output "element" { value = [element(["a", "b", "c"], 1), element(["a", "b", "c"], 5)] }
output "index" { value = index(["a", "b", "c"], "c") }
output "flatten" { value = flatten([1, [2, [3, [4]]], []]) }
output "distinct" { value = distinct(["a", "b", "a", "c", "b"]) }
output "reverse" { value = reverse([1, 2, 3]) }
output "slice" { value = slice(["a", "b", "c", "d"], 1, 3) }
output "sort" { value = sort(["b", "a", "C", "10", "9"]) }
output "range" { value = [range(3), range(1, 4), range(10, 0, -3), range(0, 1, 0.25)] }
output "zipmap" { value = zipmap(["a", "b"], [1, 2]) }
output "coalesce" { value = [coalesce(null, "", "x"), coalesce(null, 0, 1)] }
output "coalescelist" { value = coalescelist([], ["a"], ["b"]) }
output "compact" { value = compact(["a", "", null, "b"]) }
output "setunion" { value = setunion(["b", "a"], ["c", "a"]) }
output "tolist_toset_tomap" { value = [tolist(["a", "b"]), toset(["b", "a", "b"]), tomap({ x = 1 })] }
output "one" { value = [one([]), one(["x"])] }
output "alltrue_anytrue" { value = [alltrue([true, true]), alltrue([]), anytrue([false, true]), anytrue([])] }
