output "format" {
  value = [
    format("%s-%d", "web", 3),
    format("%05.1f|%-6s|%6s|", 3.14159, "ab", "cd"),
    format("%t %q %v %%", true, "q\"s", 12),
    format("%x %X %o %b %e", 255, 255, 8, 5, 1234.5),
    format("%#v", { a = [1, "b"] }),
  ]
}

output "formatlist" { value = formatlist("%s:%d", ["a", "b"], [1, 2]) }
output "join_split" { value = [join(",", ["a", "b", "c"]), split(",", "a,,b")] }
output "case" { value = [lower("ÀBC"), upper("straße"), title("hello big world")] }

output "trim" {
  value = [
    trim("?!hello?!", "!?"),
    trimspace("  x \n"),
    trimprefix("helloworld", "hello"),
    trimsuffix("helloworld", "world"),
    chomp("line\r\n\n"),
  ]
}

output "replace" {
  value = [replace("a-b-c", "-", "+"), replace("v1.2.3", "/v(\\d+)\\.(\\d+)/", "$2.$1")]
}

output "regex" {
  value = [
    regex("[0-9]+", "abc123def"),
    regex("(\\d+)-(\\d+)", "10-20"),
    regex("(?P<major>\\d+)\\.(?P<minor>\\d+)", "v1.2"),
    regexall("[a-z]+", "a1bb2ccc"),
    regexall("(\\d)", "x"),
  ]
}

output "substr" { value = [substr("héllo", 1, 3), substr("hello", -3, -1), substr("hi", 5, 2)] }
output "strlen" { value = [strlen("héllo"), length("héllo")] }
output "starts_ends" { value = [startswith("hello", "he"), endswith("hello", "lo"), startswith("x", "y")] }
output "indent" { value = indent(2, "a\nb\nc") }
