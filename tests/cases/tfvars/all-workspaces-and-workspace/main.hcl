variable "app" { default = "shop" }

variable "replicas" {
  type    = number
  default = 1
}

variable "domains" {
  type    = list(string)
  default = []
}

variable "token" {
  type      = string
  sensitive = true
  default   = "dev-token"
}

variable "image" { default = "$<var.app>:latest" }

workspace "dev" {}

workspace "stage" {
  replicas = 2
  domains  = ["stage.example.com"]
}

workspace "prod" {
  replicas = "4"
  domains  = ["example.com", "www.example.com"]
  image    = "shop:1.4.2"
  token    = "prod-token"
}

output "summary" { value = "$<var.image> x$<var.replicas>" }
