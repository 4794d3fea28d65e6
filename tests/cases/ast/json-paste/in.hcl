options = {"a": [1, 2.5, true, null], "b": {"c": "d"}}
container = {
  "name": "web",
  "portMappings": [
    {"containerPort": 8000, "protocol": "tcp"}
  ],
  "essential": true
}
