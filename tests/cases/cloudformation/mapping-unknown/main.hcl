# cfn_find_in_map must name a mapping of the cloudformation block, and its
# literal keys must be in it; a top key known only at deployment needs the
# second key in some entry.
variable "env" {
  type          = string
  default       = "dev"
  cfn_parameter = true
}

cloudformation {
  mappings = {
    Sizes = {
      prod = { Cpu = "1024", Memory = "2048" }
      dev  = { Cpu = "256", Memory = "512" }
    }
  }
}

task_definition "web" {
  family = "web"
  cpu    = cfn_find_in_map("Size", var.env, "Cpu")
  memory = cfn_find_in_map("Sizes", "staging", "Memory")
  container "web" {
    image  = cfn_find_in_map("Images", "Web", "Latest")
    memory = cfn_find_in_map("Sizes", "prod", "Memroy")
    environment = {
      DISK = cfn_find_in_map("Sizes", var.env, "Disk")
    }
  }
}
