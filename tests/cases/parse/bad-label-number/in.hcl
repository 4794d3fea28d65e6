container "web" 2 {
}
