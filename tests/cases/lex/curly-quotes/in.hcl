locals {
  name = “web”
}
