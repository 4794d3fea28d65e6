keep = 1
