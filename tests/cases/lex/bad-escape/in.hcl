locals {
  path = "C:\data\logs"
}
