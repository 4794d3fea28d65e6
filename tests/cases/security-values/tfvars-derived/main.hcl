# tfvars leaves out every variable whose value derives from a secret.
variable "pw" {
  sensitive = true
  default   = "hunter2secret"
}

variable "url" { default = "db://app:$<var.pw>@db" }
variable "n" { default = length(var.pw) }
variable "keyed" { default = { (var.pw) = 1 } }
variable "plain" { default = "x" }
