varible "port" { default = 80 }
output "x" {
  value       = 1
  descripton  = "typo"
}
variable "y" {
  deafult = 2
}
