#!/usr/bin/env bash
# tests/checks/lang.sh - the language's one-file golden tests: runs
# tests/lang.test through its runner ($UNIT_DIR/lang_test, built by
# `make unit-bins` from tests/lang/lang_test.c), one "ok"/"not ok" line per
# case. With BLESS set, the runner rewrites the expected lines first.
set -u

ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
UNIT_DIR=${UNIT_DIR:-$ROOT/build/tests}
RUNNER=$UNIT_DIR/lang_test

if [ ! -x "$RUNNER" ]; then
    echo "not ok lang (no runner at $RUNNER: run make unit-bins)"
    exit 1
fi
if [ -n "${BLESS:-}" ]; then
    exec "$RUNNER" --bless "$ROOT/tests/lang.test"
fi
exec "$RUNNER" "$ROOT/tests/lang.test"
