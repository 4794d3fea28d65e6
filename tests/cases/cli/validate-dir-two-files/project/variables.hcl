variable "cpu" {
  type    = number
  default = 256
}
