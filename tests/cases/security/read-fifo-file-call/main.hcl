output "a" { value = file("pipe.txt") }
output "b" { value = templatefile("pipe.tpl", {}) }
output "c" { value = fileexists("pipe.txt") }
