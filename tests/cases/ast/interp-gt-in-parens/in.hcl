# a comparison with > needs parentheses inside $<...>; < and <= do not
x = "$<(a > b)>"
y = "$<a < b>-$<a <= b>"
z = "$<f(a >= b)>"
w = "$<{for k, v in m : k => v}>"
