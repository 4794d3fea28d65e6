# 1024^3 numbers: the value budget stops it at the expression being built.
output "x" { value = [for a in range(1024) : [for b in range(1024) : [for c in range(1024) : c]]] }
