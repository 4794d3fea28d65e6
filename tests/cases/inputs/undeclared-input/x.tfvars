imgae = "nginx"
