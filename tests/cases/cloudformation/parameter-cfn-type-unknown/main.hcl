# cfn_type must be a parameter type CloudFormation documents.
variable "subnets" {
  type          = list(string)
  default       = ["subnet-1"]
  cfn_parameter = true
  cfn_type      = "List<AWS::EC2::Subnet::ID>"
}

variable "name" {
  default       = "x"
  cfn_parameter = true
  cfn_type      = "Strng"
}

variable "bucket" {
  default       = "x"
  cfn_parameter = true
  cfn_type      = "AWS::S3::Bucket::Name"
}

task_definition "app" {
  family = "app"
  memory = 512
  container "app" { image = "example/app:1.0" }
}
