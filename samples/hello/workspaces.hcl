# One block per environment; `hclc build -w prod` will pick one.

workspace "dev" { image_tag = "0.1.0", debug = true }

workspace "prod" {
  image_tag = "0.1.0"
  cpu       = 1024
  memory    = 2048
}
