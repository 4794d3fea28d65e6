locals {
  s = <<EOT  
  hi
EOT
}
