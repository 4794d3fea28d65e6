# Lists, maps, sets, tuples and nested objects, after type conversion; keys
# that are not identifiers or are keywords are quoted; numbers in shortest
# form.
variable "ports" {
  type    = list(number)
  default = ["80", 443]
}

variable "zones" {
  type    = set(string)
  default = ["eu-west-1b", "eu-west-1a", "eu-west-1b"]
}

variable "mixed" { default = ["a", 1, true, null, [], {}] }

variable "limits" {
  type    = map(number)
  default = { nofile = 65536, "max procs" = 512, for = 1, null = 2, "awslogs-group" = 3, "1st" = 4 }
}

variable "service" {
  type = object({
    name     = string
    replicas = optional(number, 2)
    ratio    = number
    tags     = map(string)
    checks = list(object({
      path     = string
      interval = optional(number)
    }))
  })
  default = {
    name  = "web"
    ratio = 0.75
    tags  = { team = "shop", "cost-center" = "42" }
    checks = [
      { path = "/health" },
      { path = "/ready", interval = 30 },
    ]
  }
}

variable "numbers" { default = [0, -1, 1.5, -0.001, 1e21, 123456789, 9007199254740992, 0.1] }
variable "deep" { default = { a = { b = { c = { d = ["e"] } } }, empty = {} } }

variable "nothing" {
  type    = string
  default = null
}

output "all" {
  value = {
    ports   = var.ports,
    zones   = var.zones,
    mixed   = var.mixed,
    limits  = var.limits,
    service = var.service,
    numbers = var.numbers,
    deep    = var.deep,
    nothing = var.nothing,
  }
}
