#!/usr/bin/env bash
# tests/checks/limits-doc.sh - the table of docs/limits.md names, for each
# limit, the constant that holds it: `NAME` (FILE): VALUE. This check finds
# "#define NAME EXPR" in FILE, has the C compiler evaluate EXPR, and
# compares it with VALUE, so the table cannot drift from the code.
set -u
doc=$ROOT/docs/limits.md
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
CC=${CC:-cc}
rows=$(grep -oE '`[A-Z_0-9]+` \([a-z_/.]+\): [0-9]+' "$doc")
if [ -z "$rows" ]; then
    echo "not ok limits-doc table"
    echo "    no rows like \`NAME\` (FILE): VALUE in $doc"
    exit 0
fi
{
    echo '#include <stddef.h>'
    echo '#include <stdint.h>'
    echo '#include <stdio.h>'
    echo 'int main(void) {'
} >"$dir/limits.c"
while read -r row; do
    name=$(printf '%s' "$row" | sed -E 's/^`([A-Z_0-9]+)`.*/\1/')
    file=$(printf '%s' "$row" | sed -E 's/.*\(([^)]+)\).*/\1/')
    expr=$(grep -E "^#define $name[[:space:]]" "$ROOT/$file" | head -1 |
        sed -E "s/^#define $name[[:space:]]+//; s@[[:space:]]*//.*@@")
    if [ -z "$expr" ]; then
        echo "not ok limits-doc $name"
        echo "    no #define $name in $file"
        continue
    fi
    printf '    printf("%s %%llu\\n", (unsigned long long)(%s));\n' "$name" "$expr" >>"$dir/limits.c"
done <<<"$rows"
echo '    return 0; }' >>"$dir/limits.c"
if ! "$CC" -o "$dir/limits" "$dir/limits.c" 2>"$dir/cc.err"; then
    echo "not ok limits-doc compile"
    sed 's/^/    /' "$dir/cc.err" | head -10
    exit 0
fi
"$dir/limits" >"$dir/values"
while read -r row; do
    name=$(printf '%s' "$row" | sed -E 's/^`([A-Z_0-9]+)`.*/\1/')
    want=$(printf '%s' "$row" | sed -E 's/.*: ([0-9]+)$/\1/')
    got=$(awk -v n="$name" '$1 == n { print $2 }' "$dir/values")
    [ -n "$got" ] || continue # reported above
    if [ "$got" = "$want" ]; then
        echo "ok limits-doc $name"
    else
        echo "not ok limits-doc $name"
        echo "    docs/limits.md says $want, the code says $got"
    fi
done <<<"$rows"
