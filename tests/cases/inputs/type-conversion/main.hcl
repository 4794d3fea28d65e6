variable "port" { type = number }
variable "enabled" { type = bool }
variable "ports" { type = list(number) }
variable "name" { type = string }

variable "settings" {
  type = object({
    cpu    = number
    memory = optional(number, 512)
    tags   = optional(map(string))
  })
  default = { cpu = "256", extra = "dropped" }
}

variable "zones" {
  type    = set(string)
  default = ["b", "a", "b"]
}

output "values" {
  value = {
    port     = var.port,
    enabled  = var.enabled,
    ports    = var.ports,
    name     = var.name,
    settings = var.settings,
    zones    = var.zones,
  }
}
