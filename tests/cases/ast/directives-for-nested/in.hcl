a = <<-EOT
  %<for k, v in var.env>
  %<if v != "">$<k>=$<v>%<endif>
  %<endfor>
  EOT
