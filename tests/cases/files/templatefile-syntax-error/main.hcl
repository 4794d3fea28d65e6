output "rendered" { value = templatefile("t.tpl", { name = "web" }) }
