# Inputs of the bridge deployment, one value per environment in
# workspaces.hcl: what the Terraform project kept in dev.tfvars,
# stage.tfvars and prod.tfvars.

variable "account_id" {
  type        = string
  description = "AWS account of the environment"

  validation {
    condition     = can(regex("^[0-9]{12}$", var.account_id))
    error_message = "account_id must be 12 digits."
  }
}

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "app_tag" {
  type        = string
  description = "Version tag of the app and nginx images (deploy build --tag 1.0.0)"

  validation {
    condition     = can(regex("^[0-9]+\\.[0-9]+\\.[0-9]+(-[0-9A-Za-z.]+)?$", var.app_tag))
    error_message = "app_tag must be a version such as 1.4.2 or 1.5.0-rc.1."
  }
}

variable "app_image" {
  type    = string
  default = "$<var.account_id>.dkr.ecr.$<var.region>.amazonaws.com/bridge/app"
}

variable "nginx_image" {
  type    = string
  default = "$<var.account_id>.dkr.ecr.$<var.region>.amazonaws.com/bridge/nginx"
}

variable "rabbit_image" {
  type    = string
  default = "public.ecr.aws/docker/library/rabbitmq:3.13"
}

variable "domain_name" {
  type        = string
  description = "Host name Django answers to (HOST)"
}

variable "django_settings_module" {
  type    = string
  default = "config.settings.custom"
}

variable "log_level" {
  type    = string
  default = "info"

  validation {
    condition     = contains(["debug", "info", "warning", "error"], var.log_level)
    error_message = "log_level must be debug, info, warning or error."
  }
}

variable "celery_user" {
  type    = string
  default = "bridge"
}

# Fargate sizes per task; a workspace sets only those that differ.
variable "sizes" {
  type = object({
    web    = optional(object({ cpu = number, memory = number }), { cpu = 512, memory = 1024 })
    worker = optional(object({ cpu = number, memory = number }), { cpu = 256, memory = 512 })
    rabbit = optional(object({ cpu = number, memory = number }), { cpu = 256, memory = 512 })
  })
  default = {}
}
