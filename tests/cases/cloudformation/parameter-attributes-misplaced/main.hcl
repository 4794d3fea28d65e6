# cfn_name and cfn_type belong to cfn_parameter variables; a logical id
# holds letters and digits only; both are constant strings.
variable "region" {
  default  = "eu-west-1"
  cfn_name = "Region"
}

variable "zone" {
  default  = "a"
  cfn_type = "AWS::EC2::AvailabilityZone::Name"
}

variable "db_password" {
  default       = "x"
  cfn_parameter = true
  cfn_name      = "db-password"
}

variable "kind" {
  default       = "x"
  cfn_parameter = true
  cfn_type      = var.region
}

task_definition "app" {
  family = "app"
  memory = 512
  container "app" { image = "example/app:1.0" }
}
