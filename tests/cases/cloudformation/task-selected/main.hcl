# Logical ids: the label's letters and digits, each word capitalised, plus
# "TaskDefinition"; capitals already in the label stay.
task_definition "web-api" {
  family = "web-api"
  memory = 512
  container "app" { image = "example/app:1.0" }
}

task_definition "batch_job2.nightly" {
  family = "batch"
  memory = 512
  container "app" { image = "example/app:1.0" }
}

task_definition "eventRouter" {
  family = "router"
  memory = 512
  container "app" { image = "example/app:1.0" }
}
