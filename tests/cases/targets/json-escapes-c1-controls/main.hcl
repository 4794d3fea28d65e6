# U+007F and U+0080-U+009F are written as \u00XX escapes (cfn-lint and
# other YAML-first readers refuse them raw); U+00A0 and above stay as UTF-8.
output "s" { value = "a\u007fb\u0085c\u009fd\u00a0e" }
