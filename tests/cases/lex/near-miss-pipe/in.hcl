locals {
  ok = a | b
}
