# level 6: * / % are left-associative and bind tighter than + -
x = a * b / c % d
y = a + b * c
