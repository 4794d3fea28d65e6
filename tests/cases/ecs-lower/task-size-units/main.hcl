# Task cpu and memory in vCPUs and GB, normalised to units and MiB.
task_definition "big" {
  family = "big"
  cpu    = "1 vCPU"
  memory = "2 GB"
  container "app" { image = "example/app:1.0" }
}
