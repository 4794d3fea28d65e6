# 2^53 is exact; 2^53 + 1 would silently become 2^53.
output "ok" { value = [9007199254740992, -9007199254740992, 100000000000000000000] }
output "bad" { value = 9007199254740993 }
