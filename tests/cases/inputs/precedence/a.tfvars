from_tfvars = "tfvars"
from_json   = "tfvars"
from_env    = "tfvars"
