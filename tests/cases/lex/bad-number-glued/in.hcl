locals {
  a = 12abc
  b = 0x1F
  c = 1_000
}
