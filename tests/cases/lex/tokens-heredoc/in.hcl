script = <<EOT
echo "${HOME}" $<var.name>
  \n stays
EOT
next = 1
