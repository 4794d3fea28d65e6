output "a" { value = fileexists("gone") }
