#!/usr/bin/env bash
# tests/e2e/nvim-lsp.sh - hclc lsp in a real editor: Neovim (Debian's
# neovim, 0.7 or later) headless, with its built-in LSP client configured
# by nvim-lsp.lua, on a copy of tests/lsp/project. Prints "ok NAME" /
# "not ok NAME" lines (tests/e2e/run.sh counts them).
#
#   HCLC=/abs/hclc tests/e2e/nvim-lsp.sh
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HCLC=${HCLC:-$ROOT/hclc}
if ! command -v nvim >/dev/null 2>&1; then
    echo "not ok nvim-lsp: nvim is missing (apt-get install neovim)"
    exit 1
fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/hclc-nvim.XXXXXX") || exit 1
trap 'rm -rf "$WORK"' EXIT
mkdir "$WORK/project" && cp "$ROOT"/tests/lsp/project/*.hcl "$WORK/project/"
HOME=$WORK XDG_CONFIG_HOME=$WORK XDG_DATA_HOME=$WORK XDG_STATE_HOME=$WORK \
    HCLC=$HCLC PROJECT=$WORK/project RESULTS=$WORK/results \
    timeout 60 nvim --headless -u NONE -i NONE -n +"luafile $ROOT/tests/e2e/nvim-lsp.lua" \
    >"$WORK/nvim.log" 2>&1
status=$?
if [ ! -s "$WORK/results" ]; then
    echo "not ok nvim-lsp: nvim wrote no results (exit $status)"
    sed 's/^/    /' "$WORK/nvim.log" | head -n 20
    exit 1
fi
sed 's/^\(ok\|not ok\) /\1 nvim-lsp: /' "$WORK/results"
! grep -q '^not ok' "$WORK/results"
