# level 0: the conditional is right-associative and lowest
x = a ? b : c ? d : e
y = a ? b ? c : d : e
