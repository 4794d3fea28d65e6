# An unknown member in API spelling, here in pasted JSON: the suggestion is
# in API spelling too, and the caret is under the key.
task_definition "web" {
  family      = "web"
  memory      = 512
  networkMdoe = "bridge"
  container_definitions = [
    {
      "name": "web",
      "image": "nginx:1.25",
      "portMappings": [{ "containerPort": 80, "hostPrt": 8080 }]
    }
  ]
}
