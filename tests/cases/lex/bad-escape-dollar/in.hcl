locals {
  a = "\$<x>"
}
