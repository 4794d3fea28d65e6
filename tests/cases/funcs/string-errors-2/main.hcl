output "chomp" { value = chomp(["a"]) }
output "indent" { value = indent("two", "a\nb") }
