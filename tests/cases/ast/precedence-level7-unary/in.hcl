# level 7: unary ! and - bind tighter than *, looser than traversals
x = -a * !b
y = -a.b
z = !!c
