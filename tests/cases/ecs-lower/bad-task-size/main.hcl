# Task cpu and memory forms that SIZE-1 does not read.
task_definition "web" {
  family = "web"
  cpu    = "1.3 vCPU"
  memory = "2 GiB"
  container "web" { image = "nginx:1.25" }
}
