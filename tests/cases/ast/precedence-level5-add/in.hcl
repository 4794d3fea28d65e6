# level 5: + - are left-associative and bind tighter than comparisons
x = a - b + c
y = a < b + c
