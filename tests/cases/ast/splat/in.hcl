a = xs[*]
b = xs[*].name
c = xs[*].ports[0].number
d = xs[*].items[*].id
e = a.b[*][0]
