#!/usr/bin/env bash
# tests/checks/fmt.sh - the properties of `hclc fmt` (docs/fmt.md) over every
# .hcl and .tfvars file of samples/, templates/ and tests/ that parses:
#   fmt-idempotent   fmt(fmt(x)) == fmt(x)
#   fmt-same-ast     `hclc debug ast` before and after, spans removed, is equal
#   fmt-same-text    only white space and commas change (so every comment and
#                    every string survives byte for byte)
#   fmt-same-build   every sample builds byte-identical output in every
#                    workspace (that builds) after `hclc fmt --recursive`
#   fmt-project      `hclc fmt --check` passes on the project's own files but
#                    those listed in tests/checks/fmt-keep-layout.txt
set -u
cd "${ROOT:-.}" || exit 1
HCLC=${HCLC:-./hclc}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/hclc-fmt.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

strip_spans() { sed -E 's/ [0-9]+:[0-9]+-[0-9]+:[0-9]+$//' "$1"; }
squeeze() { tr -d ' \t\r\n,' <"$1"; }

# report NAME FILE: "ok NAME" when FILE is empty, else "not ok" and FILE.
report() {
    if [ -s "$2" ]; then
        echo "not ok $1"
        head -n 30 "$2" | sed 's/^/    /'
    else
        echo "ok $1"
    fi
}

: >"$tmp/idem"; : >"$tmp/ast"; : >"$tmp/text"
files=()
while IFS= read -r -d '' f; do files+=("$f"); done < <(
    find samples templates tests -type f \( -name '*.hcl' -o -name '*.tfvars' \) -print0 | sort -z)
checked=0
for f in "${files[@]}"; do
    "$HCLC" debug ast "$f" >"$tmp/a1" 2>/dev/null || continue
    checked=$((checked + 1))
    if ! "$HCLC" fmt - <"$f" >"$tmp/f1" 2>"$tmp/err"; then
        { echo "$f: fmt failed"; cat "$tmp/err"; } >>"$tmp/idem"
        continue
    fi
    "$HCLC" fmt - <"$tmp/f1" >"$tmp/f2" 2>&1
    cmp -s "$tmp/f1" "$tmp/f2" || { echo "$f:"; diff "$tmp/f1" "$tmp/f2" | head -n 8; } >>"$tmp/idem"
    cp "$tmp/f1" "$tmp/f1.hcl"
    "$HCLC" debug ast "$tmp/f1.hcl" >"$tmp/a2" 2>&1
    diff <(strip_spans "$tmp/a1") <(strip_spans "$tmp/a2") >"$tmp/d" ||
        { echo "$f:"; head -n 8 "$tmp/d"; } >>"$tmp/ast"
    [ "$(squeeze "$f")" = "$(squeeze "$tmp/f1")" ] || echo "$f: text other than white space changed" >>"$tmp/text"
done
[ "$checked" -gt 100 ] || echo "only $checked files parsed" >>"$tmp/idem"
report fmt-idempotent "$tmp/idem"
report fmt-same-ast "$tmp/ast"
report fmt-same-text "$tmp/text"

# Every sample, formatted, builds the same bytes in every workspace.
: >"$tmp/build"
builds=0
for dir in samples/*/; do
    name=$(basename "$dir")
    cp -R "$dir" "$tmp/$name"
    "$HCLC" fmt --recursive "$tmp/$name" >/dev/null 2>>"$tmp/build"
    for ws in default $("$HCLC" workspaces "$dir" 2>/dev/null); do
        "$HCLC" build "$dir" -w "$ws" >"$tmp/b1" 2>/dev/null || continue # default may need values
        "$HCLC" build "$tmp/$name" -w "$ws" >"$tmp/b2" 2>&1
        cmp -s "$tmp/b1" "$tmp/b2" || echo "$name -w $ws: build output differs" >>"$tmp/build"
        builds=$((builds + 1))
    done
done
[ "$builds" -ge 4 ] || echo "only $builds sample builds compared" >>"$tmp/build"
report fmt-same-build "$tmp/build"

# The project's own files are formatted.
keep=()
while IFS= read -r line; do
    line=${line%%#*}
    [ -n "${line// /}" ] && keep+=("${line// /}")
done <tests/checks/fmt-keep-layout.txt
targets=()
for f in "${files[@]}"; do
    for k in "${keep[@]}"; do [[ $f == "$k"* ]] && continue 2; done
    "$HCLC" debug ast "$f" >/dev/null 2>&1 && targets+=("$f")
done
"$HCLC" fmt --check "${targets[@]}" >"$tmp/check" 2>&1
report fmt-project "$tmp/check"
