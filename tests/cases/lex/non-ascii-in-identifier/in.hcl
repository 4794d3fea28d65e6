locals {
  café = 1
}
