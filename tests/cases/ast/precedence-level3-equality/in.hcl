# level 3: == != are left-associative and bind tighter than &&
x = a == b != c
y = a && b == c
