locals {
  a = "%<if b"
}
