$<templatefile("t.tpl", {})>
