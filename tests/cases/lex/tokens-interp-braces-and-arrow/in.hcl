a = "$<{for k, v in m : k => v}> $<[1, 2][0]> $<f(x)>"
