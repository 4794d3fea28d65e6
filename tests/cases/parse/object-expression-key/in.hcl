tags = { var.key = 1 }
