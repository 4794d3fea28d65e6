workspace "dev" {}
workspace "stage" {}
workspace "prod" {}
