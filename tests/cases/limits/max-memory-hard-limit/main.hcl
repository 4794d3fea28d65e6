# One function call that passes the limit at once (the budget is checked
# between expressions): the backstop stops the run, naming the limit.
locals {
  parts = [for i in range(1024) : format("%2000s", i)]
}

output "x" { value = length(join("", local.parts)) }
