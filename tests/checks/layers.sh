#!/usr/bin/env bash
# tests/checks/layers.sh - the include-order check (tests/check-layers.sh):
# the checkout's compiler/ passes it, and on small trees built here it
# passes a good tree and fails, naming file and line, on an include of a
# higher layer, an include cycle, a driver header outside the driver, an
# include that does not name its folder, and a folder that is no layer.
set -u

ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
CHECK=$ROOT/tests/check-layers.sh
TMP=$(mktemp -d "${TMPDIR:-/tmp}/hclc-layers.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT

# put TREE FILE LINE... : writes FILE under TREE/compiler, one argument a line.
put() {
    local tree=$1 file=$2
    shift 2
    mkdir -p "$(dirname "$tree/compiler/$file")"
    printf '%s\n' "$@" >"$tree/compiler/$file"
}

# A tree that follows the order: base < eval < driver, with a libc include.
good_tree() {
    local t=$1
    put "$t" base/a.h '// a.h' '#include <stddef.h>'
    put "$t" base/a.c '// a.c' '#include "base/a.h"'
    put "$t" eval/e.h '// e.h' '#include "base/a.h"'
    put "$t" eval/e.c '// e.c' '#include "eval/e.h"' '#include "base/a.h"'
    put "$t" compile.h '// compile.h' '#include "eval/e.h"'
    put "$t" main.c '// main.c' '#include <stdio.h>' '#include "compile.h"'
}

# expect NAME STATUS PATTERN TREE: check-layers on TREE exits STATUS and
# its output holds the fixed string PATTERN.
expect() {
    local name=$1 want=$2 pattern=$3 tree=$4 out status
    out=$("$CHECK" "$tree" 2>&1)
    status=$?
    if [ "$status" -eq "$want" ] && printf '%s\n' "$out" | grep -qF -- "$pattern"; then
        printf 'ok %s\n' "$name"
    else
        printf 'not ok %s\n' "$name"
        printf '    exit %d (want %d), output (want "%s"):\n' "$status" "$want" "$pattern"
        printf '%s\n' "$out" | sed 's/^/    /'
    fi
}

# tree NAME: a fresh good tree, its path printed.
tree() {
    mkdir -p "$TMP/$1" && good_tree "$TMP/$1" && printf '%s\n' "$TMP/$1"
}

expect layers-of-this-checkout 0 "in layer order and acyclic" "$ROOT"

t=$(tree good)
expect layers-passes-a-good-tree 0 "in layer order and acyclic" "$t"

t=$(tree upward)
put "$t" base/bad.c '// bad.c' '#include "base/a.h"' '#include "eval/e.h"'
expect layers-fails-on-a-higher-layer 1 \
    'compiler/base/bad.c:3: "eval/e.h" includes layer eval above its own layer base' "$t"

t=$(tree cycle)
put "$t" eval/x.h '// x.h' '#include "eval/y.h"'
put "$t" eval/y.h '// y.h' '#include "base/a.h"' '#include "eval/x.h"'
expect layers-fails-on-a-cycle 1 \
    'compiler/eval/y.h:3: include cycle: eval/x.h -> eval/y.h -> eval/x.h' "$t"

t=$(tree driver)
put "$t" eval/d.c '// d.c' '#include "compile.h"'
expect layers-fails-on-a-driver-header-below 1 \
    'compiler/eval/d.c:2: "compile.h" is a driver header' "$t"

t=$(tree folderless)
put "$t" eval/f.c '// f.c' '#include "a.h"'
expect layers-fails-on-an-include-without-folder 1 \
    'compiler/eval/f.c:2: "a.h" does not name its folder (write "base/a.h")' "$t"

t=$(tree unknown)
put "$t" gui/g.c '// g.c' '#include "base/a.h"'
expect layers-fails-on-a-folder-that-is-no-layer 1 \
    'compiler/gui/g.c: folder "gui" is not a layer' "$t"
