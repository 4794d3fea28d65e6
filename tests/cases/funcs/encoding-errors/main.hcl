output "jsonencode" { value = jsonencode() }
output "jsondecode" { value = jsondecode("{\"a\": [1, 2}") }
output "yamlencode" { value = yamlencode(1, 2) }
output "yamldecode" { value = yamldecode("a: [1, 2") }
output "base64encode" { value = base64encode([]) }
output "base64decode" { value = base64decode("not base64!") }
output "urlencode" { value = urlencode({}) }
output "csvdecode" { value = csvdecode("a,b\n1,2,3\n") }
