output "image" { value = local.image }

locals {
  image = "$<local.repo>:$<local.tag>"
}

locals {
  repo = "123456789012.dkr.ecr.us-east-1.amazonaws.com/$<local.name>"
  tag  = "1.2.3"
  name = "web"
}
