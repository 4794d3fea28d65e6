# Heredocs span lines, so they stay here; tests/lang.test holds the
# one-line templates.
locals {
  ports = [80, 443]
}

output "heredoc" {
  value = <<-EOT
    %<for p in local.ports ~>
    EXPOSE $<p>
    %<endfor ~>
    echo "${HOME} stays as written"
    EOT
}

output "heredoc_plain" {
  value = <<EOT
  kept indentation
EOT
}
