variable "debug" { type = bool }
variable "answer" { type = string }
output "d" { value = [var.debug, var.answer] }
