# Two files: the first holds no dollar and brace together, so its walk is
# skipped; the second's Terraform-style reference still warns, at its own file.
variable "region" {
  default = "eu-west-1"
}

output "plain" { value = "$<var.region>" }
