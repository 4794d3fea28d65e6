# The variable's type and the parameter's Type must agree: a list needs a
# list type, a string a one-value type, a number Number. A list parameter's
# items cannot hold commas.
variable "subnets" {
  type          = list(string)
  default       = ["subnet-1"]
  cfn_parameter = true
}

variable "zones" {
  type          = list(string)
  default       = ["a"]
  cfn_parameter = true
  cfn_type      = "AWS::EC2::AvailabilityZone::Name"
}

variable "vpc" {
  type          = string
  default       = "vpc-1"
  cfn_parameter = true
  cfn_type      = "List<AWS::EC2::VPC::Id>"
}

variable "port" {
  type          = number
  default       = 80
  cfn_parameter = true
  cfn_type      = "String"
}

variable "tags" {
  type          = list(string)
  default       = ["a,b", "c"]
  cfn_parameter = true
  cfn_type      = "CommaDelimitedList"
}

task_definition "app" {
  family = "app"
  memory = 512
  container "app" { image = "example/app:1.0" }
}
