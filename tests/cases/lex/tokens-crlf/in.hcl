a = 1
b = "x"
c = <<EOT
hi
EOT
