# Inside %< > and $< >, a > at bracket depth 0 closes the directive: the
# comparison ends at "p", and " 100>big" is text. Parentheses fix it.
locals {
  ports = [80, 443]
}
output "wrong" { value = "%<for p in local.ports>%<if p > 100>big%<endif>%<endfor>" }
output "right" { value = "%<for p in local.ports>%<if (p > 100)>big%<endif>%<endfor>" }
