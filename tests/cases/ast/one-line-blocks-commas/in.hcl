workspace "dev" { cpu = 256, memory = 512, image_tag = "latest" }
workspace "prod" { cpu = 1024 }
empty {}
trailing { a = 1, }
