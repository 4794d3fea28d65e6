locals {
  a = "xí €y"
}
