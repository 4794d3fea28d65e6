output "x" {
  value = nosuchfunc(1)
}
