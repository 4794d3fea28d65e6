output "length" { value = length(5) }
output "concat" { value = concat([1], "x") }
output "merge" { value = merge({ a = 1 }, [1]) }
output "keys" { value = keys([1, 2]) }
output "values" { value = values("x") }
output "lookup" { value = lookup({ a = 1 }, "b") }
output "contains" { value = contains("abc", "a") }
output "element" { value = element([], 0) }
output "index" { value = index(["a"], "z") }
output "flatten" { value = flatten("x") }
output "distinct" { value = distinct({}) }
output "reverse" { value = reverse(3) }
output "slice" { value = slice([1, 2], 1, 5) }
output "sort" { value = sort([3, 1]) }
output "range" { value = range(0, 100000000) }
output "zipmap" { value = zipmap(["a"], [1, 2]) }
output "coalesce" { value = coalesce(null, "") }
output "coalescelist" { value = coalescelist("a") }
output "compact" { value = compact([1, []]) }
output "setunion" { value = setunion("a") }
