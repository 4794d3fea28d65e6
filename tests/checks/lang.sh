#!/usr/bin/env bash
# tests/checks/lang.sh - the language's one-file golden tests: runs
# tests/lang.test through its runner ($UNIT_DIR/lang_test, built by
# `make unit-bins` from tests/lang/lang_test.c), one "ok"/"not ok" line per
# case. With BLESS set, the runner rewrites the expected lines first. Then
# proves that the runner catches a wrong case and that --bless repairs one.
set -u -o pipefail

ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
UNIT_DIR=${UNIT_DIR:-$ROOT/build/tests}
RUNNER=$UNIT_DIR/lang_test

if [ ! -x "$RUNNER" ]; then
    echo "not ok lang (no runner at $RUNNER: run make unit-bins)"
    exit 1
fi
status=0
if [ -n "${BLESS:-}" ]; then
    "$RUNNER" --bless "$ROOT/tests/lang.test" | grep -v '^1\.\.' || status=1
else
    "$RUNNER" "$ROOT/tests/lang.test" | grep -v '^1\.\.' || status=1
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/hclc-lang-check.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT
# Four wrong cases: a wrong value, a wrong diagnostic, an expected error
# that does not come, an unexpected error.
cat >"$TMP/wrong.test" <<'CASES'
upper("a")
"B"

%%FAIL
length(5)
8: error[E0251]: something else

%%FAIL
upper("a")
1: error[E0251]: no error comes

%%VARS {"n": 1}
length(var.n)
1
CASES
cp "$TMP/wrong.test" "$TMP/bless.test"
out=$("$RUNNER" "$TMP/wrong.test")
if [ $? -ne 0 ] && [ "$(printf '%s\n' "$out" | grep -c '^not ok ')" = 4 ]; then
    echo "ok lang runner reports each wrong case"
else
    echo "not ok lang runner reports each wrong case"
    printf '%s\n' "$out" | sed 's/^/    /'
fi
# --bless rewrites the first two (same kind of result); the others stay wrong.
"$RUNNER" --bless "$TMP/bless.test" >/dev/null
out=$("$RUNNER" "$TMP/bless.test")
if [ "$(printf '%s\n' "$out" | grep -c '^ok ')" = 2 ] &&
    grep -qx '"A"' "$TMP/bless.test" &&
    grep -qx '8: error\[E0251\]: argument 1 of length must be a list, map, object or string, got number' "$TMP/bless.test"; then
    echo "ok lang runner --bless rewrites expected lines"
else
    echo "not ok lang runner --bless rewrites expected lines"
    printf '%s\n' "$out" | sed 's/^/    /'
fi
exit $status
