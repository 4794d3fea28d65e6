{
  "logDriver": "awslogs",
  "options": {
    "awslogs-group": "$<group>",
    "awslogs-region": "$<region>",
    "awslogs-stream-prefix": "$<prefix>"
  }
}
