# Strings that need escaping: Terraform's template sequences (${ and %{),
# hclc's own ($< and %<, written $$< and %%< here), quotes, backslashes,
# line breaks, control characters and non-ASCII text.
variable "shell" { default = "echo ${HOME} %{if x}y%{endif}" }
variable "hclc" { default = "literal $$<x> and %%<if y>" }
variable "escaped" { default = "$${a} %%{b} $$$$<c>" }
variable "dollars" { default = "$ % $$ %% ends with $" }
variable "quotes" { default = "say \"hi\" and 'bye'" }
variable "backslashes" { default = "C:\\Users\\ada \\n is not a newline" }
variable "lines" { default = "one\ntwo\r\nthree\tfour\n" }
variable "controls" { default = "bell\u0007 escape\u001b delete\u007f" }
variable "unicode" { default = "héllo wörld, 日本語, emoji 😀, \u00e9" }

variable "heredoc" {
  default = <<-EOT
    #!/bin/sh
    exec app --home "${HOME}" --template '%{x}'
    EOT
}

variable "empty" { default = "" }

output "all" {
  value = [
    var.shell,
    var.hclc,
    var.escaped,
    var.dollars,
    var.quotes,
    var.backslashes,
    var.lines,
    var.controls,
    var.unicode,
    var.heredoc,
    var.empty,
  ]
}
