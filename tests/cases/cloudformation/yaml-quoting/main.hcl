# Every scalar a YAML 1.1 or 1.2 parser would read as something other than
# the string is quoted, in environment values and docker labels alike.
locals {
  risky = {
    YES     = "yes",
    NO      = "no",
    ON      = "on",
    OFF     = "off",
    NULL    = "null",
    TILDE   = "~",
    OCTAL   = "0123",
    EXP     = "1e3",
    HEX     = "0x1F",
    INF     = ".inf",
    STAR    = "*x",
    AMP     = "&x",
    BANG    = "!x",
    PERCENT = "%x",
    AT      = "@x",
    COLON   = "a: b",
    EMPTY   = "",
    TRUE    = "True",
    NAN     = ".NaN",
    PLAIN   = "plain words",
    HASH    = "a #b",
    DASH    = "- x",
  }
}

task_definition "quoting" {
  family = "quoting"
  memory = 512
  container "app" {
    image         = "example/app:1.0"
    environment   = local.risky
    docker_labels = local.risky
  }
}
