ports    = [80, "http", 443]
settings = { cpu = 256 }
