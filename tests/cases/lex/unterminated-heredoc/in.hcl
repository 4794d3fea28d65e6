locals {
  s = <<EOT
  hello
  EOF
}
