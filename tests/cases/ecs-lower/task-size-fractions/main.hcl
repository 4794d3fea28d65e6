# Fractions of a vCPU or a GB, with or without a space, in any case.
task_definition "tiny" {
  family = "tiny"
  cpu    = ".25vcpu"
  memory = "0.5 gb"
  container "app" { image = "example/app:1.0" }
}
