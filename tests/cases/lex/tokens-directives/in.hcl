a = "%<if debug>on%<else>off%<endif>"
b = "%<for p in ports>$<p>,%<endfor>"
