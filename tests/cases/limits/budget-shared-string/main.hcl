# 1,024 references to one 60 MB string: small in memory, 60 GB written out.
locals {
  k = join("", [for j in range(1024) : "0123456789abcdef0123456789abcdef0123456789abcdef0123456789ab"])
  s = join("", [for i in range(1000) : local.k])
}
output "x" { value = [for i in range(1024) : local.s] }
