output "log_configuration" {
  value = jsondecode(templatefile("hclc:ecs/awslogs.json.tpl", {
    group  = "/ecs/web"
    region = "eu-west-1"
    prefix = "web"
  }))
}

output "missing" {
  value = try(templatefile("hclc:ecs/nope.tpl", {}), "no such shipped template")
}
