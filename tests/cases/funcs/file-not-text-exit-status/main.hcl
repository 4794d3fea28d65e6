# A file that was read but is not text is an error in the input: exit 1.
output "binary" { value = file("bin.dat") }
