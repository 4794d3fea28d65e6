#!/usr/bin/env bash
# tests/checks/fmt-docs.sh - the before/after example of docs/fmt.md (its
# two last ```hcl blocks) is what `hclc fmt` does.
set -u
cd "${ROOT:-.}" || exit 1
HCLC=${HCLC:-./hclc}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/hclc-fmtdoc.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
awk -v dir="$tmp" '/^```hcl$/ { n++; inside = 1; next } /^```$/ { inside = 0; next }
    inside { print > (dir "/block" n ".hcl") }' docs/fmt.md
n=$(ls "$tmp" | wc -l)
if [ "$n" -ge 2 ] && "$HCLC" fmt - <"$tmp/block$((n - 1)).hcl" | cmp -s - "$tmp/block$n.hcl"; then
    echo "ok fmt-docs-example"
else
    echo "not ok fmt-docs-example"
    "$HCLC" fmt - <"$tmp/block$((n - 1)).hcl" 2>&1 | diff - "$tmp/block$n.hcl" | sed 's/^/    /'
fi
