output "a" { value = fileexists("../secret.txt") }
output "b" { value = fileexists("out/secret.txt") }
