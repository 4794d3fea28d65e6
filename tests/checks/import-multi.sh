#!/usr/bin/env bash
# tests/checks/import-multi.sh - multi-environment import with real
# differences (docs/import.md "Several environments", issue 12): each
# scenario under tests/import/multi/ (one JSON file per workspace, their
# order in `workspaces`) is imported at once, and building the result in
# each workspace gives that workspace's JSON back: the same members and
# items in the same order (jq without -S); the result passes
# `hclc validate --all-workspaces` and is in the layout of `hclc fmt`.
# Then what each scenario is about is checked in the source written.
set -u

ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
HCLC=${HCLC:-$ROOT/hclc}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/hclc-import-multi.XXXXXX") || exit 1
trap 'rm -rf "$WORK"' EXIT
export LC_ALL=C NO_COLOR=1

# The file as strict JSON for jq: comments and trailing commas out.
plain() {
    perl -0pe 's#/\*.*?\*/##gs; s#^[ \t]*//[^\n]*##gm; s#(?<=[,\[\]{}"])[ \t]*//[^\n]*##g; s#,(\s*[\]}])#$1#g' "$1"
}

for dir in "$ROOT"/tests/import/multi/*/; do
    name=$(basename "$dir")
    wss=$(tr -d '\n' <"$dir/workspaces")
    files=()
    for ws in ${wss//,/ }; do files+=("$dir/$ws.json"); done
    out="$WORK/$name"
    if ! "$HCLC" import "${files[@]}" --workspaces "$wss" -o "$out" >"$out.log" 2>&1; then
        printf 'not ok import-multi %s imports\n' "$name"
        sed 's/^/    /' "$out.log" | head -20
        continue
    fi
    for ws in ${wss//,/ }; do
        if "$HCLC" build "$out" -w "$ws" >"$out.$ws" 2>"$out.$ws.log" &&
            diff <(plain "$dir/$ws.json" | jq .) <(jq . "$out.$ws") >>"$out.$ws.log"; then
            printf 'ok import-multi %s/%s\n' "$name" "$ws"
        else
            printf 'not ok import-multi %s/%s\n' "$name" "$ws"
            sed 's/^/    /' "$out.$ws.log" | head -20
        fi
    done
    if "$HCLC" validate "$out" --all-workspaces >"$out.v" 2>&1 &&
        "$HCLC" fmt --check "$out"/*.hcl >>"$out.v" 2>&1; then
        printf 'ok import-multi %s validates, formatted\n' "$name"
    else
        printf 'not ok import-multi %s validates, formatted\n' "$name"
        sed 's/^/    /' "$out.v" | head -20
    fi
done

# has NAME FILE PATTERN: the source written for scenario NAME has PATTERN (grep -E).
has() {
    if grep -qE -- "$3" "$WORK/$1/$2"; then
        printf 'ok import-multi %s: %s\n' "$1" "$3"
    else
        printf 'not ok import-multi %s: %s missing from %s\n' "$1" "$3" "$2"
        sed 's/^/    /' "$WORK/$1/$2" | head -40
    fi
}
has sidecar main.hcl '^  container_definitions = concat\(\[$'
has sidecar main.hcl '^  \], var\.in_prod \? \[$'
has sidecar main.hcl 'depends_on = var\.in_prod \? \[$'
has sidecar main.hcl 'parameter/app/\$<workspace\.name>/DB_PASSWORD"'
has sidecar workspaces.hcl '^  in_prod = false$'
has environment main.hcl '^    environment = merge\(var\.in_dev \? \{$'
has environment main.hcl 'SENTRY_DSN = "https://sentry.example.com/1"'
has environment main.hcl 'LOG_LEVEL = var\.log_level'
has reorder main.hcl 'environment += var\.environment$'
has reorder main.hcl 'port_mappings += var\.port_mappings$'
has length main.hcl '^    port_mappings = concat\(\[$'
has length main.hcl '^  volumes = concat\(\[$'
has three main.hcl 'var\.in_stage_prod \? \[$'
has three main.hcl 'var\.in_prod \? \{$'
has three variables.hcl '^variable "in_stage_prod" \{$'
has comments main.hcl '^// shop, production$'
has comments main.hcl '^      // ships the logs$'
has comments main.hcl '^      \}, var\.in_dev \? \{$'
has comments main.hcl '^        // only in dev$'
if [ "$(grep -c '// MiB' "$WORK/comments/main.hcl")" = 1 ]; then
    printf 'ok import-multi comments: a comment in both files once\n'
else
    printf 'not ok import-multi comments: a comment in both files once\n'
fi
