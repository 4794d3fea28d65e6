locals {
  a = <<EOT
  $<b
EOT
}
