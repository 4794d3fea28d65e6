#!/usr/bin/env bash
# tests/checks/import-roundtrip.sh - build -> import -> build gives the same
# JSON (docs/import.md, issue 12).
#
# 1. Every task definition of every sample in every workspace: the JSON of
#    `hclc build` (and of `hclc build --canonical`), imported and built
#    again, is the same byte for byte.
# 2. Every JSON file under tests/import/ (seeds/, realworld/): imported and
#    built, it gives the file's JSON back: the same members and values
#    (compared with jq -S; read-only members of describe output and null
#    members, which a request leaves out, removed from the file first). A
#    container-definitions array is built with -t container-definitions.
# 3. Every task definition of every sample, imported from the JSON of all
#    its workspaces at once (--workspaces), builds in each workspace the
#    JSON of that workspace byte for byte.
set -u

ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
HCLC=${HCLC:-$ROOT/hclc}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/hclc-import-rt.XXXXXX") || exit 1
trap 'rm -rf "$WORK"' EXIT
export LC_ALL=C NO_COLOR=1

# import_build IN.json DIR [BUILD OPTIONS...]: imports IN.json into DIR and
# builds DIR into DIR.out; the output of failing steps goes to DIR.log.
import_build() {
    local in=$1 dir=$2
    shift 2
    "$HCLC" import "$in" -o "$dir" >"$dir.log" 2>&1 &&
        "$HCLC" build "$dir" "$@" >"$dir.out" 2>>"$dir.log"
}

fail() {
    printf 'not ok %s\n' "$1"
    sed 's/^/    /' "$2" | head -20
}

# 1. samples
for sample in "$ROOT"/samples/*/; do
    name=$(basename "$sample")
    out="$WORK/s-$name"
    if ! "$HCLC" build "$sample" --all-workspaces --out-dir "$out" >/dev/null 2>"$WORK/err"; then
        fail "import-roundtrip sample $name builds" "$WORK/err"
        continue
    fi
    "$HCLC" build "$sample" --all-workspaces --out-dir "$out-canonical" --canonical \
        >/dev/null 2>&1
    for json in "$out"/*/*.json "$out-canonical"/*/*.json; do
        rel=${json#"$WORK"/s-}
        dir="$WORK/rt-$(printf '%s' "$rel" | tr '/' '_')"
        canon=()
        case $json in *-canonical/*) canon=(--canonical) ;; esac
        if import_build "$json" "$dir" "${canon[@]}" && cmp -s "$json" "$dir.out"; then
            printf 'ok import-roundtrip %s\n' "$rel"
        else
            [ -f "$dir.out" ] && diff "$json" "$dir.out" >>"$dir.log"
            fail "import-roundtrip $rel" "$dir.log"
        fi
    done
done

# 3. several workspaces at once (before 2, while the samples' outputs are there)
for out in "$WORK"/s-*; do
    case $out in *-canonical) continue ;; esac
    name=${out#"$WORK"/s-}
    wss=$(cd "$out" && ls)
    for first in "$out/$(printf '%s\n' $wss | head -1)"/*.json; do
        task=$(basename "$first")
        files=()
        for ws in $wss; do files+=("$out/$ws/$task"); done
        dir="$WORK/mw-$name-$task"
        if ! "$HCLC" import "${files[@]}" --workspaces "$(printf '%s\n' $wss | paste -sd,)" \
            -o "$dir" >"$dir.log" 2>&1; then
            fail "import-roundtrip workspaces $name/$task" "$dir.log"
            continue
        fi
        for ws in $wss; do
            if "$HCLC" build "$dir" -w "$ws" >"$dir.$ws" 2>>"$dir.log" &&
                cmp -s "$dir.$ws" "$out/$ws/$task"; then
                printf 'ok import-roundtrip workspaces %s/%s/%s\n' "$name" "$ws" "$task"
            else
                diff "$out/$ws/$task" "$dir.$ws" >>"$dir.log" 2>&1
                fail "import-roundtrip workspaces $name/$ws/$task" "$dir.log"
            fi
        done
    done
done

# 2. JSON collected under tests/import/
# shellcheck source=tests/checks/import-expected.bash
. "$ROOT/tests/checks/import-expected.bash"
for json in "$ROOT"/tests/import/*/*.json; do
    [ -f "$json" ] || continue
    rel=${json#"$ROOT"/tests/import/}
    case $rel in realworld-cfn/*) continue ;; esac # import-cfn-roundtrip.sh's
    dir="$WORK/j-$(printf '%s' "$rel" | tr '/' '_')"
    target=()
    [ "$(jq -r 'type' <"$json" 2>/dev/null)" = array ] && target=(-t container-definitions)
    # Comments and trailing commas are hclc import's to read, not jq's.
    if ! "$HCLC" import "$json" >/dev/null 2>&1; then
        "$HCLC" import "$json" >"$dir.log" 2>&1
        fail "import-roundtrip $rel" "$dir.log"
        continue
    fi
    # The file as strict JSON for jq: comments (a "//" after a comma, a
    # bracket or a string's end, or alone on its line) and trailing commas out.
    plain="$WORK/plain-$(basename "$json")"
    perl -0pe 's{^\s*//[^\n]*|(?<=[,\[{"])[ \t]*//[^\n]*|/\*.*?\*/}{}gs; s{,(\s*[\]}])}{$1}g' \
        "$json" >"$plain"
    if import_build "$json" "$dir" "${target[@]}" &&
        diff <(expected "$plain") <(jq -S . "$dir.out") >>"$dir.log" 2>&1; then
        printf 'ok import-roundtrip %s\n' "$rel"
    else
        fail "import-roundtrip $rel" "$dir.log"
    fi
done
