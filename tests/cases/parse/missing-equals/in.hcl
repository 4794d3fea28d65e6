port 8080
