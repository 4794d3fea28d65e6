# Each variable is set by a different highest source; the output shows which won.
variable "from_default" { default = "default" }
variable "from_workspace" { default = "default" }
variable "from_tfvars" { default = "default" }
variable "from_json" { default = "default" }
variable "from_yaml" { default = "default" }
variable "from_env" { default = "default" }
variable "from_flag" { default = "default" }
variable "twice" { default = "default" }
variable "derived" { default = "$<var.from_workspace>/$<local.suffix>" }

locals {
  suffix = "x"
}

workspace "dev" { from_workspace = "dev" }

workspace "prod" {
  from_workspace = "prod"
  from_tfvars    = "prod"
  from_flag      = "prod"
}

output "all" {
  value = {
    default   = var.from_default
    workspace = var.from_workspace
    tfvars    = var.from_tfvars
    json      = var.from_json
    yaml      = var.from_yaml
    env       = var.from_env
    flag      = var.from_flag
    twice     = var.twice
    derived   = var.derived
  }
}
