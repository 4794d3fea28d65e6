a = [1 2]
b = "ok"
c = (3]
d = "fine"
e =
