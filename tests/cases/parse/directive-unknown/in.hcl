a = "%<while x>"
