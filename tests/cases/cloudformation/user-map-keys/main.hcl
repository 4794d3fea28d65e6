# Keys of user maps (docker_labels, log options, driver_opts, labels) stay
# byte for byte in the template; only the property names are capitalised.
task_definition "labels" {
  family = "labels"
  memory = 512

  container "app" {
    image         = "example/app:1.0"
    docker_labels = { "com.example.team" = "core", snake_case = "kept", camelCase = "kept", count = 3 }
    log_configuration {
      logDriver = "json-file"
      options   = { "max-size" = "10m", "max-file" = 3, compress = true }
    }
  }

  volume "shared" {
    docker_volume_configuration {
      scope         = "shared"
      autoprovision = true
      driver        = "local"
      driver_opts   = { type = "nfs", o = "addr=10.0.0.1,rw", device = ":/export" }
      labels        = { "backup.daily" = "yes", retainDays = 7 }
    }
  }
}
