locals {
  city = "Zürich"
  other = "März"
}
