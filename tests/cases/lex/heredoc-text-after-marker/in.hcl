locals {
  s = <<EOT # comment
  hi
EOT
}
