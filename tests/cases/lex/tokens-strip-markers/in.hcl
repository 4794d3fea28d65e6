a = "x $<~ y ~> z"
b = "%<~ if c ~>yes%<~ endif ~>"
