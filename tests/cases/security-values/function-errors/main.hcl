# Errors about a sensitive value never quote it, nor anything made of it.
variable "pw" {
  type      = string
  sensitive = true
  default   = "hunter2secret"
  validation {
    condition     = length(var.pw) > 40
    error_message = "password $<var.pw> is too short ($<upper(var.pw)>, $<length(var.pw)> chars)"
  }
}
locals {
  a = tonumber(var.pw)
  b = jsondecode(var.pw)
  c = yamldecode("{$<var.pw>: 1, $<var.pw>: 2}")
  d = tobool(var.pw)
  e = format("%d", var.pw)
  f = format(var.pw)
  g = element([var.pw], 0) * 2
  h = [var.pw][length(var.pw)]
  i = { a = 1 }[var.pw]
}
