# A task cpu that is no whole number of units, and a memory through a
# variable: the note shows where the value was set.
variable "memory" { default = "lots" }

task_definition "web" {
  family = "web"
  cpu    = 0.5
  memory = var.memory
  container "web" { image = "nginx:1.25" }
}
