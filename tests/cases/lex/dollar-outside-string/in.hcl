locals {
  a = $<b>
}
