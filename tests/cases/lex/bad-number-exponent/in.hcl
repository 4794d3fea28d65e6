locals {
  a = 1e
  b = 2.5e+
}
