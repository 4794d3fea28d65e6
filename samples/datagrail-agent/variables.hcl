# Inputs of the DataGrail Request Manager Agent. Each comes from its default,
# then from the selected workspace block (workspaces.hcl), then from
# --var-file, HCLC_VAR_NAME and --var.

variable "account_id" {
  type        = string
  description = "AWS account that runs the agent"

  validation {
    condition     = can(regex("^[0-9]{12}$", var.account_id))
    error_message = "account_id must be 12 digits."
  }
}

variable "region" {
  type        = string
  default     = "us-west-2"
  description = "Region of the cluster, the log group and the secrets"
}

variable "agent_version" {
  type        = string
  description = "Release of datagrail-rm-agent to run (8080 is its port from 0.9.0 on)"

  validation {
    condition     = can(regex("^[0-9]+\\.[0-9]+\\.[0-9]+$", var.agent_version))
    error_message = "agent_version must be a release such as 0.9.4: pin it rather than use latest."
  }
}

variable "image_repository" {
  type        = string
  default     = "contairium.datagrail.io/datagrail-rm-agent"
  description = "DataGrail's private registry, or your own copy of the image"
}

variable "registry_credentials_arn" {
  type        = string
  description = <<-EOT
    Secrets Manager secret holding the DataGrail registry login, as
    {"username": "<subdomain>", "password": "<API key>"}
    EOT
}

variable "agent_config_file" {
  type        = string
  default     = "config/$<workspace.name>.json"
  description = "The agent's configuration (DataGrailAgentConfig schema), as a JSON file"
}

variable "cpu" {
  type        = number
  default     = 1024
  description = "Task CPU units (Fargate: 256, 512, 1024...)"
}

variable "memory" {
  type        = number
  default     = 2048
  description = "Task memory in MiB; must fit the Fargate size of cpu"
}
