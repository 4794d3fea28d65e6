# Malformed ignore comments are warnings and silence nothing.
workspace "prod" {}

task_definition "web" {
  family = "web"
  memory = 512

  container "web" {
    # hclc:ignore
    image = true ? "nginx:latest" : "# hclc:ignore E0661 -- in a string: no comment"
    # hclc:ignore E9999 -- no such code
    environment = { API_TOKEN = "not-so-secret" }
    /* hclc:ignore E0655 because */
    docker_labels = { PASSWORD = "x" }
  }
}
