[
  {
    "name": "web",
    "image": "${web_image}",
    "essential": true,
    "memory": ${web_memory},
    "cpu": ${web_cpu},
    "readonlyRootFilesystem": ${read_only},
    "portMappings": [{"containerPort": 8000}],
    "environment": [
      {"name": "DJANGO_SETTINGS_MODULE", "value": "${DJANGO_SETTINGS_MODULE}"},
      {"name": "ENV_LABEL", "value": "${env_label}"},
      {"name": "SHELL_VAR", "value": "$${HOME} and ${ not a placeholder }"}
    ],
    "secrets": [
      {"name": "SECRET_KEY", "valueFrom": "arn:aws:ssm:us-east-1:123456789012:parameter/app/${env_label}/SECRET_KEY"}
    ],
    "logConfiguration": {
      "logDriver": "awslogs",
      "options": {"awslogs-group": "${log_group_name}", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "ecs"}
    }
  }
]
