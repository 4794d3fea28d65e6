# A template that calls itself three times a level: 3^14 calls, each counted.
output "x" { value = length(templatefile("t.tpl", { n = 14 })) }
