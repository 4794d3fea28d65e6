a = [for s in var.sidecars : upper(s.name) if s.enabled]
b = {for k, v in var.env : k => v if v != ""}
c = {for c in local.containers : c.group => c.name...}
d = [
  for i, x in xs :
  x * i
]
