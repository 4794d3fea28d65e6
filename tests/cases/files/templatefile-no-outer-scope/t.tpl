region: $<var.region>
