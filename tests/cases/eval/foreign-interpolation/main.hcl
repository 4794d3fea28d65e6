# ${var.x}, ${local.x} and ${workspace.x} typed from Terraform habit stay
# literal text: a warning shows the $<...> form. ${AWS::...} outside
# cfn_sub is a warning too. Near misses that must not warn: Terraform's
# escape $${...}, a shell's ${HOSTNAME}, $<...>, and cfn_sub's template.
variable "region" {
  default = "eu-west-1"
}

locals {
  url    = "https://${var.region}.example.com/${local.path}"
  path   = "x"
  escape = "$${var.region} is Terraform's escape"
  shell  = "${HOSTNAME} and $<var.region>"
  arn    = "arn:${AWS::Partition}:s3:::bucket"
  sub    = cfn_sub("arn:${AWS::Partition}:s3:::${Bucket}")
  script = <<-EOT
    echo ${workspace.name}
    EOT
}

output "url" { value = local.url }
