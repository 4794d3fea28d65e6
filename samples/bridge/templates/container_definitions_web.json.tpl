[
  {
    "name": "web",
    "image": "$<web_image>",
    "essential": true,
    "portMappings": [
      {
        "containerPort": 8000
      }
    ],
    "command": [
      "/usr/local/bin/gunicorn",
      "config.wsgi:application",
      "-w=$<workers>",
      "-b=:8000",
      "--log-level=$<log_level>",
      "--log-file=-",
      "--access-logfile=-"
    ],
    "environment": [
      {"name": "DJANGO_SETTINGS_MODULE", "value": "$<DJANGO_SETTINGS_MODULE>"},
      {"name": "ENV_LABEL", "value": "$<env_label>"},
      {"name": "HOST", "value": "$<domain_name>"}
    ],
    "logConfiguration": {
      "logDriver": "awslogs",
      "options": {
        "awslogs-group": "$<log_group_name>",
        "awslogs-region": "$<region>",
        "awslogs-stream-prefix": "ecs"
      }
    },
    "secrets": [
      {"name": "SECRET_KEY", "valueFrom": "$<ssm>/SECRET_KEY"},
      {"name": "DATABASE_CONNECTION", "valueFrom": "$<ssm>/DATABASE_CONNECTION"},
      {"name": "CELERY_BROKER_URL", "valueFrom": "$<ssm>/CELERY_BROKER_URL"},
      {"name": "GOOGLE_PICKER_CLIENT_ID", "valueFrom": "$<ssm>/GOOGLE_CLIENT_ID"},
      {"name": "GOOGLE_PICKER_APP_ID", "valueFrom": "$<ssm_common>/GOOGLE_APP_ID"}
    ]
  },
  {
    "name": "nginx",
    "image": "$<nginx_image>",
    "essential": false,
    "portMappings": [
      {
        "containerPort": 80
      }
    ],
    "dependsOn": [
      {"containerName": "web", "condition": "START"}
    ],
    "logConfiguration": {
      "logDriver": "awslogs",
      "options": {
        "awslogs-group": "$<log_group_name>",
        "awslogs-region": "$<region>",
        "awslogs-stream-prefix": "ecs"
      }
    }
  }
]
