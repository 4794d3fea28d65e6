variable "subnet" { default = cfn_import_value("network-PrivateSubnet") }
variable "name" { default = "api" }
