# The fixture of tests/checks/lsp.sh: a small project with workspaces.

variable "app" {
  type        = string
  default     = "hello"
  description = "Name of the service"
}

variable "cpu" {
  type    = number
  default = 256
}

variable "token" {
  type      = string
  default   = "s3cret"
  sensitive = true
}
