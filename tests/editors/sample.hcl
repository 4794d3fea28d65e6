# Every construct the editor grammars must colour (tests/editors/run.sh).
variable "image_tag" {
  type        = string
  default     = "1.2.3"
  description = "tag, with a literal $$<not interpolated> and ${HOME} as text"
}

locals {
  app    = "web-$<var.image_tag>"
  nested = "$<upper("inner-$<local.app>")>"
  deep   = "$<jsonencode({ ports = [80, 443], gt = (2 > 1) })>"
  strip  = "a $<~ local.app ~> b"
  gt     = "$<(2 > 1)>"
  choice = "%<if var.image_tag != "">tagged%<else>latest%<endif>"
  ports  = [for p in [80, 443] : p * 2 if p > 0] // end-of-line comment
  script = <<-EOT
    %<for p in local.ports ~>
    EXPOSE $<p>
    %<endfor>
    echo "${HOME} stays" $$<literal>
    EOT
  /* a block comment */
  n = -1.5e3
}

task_definition "web" {
  family = "bridge-$<workspace.name>"
  container "app" {
    image = "nginx:$<var.image_tag>"
  }
}
