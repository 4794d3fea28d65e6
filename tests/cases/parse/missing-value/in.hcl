image =
cpu = 256
