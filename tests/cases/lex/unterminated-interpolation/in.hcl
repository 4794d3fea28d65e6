locals {
  a = "x-$<b"
  c = "ok"
}
