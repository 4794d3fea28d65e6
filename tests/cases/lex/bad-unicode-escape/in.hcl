locals {
  a = "\uD83D\uDE00"
  b = "\u00"
  c = "\u0000"
  d = "\U00110000"
}
