line one
hello $<nmae>!
