output "a" { value = file("pipe.txt") }
output "b" { value = templatefile("pipe.tpl", {}) }
