# A file that file() or templatefile() cannot read is an I/O error: exit 3.
output "missing" { value = file("missing.txt") }
output "directory" { value = file("dir.tpl") }
output "too_large" { value = file("big.txt") }
output "template_missing" { value = templatefile("none.tpl", {}) }
output "template_directory" { value = templatefile("dir.tpl", {}) }
