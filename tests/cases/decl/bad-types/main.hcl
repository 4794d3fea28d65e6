variable "a" { type = strng }
variable "b" { type = list }
variable "c" { type = object({ port = optional(number, "x") }) }
variable "d" { type = optional(string) }
variable "e" { sensitive = "yes" }
