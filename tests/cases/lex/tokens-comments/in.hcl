# hash comment
a = 1 // slash comment
b = /* inline */ 2
c = 3 /* spans
lines */ d = 4
