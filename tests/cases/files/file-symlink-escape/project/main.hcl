output "secret" { value = file("link.txt") }
