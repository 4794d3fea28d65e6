names = var.containers.*.name
