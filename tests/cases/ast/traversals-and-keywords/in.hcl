a = var.list[0]["key"].if.null
b = true
c = null
d = 1.5e3
