output "passwd" { value = file("../../etc/passwd") }
output "abs" { value = file("/etc/hostname") }
