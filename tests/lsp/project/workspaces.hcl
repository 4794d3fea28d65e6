workspace "dev" { cpu = 256 }

workspace "prod" {
  cpu   = 1024
  token = "pr0d"
}
