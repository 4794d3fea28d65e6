output "file" { value = file("data/hello.txt") }
output "fileexists" { value = [fileexists("data/hello.txt"), fileexists("data/nope.txt")] }
output "basename_dirname" { value = [basename("a/b/c.txt"), dirname("a/b/c.txt"), basename("/"), dirname("x")] }
output "templatefile" { value = templatefile("data/t.tpl", { who = "world" }) }
