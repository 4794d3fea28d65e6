# The note that points at the first key; tests/lang.test holds the other
# object-key errors.
output "o" {
  value = {
    name = "a"
    "name" = "b"
  }
}
