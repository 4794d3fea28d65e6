#!/usr/bin/env bash
# tests/checks/diagnostics.sh - docs/diagnostics.md against the program.
#
# 1. coverage: every code of compiler/base/diag_codes.h has exactly one entry
#    ("## E0560"), in numeric order, no entry names an unknown code, and every
#    entry has a runnable example or says why not (<!-- not runnable: ... -->).
# 2. explain: `hclc explain` prints every entry (exit 0, "E0560: TITLE"),
#    and docs/diagnostics.awk refuses malformed pages.
# 3. one check per runnable entry: its files are written into an empty
#    directory, the "$ " lines of its console block run there in order (the
#    environment of the golden cases), and the first diagnostic carrying the
#    entry's code must read exactly as the lines after them. BLESS=1 rewrites
#    those lines from what hclc printed.
set -u

ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
HCLC=${HCLC:-$ROOT/hclc}
DOC=$ROOT/docs/diagnostics.md
WORK=$(mktemp -d "${TMPDIR:-/tmp}/hclc-diagdocs.XXXXXX") || exit 1
trap 'rm -rf "$WORK"' EXIT
BASE_ENV=("LC_ALL=C" "NO_COLOR=1" "PATH=$PATH" "HOME=${HOME:-/}" "HCLC=$HCLC"
    "HCLC_TEMPLATE_PATH=$ROOT/templates")
for var in ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS; do
    [ -n "${!var:-}" ] && BASE_ENV+=("$var=${!var}")
done

# Splits the page into $WORK/EXXXX/{files/NAME,cmds,expected,norun} and
# $WORK/codes (the entry codes in page order).
split_doc() {
    awk -v dir="$WORK" '
    function out(name) { return dir "/" code "/" name }
    /^```/ && !fence {
        fence = 1
        kind = ""
        if (code == "") next
        n = split(substr($0, 4), info, /[ \t]+/)
        if (info[1] == "console" && !seen_console) { kind = "console"; seen_console = 1 }
        else if (n >= 2) { kind = "file"; file = out("files/" info[2]) }
        else if (info[1] == "hcl") { kind = "file"; file = out("files/main.hcl") }
        if (kind == "file") { system("mkdir -p \"" dir "/" code "/files\""); printf "" > file }
        next
    }
    /^```/ && fence { fence = 0; if (kind == "file") close(file); next }
    fence && kind == "file" { print > file; next }
    fence && kind == "console" {
        if ($0 ~ /^\$ /) print substr($0, 3) > out("cmds")
        else print > out("expected")
        next
    }
    fence { next }
    /^#/ {
        code = ""
        if ($0 ~ /^## E[0-9][0-9][0-9][0-9][ \t]*$/) {
            code = substr($0, 4, 5)
            print code > (dir "/codes")
            system("mkdir -p \"" dir "/" code "\"")
            seen_console = 0
        }
        next
    }
    code != "" && /<!-- not runnable: .*-->/ { print > out("norun") }
    ' "$DOC"
    touch "$WORK/codes"
}

check_coverage() {
    local registry doc problems=""
    registry=$(grep -o '^ *X([0-9]*' "$ROOT/compiler/base/diag_codes.h" | grep -o '[0-9]*' |
        sort -n | awk '{ printf "E%04d\n", $1 }')
    doc=$(cat "$WORK/codes")
    local missing extra twice unordered
    missing=$(comm -23 <(printf '%s\n' "$registry") <(printf '%s\n' "$doc" | sort -u))
    extra=$(comm -13 <(printf '%s\n' "$registry") <(printf '%s\n' "$doc" | sort -u))
    twice=$(printf '%s\n' "$doc" | sort | uniq -d)
    [ "$doc" = "$(printf '%s\n' "$doc" | sort)" ] || unordered=yes
    [ -z "$missing" ] || problems+="no entry for: $(echo $missing)"$'\n'
    [ -z "$extra" ] || problems+="entry for a code diag_codes.h does not have: $(echo $extra)"$'\n'
    [ -z "$twice" ] || problems+="more than one entry for: $(echo $twice)"$'\n'
    [ -z "${unordered:-}" ] || problems+="entries not in numeric order"$'\n'
    local code
    for code in $doc; do
        [ -f "$WORK/$code/cmds" ] || [ -f "$WORK/$code/norun" ] ||
            problems+="$code: no console block and no <!-- not runnable: REASON -->"$'\n'
    done
    if [ -z "$problems" ]; then
        echo "ok diagnostics/coverage"
    else
        echo "not ok diagnostics/coverage"
        printf '%s' "$problems" | sed 's/^/    /'
    fi
}

check_explain() {
    local code first bad=""
    for code in $(cat "$WORK/codes"); do
        first=$(env -i "${BASE_ENV[@]}" "$HCLC" explain "$code" 2>&1 | head -n 1)
        case $first in "$code: "?*) ;; *) bad+=" $code" ;; esac
    done
    if [ -z "$bad" ]; then
        echo "ok diagnostics/explain-every-code"
    else
        echo "not ok diagnostics/explain-every-code"
        echo "    hclc explain fails for:$bad"
    fi
}

# The first diagnostic carrying [CODE] in stderr file $2: its first line, the
# indented lines under it and its note lines.
first_diagnostic() {
    awk -v tag="[$1]" '
    /^[^ ]/ {
        if (on && $0 ~ /: note: /) { print; next }
        on = 0
        if (!done && index($0, tag) && $0 ~ /(error|warning)\[E[0-9]+\]/) { on = 1; done = 1; print }
        next
    }
    on { print }' "$2"
}

run_example() {
    local code=$1 dir=$WORK/$1 run
    run=$(mktemp -d "$WORK/run.XXXXXX")
    [ -d "$dir/files" ] && cp -R "$dir/files/." "$run/"
    (
        cd "$run" || exit 125
        env -i "${BASE_ENV[@]}" timeout 20 bash -c 'hclc() { "$HCLC" "$@"; }
            set -e
            '"$(cat "$dir/cmds")"
    ) </dev/null >"$dir/stdout" 2>"$dir/stderr"
    first_diagnostic "$code" "$dir/stderr" >"$dir/actual"
    # make sanitize: a sanitizer's report fails the example too.
    if grep -q -e 'Sanitizer' -e 'runtime error:' "$dir/stderr"; then
        echo "not ok diagnostics/$code"
        echo "    a sanitizer reported an error:"
        grep -A 10 -e 'Sanitizer' -e 'runtime error:' "$dir/stderr" | head -n 20 | sed 's/^/    /'
        return
    fi
    if [ ! -s "$dir/actual" ]; then
        echo "not ok diagnostics/$code"
        echo "    the example does not report $code; stderr:"
        head -n 20 "$dir/stderr" | sed 's/^/    /'
        return
    fi
    touch "$dir/expected"
    if [ -n "${BLESS:-}" ] || cmp -s "$dir/expected" "$dir/actual"; then
        echo "ok diagnostics/$code"
        return
    fi
    echo "not ok diagnostics/$code"
    diff -u --label "docs/diagnostics.md $code" --label "hclc prints" "$dir/expected" \
        "$dir/actual" | head -n 30 | sed 's/^/    /'
}

# Rewrites the lines after the commands of each console block with what
# hclc printed (the "actual" file of its entry); a block whose example did
# not run or did not report its code keeps its lines.
bless_doc() {
    awk -v dir="$WORK" '
    /^```/ && !fence {
        fence = 1
        console = code != "" && $0 ~ /^```console/ && !seen[code]++
        kept = ""
        print
        next
    }
    /^```/ && fence {
        if (console) {
            file = dir "/" code "/actual"
            got = 0
            while ((getline line < file) > 0) { print line; got = 1 }
            close(file)
            if (!got) printf "%s", kept
        }
        fence = 0
        console = 0
        print
        next
    }
    fence && console && $0 !~ /^\$ / { kept = kept $0 "\n"; next }
    /^#/ && !fence {
        code = ""
        if ($0 ~ /^## E[0-9][0-9][0-9][0-9][ \t]*$/) code = substr($0, 4, 5)
    }
    { print }' "$DOC" >"$WORK/blessed" && cp "$WORK/blessed" "$DOC"
}

# docs/diagnostics.awk stops the build on a malformed page rather than
# leaving an entry out of hclc explain.
check_awk() {
    local page bad=""
    for page in '## E0002\n\nB\n\n## E0001\n\nA\n' '## E560\n\nA\n' \
        '## E0001\n\n## E0002\n\nA\n' '## E0001\n\nA\n\n```hcl\nx = 1\n'; do
        printf "$page" >"$WORK/page.md"
        awk -f "$ROOT/docs/diagnostics.awk" "$WORK/page.md" >/dev/null 2>&1 && bad+=" $page"
    done
    if [ -z "$bad" ]; then
        echo "ok diagnostics/awk-refuses-malformed-pages"
    else
        echo "not ok diagnostics/awk-refuses-malformed-pages"
        echo "    accepted:$bad"
    fi
}

split_doc
check_coverage
check_awk
check_explain
for code in $(cat "$WORK/codes"); do
    [ -f "$WORK/$code/cmds" ] && [ ! -f "$WORK/$code/norun" ] && run_example "$code"
done
[ -n "${BLESS:-}" ] && bless_doc
exit 0
