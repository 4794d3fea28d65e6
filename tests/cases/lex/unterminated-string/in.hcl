locals {
  a = "abc
  b = "ok"
}
