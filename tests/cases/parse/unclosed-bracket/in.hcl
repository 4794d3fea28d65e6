ports = [8000, 8001
cpu = 256
