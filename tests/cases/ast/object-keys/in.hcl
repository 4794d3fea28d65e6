o = {
  plain = 1
  "quoted key" = 2
  (var.key) = 3
  colon: 4
  "awslogs-$<var.region>" = 5, if = 6, true = 7
}
