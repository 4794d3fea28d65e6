variable "region" { default = "us-east-1" }
output "rendered" { value = templatefile("t.tpl", {}) }
