#!/usr/bin/env bash
# tests/checks/doctest.sh - runs the marked examples of README.md,
# CONTRIBUTING.md and docs/*.md and compares their output, so the manual
# cannot drift from the program. An HTML comment marks the fenced block
# below it (blank lines may come between):
#
#   <!-- doctest-file: PATH -->   the block's text is the file PATH
#   <!-- doctest -->              a console block: "$ " lines are commands,
#   <!-- doctest: cd DIR -->      the lines below each one its expected
#   <!-- doctest: copy DIR -->    output (stdout and stderr together)
#
# Each document gets one scratch directory: file blocks write into it and
# console blocks run in it (in its subdirectory DIR with `cd DIR`; in a fresh
# copy of the checkout's DIR, such as samples/hello, with `copy DIR`).
# Commands run one after the other in bash with LC_ALL=C NO_COLOR=1, `hclc`
# being $HCLC; a command line ending in "\" goes on. An expected output whose
# last line is "..." is compared up to that line only. BLESS=1 rewrites the
# expected outputs in the documents instead (review them with git diff).
# Prints "ok doctest FILE:LINE" or "not ok doctest FILE:LINE" per block.
set -u

ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
HCLC=${HCLC:-$ROOT/hclc}
BLESS=${BLESS:-}
TIMEOUT=20

TMP=$(mktemp -d "${TMPDIR:-/tmp}/hclc-doctest.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/bin"
ln -s "$HCLC" "$TMP/bin/hclc"

ENVS=("LC_ALL=C" "NO_COLOR=1" "PATH=$TMP/bin:$PATH" "HCLC_TEMPLATE_PATH=$ROOT/templates")
for var in ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS; do
    [ -n "${!var:-}" ] && ENVS+=("$var=${!var}")
done

# Runs console block $2 (commands and expected output) in directory $1; the
# actual transcript goes to $3. Exit status 0 when it matches.
run_console() {
    local dir=$1 block=$2 actual=$3 line ok=0
    : >"$actual"
    local -a cmds=() outs=()
    local cur=-1 cont=0
    while IFS= read -r line || [ -n "$line" ]; do
        if [ "$cont" = 1 ]; then
            cmds[cur]+=$'\n'$line
            [[ $line == *\\ ]] || cont=0
        elif [[ $line == '$ '* ]]; then
            cur=$((cur + 1))
            cmds[cur]=${line#\$ }
            outs[cur]=""
            [[ $line == *\\ ]] && cont=1
        elif [ "$cur" -ge 0 ]; then
            outs[cur]+=$line$'\n'
        fi
    done <"$block"
    local i out exp
    for ((i = 0; i <= cur; i++)); do
        out=$( (cd "$dir" && HOME="$dir" exec env -i "${ENVS[@]}" HOME="$dir" \
            timeout "$TIMEOUT" bash -c "${cmds[i]}") </dev/null 2>&1; echo x)
        out=${out%x}
        exp=${outs[i]}
        printf '$ %s\n' "${cmds[i]}" >>"$actual"
        if [[ $exp == *$'\n...\n' || $exp == $'...\n' ]]; then
            exp=${exp%...$'\n'}
            [ "${out:0:${#exp}}" = "$exp" ] || ok=1
            printf '%s' "$out" | head -n "$(printf '%s' "$exp" | grep -c '')" >>"$actual"
            printf '...\n' >>"$actual"
        else
            [ "$out" = "$exp" ] || ok=1
            printf '%s' "$out" >>"$actual"
        fi
    done
    return "$ok"
}

# Checks every marked block of document $1 (a path relative to ROOT).
run_doc() {
    local doc=$1 scratch mark="" markline=0 lineno=0 line in_block=0 fence="" dir
    local block=$TMP/block actual=$TMP/actual blessed=$TMP/blessed
    scratch=$(mktemp -d "$TMP/doc.XXXXXX")
    : >"$blessed"
    while IFS= read -r line || [ -n "$line" ]; do
        lineno=$((lineno + 1))
        if [ "$in_block" = 1 ]; then
            if [ "$line" = "$fence" ]; then
                in_block=0
                finish_block "$doc" "$markline" "$mark" "$scratch" "$block" "$actual"
                mark=""
                cat "$BLESS_OUT" >>"$blessed"
                printf '%s\n' "$line" >>"$blessed"
            else
                printf '%s\n' "$line" >>"$block"
            fi
            continue
        fi
        printf '%s\n' "$line" >>"$blessed"
        if [[ $line =~ ^\<!--\ (doctest(-file)?(:[^>]*)?)\ --\>$ ]]; then
            mark=${BASH_REMATCH[1]}
            markline=$lineno
        elif [ -n "$mark" ] && [[ $line =~ ^(\`\`\`+) ]]; then
            fence=${BASH_REMATCH[1]}
            in_block=1
            : >"$block"
        elif [ -n "$mark" ] && [ -n "$line" ]; then
            printf 'not ok doctest %s:%d (no fenced block after the mark)\n' "$doc" "$markline"
            mark=""
        fi
    done <"$ROOT/$doc"
    if [ -n "$BLESS" ] && ! cmp -s "$blessed" "$ROOT/$doc"; then
        cp "$blessed" "$ROOT/$doc"
    fi
    rm -rf "$scratch"
}

# Handles one block: writes a file or runs a console block; sets BLESS_OUT
# to the text the block should hold.
finish_block() {
    local doc=$1 at=$2 mark=$3 scratch=$4 block=$5 actual=$6 arg dir
    BLESS_OUT=$block
    arg=${mark#*:}
    arg=${arg# }
    case $mark in
    doctest-file:*)
        mkdir -p "$(dirname "$scratch/$arg")"
        cp "$block" "$scratch/$arg"
        ;;
    doctest | doctest:*)
        dir=$scratch
        case $mark in
        "doctest: cd "*) dir=$scratch/${arg#cd } ;;
        "doctest: copy "*)
            dir=$(mktemp -d "$TMP/copy.XXXXXX")
            cp -R "$ROOT/${arg#copy }/." "$dir/"
            ;;
        doctest) ;;
        *)
            printf 'not ok doctest %s:%d (unknown mark "%s")\n' "$doc" "$at" "$mark"
            return
            ;;
        esac
        if [ ! -d "$dir" ]; then
            printf 'not ok doctest %s:%d (no directory %s)\n' "$doc" "$at" "$arg"
        elif run_console "$dir" "$block" "$actual"; then
            printf 'ok doctest %s:%d\n' "$doc" "$at"
        elif [ -n "$BLESS" ]; then
            BLESS_OUT=$actual
            printf 'ok doctest %s:%d (blessed)\n' "$doc" "$at"
        else
            printf 'not ok doctest %s:%d\n' "$doc" "$at"
            diff -u --label expected --label actual "$block" "$actual" | head -n 30 | sed 's/^/    /'
        fi
        ;;
    esac
}

# The runner must notice a wrong example: a document whose block is wrong.
self_test() {
    local doc=doctest-self-test.md result
    mkdir -p "$TMP/self"
    printf '%s\n' 'text' '<!-- doctest -->' '```console' '$ echo one' 'two' '```' >"$TMP/self/$doc"
    result=$(ROOT=$TMP/self BLESS= run_doc "$doc")
    if [[ $result == "not ok doctest $doc:2"* ]]; then
        echo "ok doctest reports a wrong example with its file and line"
    else
        echo "not ok doctest reports a wrong example with its file and line"
        printf '%s\n' "$result" | sed 's/^/    /'
    fi
}

cd "$ROOT" || exit 1
self_test
for doc in README.md CONTRIBUTING.md docs/*.md; do
    [ -f "$doc" ] && run_doc "$doc"
done
exit 0
