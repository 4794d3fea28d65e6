a = "%<if var.debug>set -x%<else>set -e%<endif>"
b = "%<if x>only%<endif>"
