variable "replicas" {
  type    = number
  default = 1
}
variable "secret" {
  type      = string
  sensitive = true
}

workspace "dev" { secret = "x" }
workspace "stage" {
  replicas = "two"
  secret   = "y"
}
workspace "prod" { replicas = 4 }
