output "rendered" { value = templatefile("t.tpl", {}) }
