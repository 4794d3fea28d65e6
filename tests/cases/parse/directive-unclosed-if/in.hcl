a = "%<if var.debug>set -x"
