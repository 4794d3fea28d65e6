tags = { Project "bridge" }
