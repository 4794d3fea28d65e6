# Member names in snake_case or as the ECS API spells them, at every level,
# also inside object values and JSON pasted from the AWS documentation.
task_definition "web" {
  family        = "web"
  networkMode   = "bridge"
  task_role_arn = "arn:aws:iam::123456789012:role/web"
  memory        = 512

  container "web" {
    image             = "nginx:1.25"
    memoryReservation = 256
    port_mappings     = [{ "containerPort": 80, "hostPort": 8080, "protocol": "tcp" }]
    health_check = {
      command      = ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]
      start_period = 10
      "interval": 30
    }
    linuxParameters = { init_process_enabled = true, "capabilities": { drop = ["NET_RAW"] } }
  }
}
