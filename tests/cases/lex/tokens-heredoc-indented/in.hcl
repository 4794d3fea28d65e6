block {
  script = <<-EOT
    line one
      indented

    $<x>
    EOT
}
