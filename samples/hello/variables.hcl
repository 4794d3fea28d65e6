# Inputs of the hello service. A value comes from the variable's default,
# then from the selected workspace block (workspaces.hcl), then from flags.

variable "app" {
  type        = string
  default     = "hello"
  description = "Name of the service: used in the family and the log group"
}

variable "account_id" {
  type        = string
  default     = "123456789012"
  description = "AWS account that runs the service (its execution role is there)"
}

variable "image_tag" {
  type        = string
  description = "Tag of the image pushed by the build"

  validation {
    condition     = can(regex("^[0-9]+\\.[0-9]+\\.[0-9]+$", var.image_tag))
    error_message = "image_tag must look like 1.2.3."
  }
}

variable "cpu" {
  type    = number
  default = 256
}

variable "memory" {
  type    = number
  default = 512
}

variable "debug" {
  type    = bool
  default = false
}

variable "team" {
  type    = list(string)
  default = ["ada", "grace"]
}

variable "tags" {
  type    = map(string)
  default = { Project = "hello", Owner = "" }
}
