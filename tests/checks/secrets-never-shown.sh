#!/usr/bin/env bash
# tests/checks/secrets-never-shown.sh - every case under
# tests/cases/security-values/ runs again with --diagnostics=json and with
# its sensitive values given by --var, HCLC_VAR_ and a var file: no
# diagnostic may hold one of the secrets those cases use ("hunter2secret",
# "topsecretkey", the numbers 7777x), in any case of letters.
set -u
SECRETS='hunter2secret|topsecretkey|7777[0-9]'
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# check NAME DIR ARGS... : runs hclc in DIR, fails when stderr shows a secret
# (or stdout, but for build, whose output holds the values on purpose).
check() {
    local name=$1 dir=$2
    shift 2
    local err
    if [ "$1" = build ]; then
        err=$(cd "$dir" && env -i LC_ALL=C NO_COLOR=1 PATH="$PATH" HCLC_VAR_undeclared=hunter2secret \
            "$HCLC" "$@" 2>&1 >/dev/null)
    else
        err=$(cd "$dir" && env -i LC_ALL=C NO_COLOR=1 PATH="$PATH" HCLC_VAR_undeclared=hunter2secret \
            "$HCLC" "$@" 2>&1)
    fi
    if printf '%s\n' "$err" | grep -Eiq "$SECRETS"; then
        echo "not ok $name"
        printf '%s\n' "$err" | grep -Ei "$SECRETS" | head -5 | sed 's/^/    /'
    else
        echo "ok $name"
    fi
}

for case in "$ROOT"/tests/cases/security-values/*/; do
    name=$(basename "$case")
    rm -rf "$scratch/$name"
    cp -r "$case" "$scratch/$name"
    read -r -a args <"$case/args"
    check "secrets-never-shown $name text" "$scratch/$name" "${args[@]}"
    check "secrets-never-shown $name json" "$scratch/$name" "${args[@]}" --diagnostics=json
    check "secrets-never-shown $name sarif" "$scratch/$name" "${args[@]}" --diagnostics=sarif
    check "secrets-never-shown $name github" "$scratch/$name" "${args[@]}" --diagnostics=github
    if [ "${args[0]}" = validate ]; then
        args[0]=lint
        check "secrets-never-shown $name lint" "$scratch/$name" "${args[@]}"
        check "secrets-never-shown $name lint sarif" "$scratch/$name" "${args[@]}" --diagnostics=sarif
    fi
done

# The same secret from each input source: the flag, the environment and a file.
dir=$scratch/sources
mkdir -p "$dir"
cat >"$dir/main.hcl" <<'HCL'
variable "pw" {
  type      = number
  sensitive = true
  validation {
    condition     = var.pw < 0
    error_message = "pw is $<var.pw>"
  }
}
output "x" { value = var.pw }
HCL
printf '{"pw": "hunter2secret"}\n' >"$dir/v.json"
check "secrets-never-shown --var" "$dir" build . --var pw=hunter2secret
check "secrets-never-shown var file" "$dir" build . --var-file v.json
check "secrets-never-shown number" "$dir" build . --var pw=77777 --diagnostics=json

# Secrets written in plain text, which the validator and lint flag (E0655,
# E0660, E1006, E1007): no source line printed shows them, in a JSON file
# or in .hcl, also where another diagnostic shows their line. (Under hclc
# lint a validator error stops the rules that flag them: a duplicate name,
# E0632, on the line of a plain secret would show it.)
dir=$scratch/plain
mkdir -p "$dir"
cat >"$dir/task.json" <<'JSON'
{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx:1.25", "memory": 512,
  "environment": [{"name": "DB_PASSWORD", "value": "hunter2secret"}, {"name": "K", "value": "AKIA7777EXAMPLE00000"},
                  {"name": "X", "value": "hunter2secretb"}]}]}
JSON
cat >"$dir/dup.json" <<'JSON'
{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx:1.25", "memory": 512,
  "environment": [{"name": "DB_PASSWORD", "value": "hunter2secret"}, {"name": "K", "value": "AKIA7777EXAMPLE00000"},
                  {"name": "DB_PASSWORD", "value": "hunter2secretb"}]}]}
JSON
check "secrets-never-shown plain: validate dup.json" "$dir" validate dup.json
cat >"$dir/main.hcl" <<'HCL'
locals {
  pw = "hunter2secret"
}
task_definition "web" {
  family = "web"
  container "web" {
    image       = "nginx:1.25"
    memory      = 512
    environment = { DB_PASSWORD = local.pw, API_TOKEN = "topsecretkey", K = "AKIA7777EXAMPLE00000" }
  }
}
HCL
for args in "validate task.json" "lint task.json" "validate main.hcl" "lint main.hcl"; do
    read -r -a a <<<"$args"
    check "secrets-never-shown plain: $args" "$dir" "${a[@]}"
    check "secrets-never-shown plain: $args github" "$dir" "${a[@]}" --diagnostics=github
done
