tags = {
  Project = "bridge"
