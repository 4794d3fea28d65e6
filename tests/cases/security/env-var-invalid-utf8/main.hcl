variable "pw" { default = "x" }

variable "l" {
  type    = list(string)
  default = []
}

output "a" { value = [var.pw, var.l] }
