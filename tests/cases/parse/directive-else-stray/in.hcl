a = "x%<else>y"
