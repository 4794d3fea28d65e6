a = "café"
