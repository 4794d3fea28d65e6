output "file" { value = file("missing.txt") }
output "fileexists" { value = fileexists([]) }
output "basename" { value = basename([]) }
output "dirname" { value = dirname() }
output "templatefile_vars" { value = templatefile("t.tpl", "x") }
output "templatefile_missing" { value = templatefile("none.tpl", {}) }
output "file_binary" { value = file("bin.dat") }
