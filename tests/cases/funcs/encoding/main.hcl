output "jsonencode" { value = jsonencode({ b = [1, true, null, "x\"y"], a = { n = 1.5 } }) }
output "jsondecode" { value = jsondecode("{\"z\": 1, \"a\": [true, null, \"s\"]}") }
output "yamlencode" { value = yamlencode({ name = "web", ports = [80, 443], flag = "yes", empty = "" }) }
output "yamldecode" { value = yamldecode("a: no\nb: 0x1F\nc: [1, 2]\nd: ~\n") }
output "base64" { value = [base64encode("hello"), base64decode("aGVsbG8=")] }
output "urlencode" { value = urlencode("a b&c=d/é") }
output "csvdecode" { value = csvdecode("name,port\nweb,80\n\"api, v2\",8080\n") }
