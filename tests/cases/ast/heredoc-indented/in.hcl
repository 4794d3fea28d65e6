script = <<-EOT
    set -e
      echo "$<var.name>"
    done
    EOT
plain = <<EOT
  kept as written
EOT
