locals {
  a = "$<f(b>"
}
