variable "image_tag" {
  default = "1.0.0"
}
workspace "prod" {
  image_tg = "1.2.3"
}
output "tag" {
  value = var.image_tag
}
workspace "stage" {
  cpu_units = 512
}
