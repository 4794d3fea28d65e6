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

# check NAME DIR ARGS... : runs hclc in DIR, fails when stderr shows a secret.
check() {
    local name=$1 dir=$2
    shift 2
    local err
    err=$(cd "$dir" && env -i LC_ALL=C NO_COLOR=1 PATH="$PATH" HCLC_VAR_undeclared=hunter2secret \
        "$HCLC" "$@" 2>&1 >/dev/null)
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
