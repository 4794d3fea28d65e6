locals {
  s = << EOT
}
