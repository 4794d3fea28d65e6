task_definition "web-$<var.env>" {
}
