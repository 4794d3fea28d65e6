# A validation condition cannot use a parameter without value: it stands
# for a value given only when the stack is deployed (E0764), whatever the
# order of the variables.
variable "name" {
  default = "web"
  validation {
    condition     = var.name != var.stage
    error_message = "name and stage differ."
  }
}

variable "stage" {
  type          = string
  cfn_parameter = true
}

task_definition "web" {
  memory = 512
  container "web" { image = "example/web:1.0" }
}
