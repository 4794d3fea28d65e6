# Ignore comments: on the line of a warning, on the line above it, or
# before the block it annotates (the whole block). Each silences only the
# codes it names: the E0661 of container "api" and the E0655 of "worker"
# stay.
workspace "prod" {}

task_definition "web" {
  family = "web"
  memory = 512

  # hclc:ignore E0655,E0661 -- a demo container: the token is not a secret
  container "web" {
    image       = "nginx:latest"
    environment = { API_TOKEN = "not-so-secret" }
  }

  container "api" {
    essential   = false
    image       = "nginx:latest" # hclc:ignore E0655 -- the wrong code: E0661 stays
    # hclc:ignore W0655 -- a W prefix reads as E
    environment = { API_TOKEN = "not-so-secret" }
  }

  container "worker" {
    essential   = false
    image       = "nginx:1.25"
    environment = { API_TOKEN = "not-so-secret" } // hclc:ignore E0661
  }
}
