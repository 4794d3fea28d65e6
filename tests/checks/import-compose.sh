#!/usr/bin/env bash
# tests/checks/import-compose.sh - every real docker-compose file under
# tests/import/compose/ (sources and licenses in its README.md) imports:
# exit 0, every warning at a file:line:col with a help line saying what to do
# instead (none falling back to "see docs/import.md"), the source printed in
# the canonical layout (fmt --check) and valid (validate exits 0; its
# warnings are allowed).
set -u

ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
HCLC=${HCLC:-$ROOT/hclc}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/hclc-import-compose.XXXXXX") || exit 1
trap 'rm -rf "$WORK"' EXIT
export LC_ALL=C NO_COLOR=1

fail() {
    printf 'not ok %s\n' "$1"
    sed 's/^/    /' "$2" | head -20
}

for f in "$ROOT"/tests/import/compose/*.yaml "$ROOT"/tests/import/compose/*.yml; do
    [ -e "$f" ] || continue
    name=$(basename "$f")
    out=$WORK/$name.hcl log=$WORK/$name.log
    if ! "$HCLC" import --max-errors 0 "$f" >"$out" 2>"$log"; then
        fail "import-compose $name: import exits 0" "$log"
        continue
    fi
    if grep -q 'error\[' "$log" || grep -q 'see docs/import.md' "$log" ||
        grep 'warning\[' "$log" | grep -qv "^$f:[0-9]*:[0-9]*: warning"; then
        fail "import-compose $name: warnings only, each at its line with what to do" "$log"
        continue
    fi
    if ! "$HCLC" fmt --check "$out" >"$log" 2>&1; then
        fail "import-compose $name: canonical layout" "$log"
        continue
    fi
    if ! "$HCLC" validate "$out" >"$log" 2>&1; then
        fail "import-compose $name: validate" "$log"
        continue
    fi
    printf 'ok import-compose %s\n' "$name"
done
