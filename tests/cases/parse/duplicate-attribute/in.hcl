cpu    = 256
memory = 512
cpu    = 1024
