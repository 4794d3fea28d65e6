variable "pw" {
  default   = "hunter2"
  sensitive = true
}
