[
  {
    "name": "app",
    "image": "${image}",
    "memory": ${memory},
    "essential": true,
    "portMappings": ${port_mappings},
    "command": ${command},
    "environment": ${env_vars},
    "dockerLabels": ${labels},
    "logConfiguration": ${logs},
    "linuxParameters": {
      "initProcessEnabled": true
    }
  }
]
