# cfn_name sets a parameter's logical id, cfn_type its Type; a list
# variable is a CommaDelimitedList or List<...> parameter (its Default the
# items joined with commas); a variable without any value is a parameter
# without Default, given when the stack is deployed.
variable "db_password" {
  type          = string
  sensitive     = true
  description   = "Password of the app database"
  cfn_parameter = true
  cfn_name      = "DBPassword"
}

variable "image" {
  type          = string
  default       = "/app/image"
  description   = "SSM parameter holding the image"
  cfn_parameter = true
  cfn_type      = "AWS::SSM::Parameter::Value<String>"
}

variable "dns_servers" {
  type          = list(string)
  default       = ["10.0.0.2", "10.0.0.3"]
  cfn_parameter = true
  cfn_type      = "CommaDelimitedList"
}

variable "subnets" {
  type          = list(string)
  cfn_parameter = true
  cfn_type      = "List<AWS::EC2::Subnet::Id>"
}

variable "vpc" {
  cfn_parameter = true
  cfn_type      = "AWS::EC2::VPC::Id"
}

variable "stage" {
  type          = string
  cfn_parameter = true
}

task_definition "app" {
  family = "app"
  memory = 512
  container "app" {
    image       = var.image
    dns_servers = var.dns_servers
    environment = {
      DB_PASSWORD  = var.db_password
      FIRST_SUBNET = cfn_select(0, var.subnets)
      VPC          = var.vpc
      STAGE        = var.stage
    }
  }
}
