output "a" { value = [fileexists("main.hcl"), fileexists("missing.txt"), fileexists("sub/missing.txt")] }
