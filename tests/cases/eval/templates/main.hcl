locals {
  app   = "bridge"
  ports = [80, 443]
  debug = true
  env   = { B = "2", A = "1" }
}

output "interpolation" { value = "$<local.app>-$<workspace.name>" }
output "single_keeps_type" { value = "$<local.ports>" }
output "number_in_string" { value = "port $<local.ports[0]> and $<1.5> and $<true>" }
output "escaped" { value = "$$<not interpolated> %%<nor this> ${HOME} %{x}" }
output "dollar_alone" { value = "cost: $5 and 100%" }
output "escapes" { value = "tab\tquote\"backslash\\ unicode \u00e9 \U0001F600" }
output "if_else" { value = "%<if local.debug>set -x%<else>set -e%<endif>" }
output "for_directive" { value = "%<for p in local.ports>EXPOSE $<p>;%<endfor>" }
output "for_key_value" { value = "%<for k, v in local.env>$<k>=$<v> %<endfor>" }
output "strip_markers" { value = "a   $<~ "b" ~>   c" }
output "nested_directives" { value = "%<for p in local.ports>%<if (p > 100)>big%<else>small%<endif>,%<endfor>" }

output "heredoc" {
  value = <<-EOT
    %<for p in local.ports ~>
    EXPOSE $<p>
    %<endfor ~>
    echo "${HOME} stays as written"
    EOT
}

output "heredoc_plain" {
  value = <<EOT
  kept indentation
EOT
}

output "comparison_needs_parens" { value = "$<(2 > 1)>" }
output "nested_string" { value = "$<"inner-$<local.app>">" }
