a = <<EOT
$<join(",", [
  "x",
  "y",
])>
EOT
