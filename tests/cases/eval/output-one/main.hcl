output "base" { value = "api" }
output "full" { value = "$<output.base>-service" }

task_definition "web" {
  family = "web-$<workspace.name>"
}

output "family" { value = task_definition.web.family }
