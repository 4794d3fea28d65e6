# -t container-definitions writes the containers only: the task, and so its
# execution role, is written elsewhere (Terraform's aws_ecs_task_definition).
# A secret without an executionRoleArn in the source is no error there; the
# whole task definition (-t task-definition) needs the role.
task_definition "web" {
  family = "web"

  container "web" {
    image  = "nginx:1.27"
    memory = 512
    secrets = {
      API_KEY = "arn:aws:ssm:eu-west-1:123456789012:parameter/api-key"
    }
  }
}
