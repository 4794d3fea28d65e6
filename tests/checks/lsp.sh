#!/usr/bin/env bash
# tests/checks/lsp.sh - `hclc lsp` driven by the scripted client
# (tests/lsp/client.sh): every directory tests/lsp/cases/NAME holds `input`
# (the messages) and `expected` (every message the server wrote, then its
# exit status). Each case runs on a fresh copy of tests/lsp/project, with
# the case's own *.hcl files copied over it. BLESS=1 rewrites `expected`.
set -u
cd "$ROOT" || exit 1
HCLC=${HCLC:-$ROOT/hclc}
export HCLC
WORK=$(mktemp -d "${TMPDIR:-/tmp}/hclc-lsp.XXXXXX") || exit 1
trap 'rm -rf "$WORK"' EXIT

for case in tests/lsp/cases/*/; do
    name=lsp-$(basename "$case")
    dir=$WORK/$(basename "$case")
    mkdir -p "$dir"
    cp tests/lsp/project/*.hcl "$dir/"
    for f in "$case"*.hcl; do
        [ -e "$f" ] && cp "$f" "$dir/"
    done
    actual=$(bash tests/lsp/client.sh "$case/input" "$dir" 2>&1)
    if [ -n "${BLESS:-}" ]; then
        printf '%s\n' "$actual" >"$case/expected"
    fi
    if [ "$actual" = "$(cat "$case/expected" 2>/dev/null)" ]; then
        printf 'ok %s\n' "$name"
    else
        printf 'not ok %s\n' "$name"
        diff <(cat "$case/expected" 2>/dev/null) <(printf '%s\n' "$actual") | head -n 30 |
            sed 's/^/    /'
    fi
done
