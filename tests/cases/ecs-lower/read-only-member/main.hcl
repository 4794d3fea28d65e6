# Members that only describe-task-definition returns are not request members.
task_definition "web" {
  family   = "web"
  memory   = 512
  revision = 3
  container "web" { image = "nginx:1.25" }
}
