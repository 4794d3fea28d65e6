#!/usr/bin/env bash
# tests/editors/run.sh - tests of the editor grammars under grammar/editors/
# (`make editors-test`; later part of `make e2e`). Needs node, npm and vim:
# it says which are missing and fails without them. Installs its npm
# packages with `npm ci` from the committed lock file (development only:
# building and running hclc never needs them), then runs
#   test-textmate.js  the TextMate grammar in vscode-textmate over the samples
#   test-vim.vim      the Vim syntax file, headless, at chosen positions
#   and the Vim ftdetect file: *.hcl under a .hclc marker is filetype hclc.
# Prints "ok X" / "not ok X" lines and "N passed, N failed" at the end.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export HCLC=${HCLC:-$ROOT/hclc}
cd "$ROOT" || exit 1

missing=()
for tool in node npm vim; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
[ -x "$HCLC" ] || missing+=("$HCLC (run make first)")
if [ ${#missing[@]} -gt 0 ]; then
    echo "not ok editors: missing ${missing[*]}"
    echo "    install them (Debian: apt-get install nodejs npm vim) and run make editors-test again"
    exit 1
fi
if ! (cd tests/editors && npm ci --no-audit --no-fund --loglevel=error >/dev/null); then
    echo "not ok editors: npm ci failed in tests/editors (vscode-textmate, vscode-oniguruma)"
    exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/hclc-editors.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

node tests/editors/test-textmate.js >"$tmp/results" 2>&1

HCLC_VIM_OUT="$tmp/vim" vim -Es -u NONE -N --cmd 'set rtp^=grammar/editors/vim' \
    -S tests/editors/test-vim.vim </dev/null >/dev/null 2>&1
if [ -s "$tmp/vim" ]; then
    cat "$tmp/vim" >>"$tmp/results"
else
    echo "not ok vim syntax: vim wrote no results" >>"$tmp/results"
fi

# ftdetect: a .hclc marker above a *.hcl file makes it hclc; none leaves it.
mkdir -p "$tmp/project/sub" "$tmp/other"
touch "$tmp/project/.hclc"
cp tests/editors/sample.hcl "$tmp/project/sub/a.hcl"
cp tests/editors/sample.hcl "$tmp/other/a.hcl"
for case in "project/sub/a.hcl hclc" "other/a.hcl other"; do
    set -- $case
    vim -Es -u NONE -N --cmd "set rtp^=$ROOT/grammar/editors/vim" -c 'filetype on' \
        -c "edit $tmp/$1" -c "call writefile([&filetype], '$tmp/ft')" -c 'qall!' \
        </dev/null >/dev/null 2>&1
    got=$(cat "$tmp/ft" 2>/dev/null)
    if { [ "$2" = hclc ] && [ "$got" = hclc ]; } || { [ "$2" = other ] && [ "$got" != hclc ]; }; then
        echo "ok vim ftdetect $1" >>"$tmp/results"
    else
        printf 'not ok vim ftdetect %s\n    filetype "%s"\n' "$1" "$got" >>"$tmp/results"
    fi
done

cat "$tmp/results"
passed=$(grep -c '^ok ' "$tmp/results")
failed=$(grep -c '^not ok ' "$tmp/results")
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
