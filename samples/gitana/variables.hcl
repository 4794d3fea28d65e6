# Inputs of the Gitana deployment. Each comes from its default, then from
# the selected workspace block (workspaces.hcl), then from --var-file,
# HCLC_VAR_NAME and --var.

variable "account_id" {
  type        = string
  description = "AWS account of the cluster, the roles, the queue and the secrets"

  validation {
    condition     = can(regex("^[0-9]{12}$", var.account_id))
    error_message = "account_id must be 12 digits."
  }
}

variable "region" {
  type        = string
  default     = "eu-west-1"
  description = "Region of the cluster, DocumentDB, OpenSearch and the queue"
}

variable "gitana_version" {
  type        = string
  default     = "3.2.84"
  description = "Release of the Gitana images (api, ui, av)"

  validation {
    condition     = can(regex("^3\\.[0-9]+\\.[0-9]+$", var.gitana_version))
    error_message = "gitana_version must be a Gitana 3 release such as 3.2.84."
  }
}

variable "image_registry" {
  type    = string
  default = "public.ecr.aws/gitana"
}

variable "clamav_image" {
  type    = string
  default = "clamav/clamav:1.3.1"
}

variable "config_bucket" {
  type        = string
  description = "S3 bucket holding config/ (aws s3 sync config/ s3://BUCKET/config)"
}

variable "sqs_queue_name" {
  type        = string
  description = "SQS queue subscribed to the API's SNS topic; the UI reads it"
}

variable "sqs_credentials_arn" {
  type        = string
  description = <<-EOT
    Secrets Manager secret holding the UI's SQS keys as
    {"accessKey": "...", "secretKey": "..."}: the keys never appear in the
    task definition, only where to find them
    EOT

  validation {
    condition     = can(regex("^arn:aws:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:[A-Za-z0-9/_+=.@-]+$", var.sqs_credentials_arn))
    error_message = "sqs_credentials_arn must be the ARN of a Secrets Manager secret."
  }
}

variable "sizes" {
  type        = map(object({ cpu = number, memory = number }))
  default     = {}
  description = "Fargate sizes per service, over the defaults of local.base_sizes"
}
