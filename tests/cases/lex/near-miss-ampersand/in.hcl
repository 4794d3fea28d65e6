locals {
  ok = a & b
}
