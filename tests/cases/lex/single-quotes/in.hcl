locals {
  name = 'web'
}
