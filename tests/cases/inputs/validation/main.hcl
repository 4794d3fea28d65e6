variable "image_tag" {
  type        = string
  description = "Tag pushed by the build"
  validation {
    condition     = can(regex("^[0-9]+\\.[0-9]+\\.[0-9]+$", var.image_tag))
    error_message = "image_tag must look like 1.2.3."
  }
}

output "tag" { value = var.image_tag }
