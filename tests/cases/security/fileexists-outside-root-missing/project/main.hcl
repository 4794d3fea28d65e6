output "a" { value = fileexists("../nothing-here.txt") }
output "b" { value = fileexists("out/nothing-here.txt") }
