#!/usr/bin/env bash
# tests/check-layers.sh [ROOT] - checks the #include "..." lines of every
# .c and .h under ROOT/compiler (ROOT: this checkout) against the layers.
#
# The layers, from the ground up (this list is the one machine-readable
# statement of the order):
#
#   base < syntax < decode < emit < project < funcs < eval < ecs < cfn < diff < lint < lsp
#   < import < driver
#
# A layer is a folder of compiler/ (compiler/base/...); the driver is the
# files directly in compiler/ (main.c, compile.c, compile.h). A file may
# include its own layer and the layers below it, never one above. A project
# include names its folder ("base/value.h", not "value.h"); only driver files
# include top-level headers ("compile.h"). Includes between files form no
# cycle. Angle-bracket includes (libc, libraries) are not checked.
#
# Prints one line per fault, "FILE:LINE: ..." (FILE relative to ROOT), and
# exits 1; prints a summary and exits 0 when there is none.
set -u

LAYERS="base syntax decode emit project funcs eval ecs cfn diff lint lsp import driver"

ROOT=${1:-$(cd "$(dirname "$0")/.." && pwd)}
if [ ! -d "$ROOT/compiler" ]; then
    printf 'check-layers: no folder %s/compiler\n' "$ROOT" >&2
    exit 2
fi

cd "$ROOT" || exit 2
# Every source file, and every file an include may name, relative to ROOT.
FILES=$(find compiler -type f \( -name '*.c' -o -name '*.h' \) | LC_ALL=C sort)
[ -n "$FILES" ] || {
    printf 'check-layers: no .c or .h file under %s/compiler\n' "$ROOT" >&2
    exit 2
}

# shellcheck disable=SC2086 # FILES is split on purpose: the paths hold no blanks
exec awk -v layers="$LAYERS" -v files="$FILES" '
function layer_of(path,    rest) {
    rest = substr(path, length("compiler/") + 1)
    if (index(rest, "/") == 0)
        return "driver"
    return substr(rest, 1, index(rest, "/") - 1)
}

function fault(where, text) {
    print where ": " text
    nfaults++
}

BEGIN {
    n = split(layers, order, " ")
    for (i = 1; i <= n; i++)
        rank[order[i]] = i
    nfiles = split(files, list, "\n")
    for (i = 1; i <= nfiles; i++) {
        exists[list[i]] = 1
        base = list[i]
        sub(/.*\//, "", base)
        home[base] = home[base] ? home[base] : list[i] # for "name its folder"
    }
    for (i = 1; i <= nfiles; i++)
        if (!(layer_of(list[i]) in rank) && !(layer_of(list[i]) in told)) {
            told[layer_of(list[i])] = 1
            fault(list[i], "folder \"" layer_of(list[i]) "\" is not a layer (the order is in tests/check-layers.sh)")
        }
}

# #include "X" (not <X>), with blanks allowed around the #.
/^[ \t]*#[ \t]*include[ \t]*"/ {
    target = $0
    sub(/^[ \t]*#[ \t]*include[ \t]*"/, "", target)
    sub(/".*/, "", target)
    nincludes++
    check(FILENAME, FNR, target)
}

function check(file, line, target,    where, own, path, to, base) {
    where = file ":" line
    own = layer_of(file)
    if (index(target, "/") == 0) {
        if (("compiler/" target) in exists) {
            if (own != "driver")
                fault(where, "\"" target "\" is a driver header; only files directly in compiler/ include it")
            edge("compiler/" target, file, line)
            return
        }
        base = home[target]
        if (base)
            fault(where, "\"" target "\" does not name its folder (write \"" substr(base, length("compiler/") + 1) "\")")
        else
            fault(where, "\"" target "\" names no file under compiler/")
        return
    }
    path = "compiler/" target
    if (!(path in exists)) {
        fault(where, "\"" target "\" names no file under compiler/")
        return
    }
    to = layer_of(path)
    if (!(to in rank) || !(own in rank))
        return # reported once per folder in BEGIN
    if (rank[to] > rank[own])
        fault(where, "\"" target "\" includes layer " to " above its own layer " own)
    edge(path, file, line)
}

# An include edge file -> path, written at file:line.
function edge(path, file, line) {
    nout[file]++
    out[file, nout[file]] = path
    at[file, nout[file]] = file ":" line
}

# Depth-first search from `f`; a grey node reached again closes a cycle,
# reported at the include line that closes it.
function visit(f,    i, to, k, chain) {
    color[f] = 1
    stack[++depth] = f
    for (i = 1; i <= nout[f]; i++) {
        to = out[f, i]
        if (color[to] == 1) {
            chain = ""
            for (k = 1; k <= depth; k++)
                if (stack[k] == to || chain != "")
                    chain = chain short(stack[k]) " -> "
            fault(at[f, i], "include cycle: " chain short(to))
        } else if (color[to] == 0)
            visit(to)
    }
    depth--
    color[f] = 2
}

function short(path) {
    return substr(path, length("compiler/") + 1)
}

END {
    for (i = 1; i <= nfiles; i++)
        if (color[list[i]] == 0)
            visit(list[i])
    if (nfaults) {
        print nfaults " fault(s); the layers, from the ground up: " layers
        exit 1
    }
    print "check-layers: " nfiles " files, " nincludes " includes, in layer order and acyclic"
}
' $FILES
