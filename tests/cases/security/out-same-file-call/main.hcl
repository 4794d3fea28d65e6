output "a" { value = file("data.txt") }
