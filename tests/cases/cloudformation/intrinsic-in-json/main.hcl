# Outputs are plain JSON: an intrinsic there is an error at the call.
output "bucket" {
  value = { name = "config", arn = cfn_get_att("ConfigBucket", "Arn") }
}
