# env() reads hclc's environment (this case's `env` file sets HCLC_TEST_SET).
output "env" { value = [env("HCLC_TEST_SET"), env("HCLC_TEST_UNSET", "dflt")] }
