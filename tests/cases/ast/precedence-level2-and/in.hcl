# level 2: && is left-associative and binds tighter than ||
x = a && b && c
y = a || b && c
