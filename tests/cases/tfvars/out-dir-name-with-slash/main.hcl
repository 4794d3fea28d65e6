workspace "../escape" {}
variable "w" { default = "x" }
