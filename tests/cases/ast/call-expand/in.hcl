a = f()
b = concat(x, y...)
c = max(
  1,
  2,
)
