# Keys of a sensitive map, and keys built from a secret, are secrets too.
variable "m" {
  type      = map(string)
  sensitive = true
  default   = { topsecretkey = "v" }
}
variable "pw" {
  type      = string
  sensitive = true
  default   = "hunter2secret"
}
locals {
  a = var.m.topsecretkee
  a2 = lookup(var.m, "topsecretkee")
  a3 = var.m["topsecretkee"]
  b = { (var.pw) = 1, (var.pw) = 2 }
  c = { for k in [var.pw, var.pw] : k => 1 }
  d = [for k, v in var.m : tonumber(k)]
  e = tonumber(keys(var.m)[0])
  f = tonumber(keys({ (var.pw) = 1 })[0])
  g = { for x in ["a"] : var.pw => x }["a"]
}
