variable "image_tag" { type = string }
output "tag" { value = var.image_tag }
