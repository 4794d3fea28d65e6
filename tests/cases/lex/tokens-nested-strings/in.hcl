a = "img:$<lookup(m, "k-$<env>", "none")>"
