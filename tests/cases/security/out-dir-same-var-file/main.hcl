variable "a" { default = 1 }
workspace "dev" {}
workspace "prod" { a = 2 }
workspace "stage" {}
