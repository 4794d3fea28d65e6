first = var.list.0
