a = "x%<endif>"
