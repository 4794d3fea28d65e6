# Each template may render 64 MiB of text of its own: one nested inside
# another that already holds nearly that much still fits; one byte past it
# in a single template is an error.
locals {
  kb  = join("", [for i in range(1024) : "x"])
  mb  = join("", [for i in range(1024) : local.kb])
  big = join("", [for i in range(64) : local.mb])
}

output "over" {
  value = length("a$<local.big>")
}

output "fits" {
  value = length("$<local.big>")
}

output "nested" {
  value = length("$<substr(local.big, 0, 67108000)>$<length("c$<substr(local.big, 0, 1000)>")>")
}
