#!/usr/bin/env bash
# tests/checks/quadratic-paths.sh - inputs that once took quadratic time
# must finish within seconds: "did you mean" over a 64 KB key and a 120 KB
# name, 20,000 workspaces listed or searched, `hclc debug tokens` and `ast` on a
# 250 KB one-line file. The inputs are generated here (too large for golden
# cases); each run gets LIMIT seconds.
set -u
LIMIT=10
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# run NAME EXPECTED_STATUS ARGS...: runs hclc in $dir under the time limit.
run() {
    local name=$1 want=$2
    shift 2
    (cd "$dir" && timeout "$LIMIT" "$HCLC" "$@" >/dev/null 2>&1)
    local got=$?
    if [ "$got" -eq "$want" ]; then
        echo "ok quadratic-paths $name"
    else
        echo "not ok quadratic-paths $name"
        echo "    exit status $got, expected $want (124: over ${LIMIT}s)"
    fi
}

k=$(head -c 65536 /dev/zero | tr '\0' k)
printf 'locals {\n  m = { "%s" = 1 }\n}\noutput "x" { value = local.m.%sj }\n' "$k" "${k%k}" >"$dir/key.hcl"
run "did-you-mean over a 64 KB key" 1 build key.hcl

v=$(head -c 120000 /dev/zero | tr '\0' v)
printf 'output "x" { value = %s }\n' "$v" >"$dir/name.hcl"
run "did-you-mean over a 120 KB name" 1 build name.hcl

mkdir -p "$dir/ws"
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "workspace \"ws%d\" {}\n", i;
             print "output \"x\" { value = workspace.name }" }' >"$dir/ws/main.hcl"
run "20,000 workspaces listed" 0 workspaces ws
run "20,000 workspaces, an unknown one chosen" 1 build ws -w nope

awk 'BEGIN { printf "output \"x\" { value = ["; for (i = 0; i < 125000; i++) printf "%s1", i ? "," : "";
             print "] }" }' >"$dir/line.hcl"
run "debug tokens on a 250 KB line" 0 debug tokens line.hcl
run "debug ast on a 250 KB line" 0 debug ast line.hcl
