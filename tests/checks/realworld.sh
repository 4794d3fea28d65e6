#!/usr/bin/env bash
# tests/checks/realworld.sh - every real task definition under
# tests/realworld/ (sources and licenses in its README.md) validates with
# no error: hclc must never refuse what AWS accepts (issue 10).
set -u
cd "${ROOT:-.}" || exit 1
HCLC=${HCLC:-./hclc}
out=$(mktemp) || exit 1
trap 'rm -f "$out"' EXIT
for file in tests/realworld/*.json; do
    name=$(basename "$file")
    if "$HCLC" validate "$file" >"$out" 2>&1 && ! grep -q ': error\[' "$out"; then
        echo "ok realworld $name validates"
    else
        echo "not ok realworld $name validates"
        grep -A3 ': error\[' "$out" | head -n 12 | sed 's/^/    /'
    fi
done
