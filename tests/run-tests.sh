#!/usr/bin/env bash
# tests/run-tests.sh - runs the unit tests, the golden cases and the samples.
#
#   HCLC=/abs/path/hclc UNIT_DIR=/abs/build/tests tests/run-tests.sh [FILTER]
#
# 1. Every executable $UNIT_DIR/test_* runs with TAP output; each "ok" or
#    "not ok" line counts as one test (a binary that fails without a "not ok"
#    line counts as one failure).
# 2. Every directory under tests/cases holding an `args` file is a golden
#    case: it is copied to a scratch directory, its executable `setup` (if
#    any) runs there, then `hclc $(cat args)` runs there with a clean
#    environment (LC_ALL=C NO_COLOR=1 PATH HOME, plus KEY=VALUE lines of an
#    optional `env` file) and stdin from the optional `stdin` file. Its
#    stdout, stderr and exit status must equal the files `stdout`, `stderr`
#    and `exit` byte for byte (a missing file means empty, or 0); the output
#    of an optional executable `after` (run in the scratch directory after
#    hclc, with HCLC naming the binary) is appended to the stdout compared;
#    an optional `filter.sed` (sed -E) is applied to stdout and stderr
#    before they are compared or blessed.
#    BLESS=1
#    writes the actual results into the case instead.
# 3. Every directory under samples/ must validate with no output, in each
#    workspace it declares.
# 4. Every executable tests/checks/*.sh runs from the checkout's root with
#    HCLC, ROOT, UNIT_DIR and BLESS in its environment; it prints one line
#    "ok NAME" or "not ok NAME" per check (details of a failure indented
#    below it), each counted like a unit test. A script that exits non-zero
#    without a "not ok" line counts as one failure.
#
# FILTER (a substring of the case path) runs only the matching cases and
# samples, and no unit tests. The last line is "N passed, N failed".
set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
HCLC=${HCLC:-$ROOT/hclc}
UNIT_DIR=${UNIT_DIR:-$ROOT/build/tests}
BLESS=${BLESS:-}
FILTER=${1:-}
CASE_TIMEOUT=20
DIFF_LINES=40

passed=0
failed=0
# The whole environment of hclc in a case; make sanitize's options pass too.
# HCLC_TEMPLATE_PATH: the templates of this checkout, not an installed copy.
BASE_ENV=("LC_ALL=C" "NO_COLOR=1" "PATH=$PATH" "HOME=${HOME:-/}" "HCLC_TEMPLATE_PATH=$ROOT/templates")
for var in ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS; do
    [ -n "${!var:-}" ] && BASE_ENV+=("$var=${!var}")
done
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/hclc-tests.XXXXXX") || exit 1
trap 'rm -rf "$SCRATCH"' EXIT

fail() {
    failed=$((failed + 1))
    printf 'FAIL %s\n' "$1"
}

# --- unit tests ------------------------------------------------------------

run_unit() {
    local bin=$1 name out status nok nnot
    name=$(basename "$bin")
    out=$(CMOCKA_MESSAGE_OUTPUT=TAP timeout "$CASE_TIMEOUT" "$bin" 2>&1)
    status=$?
    nok=$(printf '%s\n' "$out" | grep -c '^ok ')
    nnot=$(printf '%s\n' "$out" | grep -c '^not ok ')
    passed=$((passed + nok))
    failed=$((failed + nnot))
    if [ "$status" -ne 0 ] && [ "$nnot" -eq 0 ]; then
        failed=$((failed + 1))
    fi
    if [ "$status" -ne 0 ] || [ "$nnot" -ne 0 ]; then
        printf 'FAIL unit/%s (exit status %d)\n' "$name" "$status"
        printf '%s\n' "$out" | sed 's/^/    /'
    fi
}

run_units() {
    local bin
    [ -d "$UNIT_DIR" ] || return 0
    for bin in "$UNIT_DIR"/test_*; do
        [ -f "$bin" ] && [ -x "$bin" ] || continue
        case $bin in *.d | *.o) continue ;; esac
        run_unit "$bin"
    done
}

# --- golden cases ----------------------------------------------------------

# Prints a unified diff of expected file $1 against actual file $2, cut short.
show_diff() {
    local expected=$1 actual=$2 label=$3
    [ -f "$expected" ] || expected=/dev/null
    diff -u --label "expected $label" --label "actual $label" "$expected" "$actual" |
        head -n "$DIFF_LINES" | sed 's/^/    /'
}

# Runs hclc for one case inside $work, leaving out/err/status in $SCRATCH.
run_hclc() {
    local work=$1 case_dir=$2 input=/dev/null
    local -a envs=("${BASE_ENV[@]}")
    if [ -f "$case_dir/env" ]; then
        while IFS= read -r line || [ -n "$line" ]; do
            [ -n "$line" ] && envs+=("$line")
        done <"$case_dir/env"
    fi
    [ -f "$case_dir/stdin" ] && input=$case_dir/stdin
    (
        cd "$work" || exit 125
        eval "set -- $(cat "$case_dir/args")"
        exec env -i "${envs[@]}" timeout "$CASE_TIMEOUT" "$HCLC" "$@"
    ) <"$input" >"$SCRATCH/out" 2>"$SCRATCH/err"
    echo $? >"$SCRATCH/status"
}

run_case() {
    local case_dir=$1 name=$2 work expected_status actual_status ok=1
    work=$(mktemp -d "$SCRATCH/case.XXXXXX")
    cp -R "$case_dir/." "$work/"
    rm -f "$work/stdout" "$work/stderr" "$work/exit"
    if [ -x "$case_dir/setup" ] && ! (cd "$work" && HCLC_ROOT="$ROOT" ./setup) >"$SCRATCH/setup.log" 2>&1; then
        fail "$name (setup failed)"
        sed 's/^/    /' "$SCRATCH/setup.log"
        rm -rf "$work"
        return
    fi
    run_hclc "$work" "$case_dir"
    # An executable `after` inspects what hclc left (files it wrote); its
    # output is appended to hclc's stdout.
    if [ -x "$case_dir/after" ]; then
        (cd "$work" && env -i "${BASE_ENV[@]}" HCLC="$HCLC" ./after) >>"$SCRATCH/out" 2>&1
    fi
    rm -rf "$work"
    # An optional filter.sed (sed -E) normalises what may differ from one
    # machine to another (where a budget runs out) in stdout and stderr.
    if [ -f "$case_dir/filter.sed" ]; then
        sed -E -f "$case_dir/filter.sed" "$SCRATCH/out" >"$SCRATCH/out.f" && mv "$SCRATCH/out.f" "$SCRATCH/out"
        sed -E -f "$case_dir/filter.sed" "$SCRATCH/err" >"$SCRATCH/err.f" && mv "$SCRATCH/err.f" "$SCRATCH/err"
    fi
    actual_status=$(cat "$SCRATCH/status")
    if [ -n "$BLESS" ]; then
        cp "$SCRATCH/out" "$case_dir/stdout"
        cp "$SCRATCH/err" "$case_dir/stderr"
        cp "$SCRATCH/status" "$case_dir/exit"
        passed=$((passed + 1))
        return
    fi
    expected_status=0
    [ -f "$case_dir/exit" ] && expected_status=$(tr -d ' \n' <"$case_dir/exit")
    cmp -s "$SCRATCH/out" "${case_dir}/stdout" 2>/dev/null ||
        { [ ! -f "$case_dir/stdout" ] && [ ! -s "$SCRATCH/out" ]; } || ok=0
    cmp -s "$SCRATCH/err" "${case_dir}/stderr" 2>/dev/null ||
        { [ ! -f "$case_dir/stderr" ] && [ ! -s "$SCRATCH/err" ]; } || ok=0
    [ "$actual_status" = "$expected_status" ] || ok=0
    if [ "$ok" = 1 ]; then
        passed=$((passed + 1))
        return
    fi
    if [ "$actual_status" = 124 ]; then
        fail "$name (timed out after ${CASE_TIMEOUT}s)"
    else
        fail "$name"
    fi
    [ "$actual_status" = "$expected_status" ] ||
        printf '    exit status: expected %s, got %s\n' "$expected_status" "$actual_status"
    show_diff "$case_dir/stdout" "$SCRATCH/out" stdout
    show_diff "$case_dir/stderr" "$SCRATCH/err" stderr
}

run_cases() {
    local args_file case_dir name
    while IFS= read -r args_file; do
        case_dir=$(dirname "$args_file")
        name=${case_dir#"$ROOT/tests/cases/"}
        case $name in *"$FILTER"*) ;; *) continue ;; esac
        run_case "$case_dir" "$name"
    done < <(find "$ROOT/tests/cases" -type f -name args | LC_ALL=C sort)
}

# --- samples ---------------------------------------------------------------

run_samples() {
    local dir name out status ws workspaces
    for dir in "$ROOT"/samples/*/; do
        [ -d "$dir" ] || continue
        name=samples/$(basename "$dir")
        case $name in *"$FILTER"*) ;; *) continue ;; esac
        # Every declared workspace must validate (the default one when none is).
        workspaces=$(cd "$dir" && env -i "${BASE_ENV[@]}" "$HCLC" workspaces . 2>&1) || {
            fail "$name (hclc workspaces failed)"
            printf '%s\n' "$workspaces" | head -n "$DIFF_LINES" | sed 's/^/    /'
            continue
        }
        for ws in ${workspaces:-default}; do
            out=$(cd "$dir" && env -i "${BASE_ENV[@]}" timeout "$CASE_TIMEOUT" "$HCLC" validate . \
                -w "$ws" </dev/null 2>&1)
            status=$?
            if [ "$status" -eq 0 ] && [ -z "$out" ]; then
                passed=$((passed + 1))
            else
                fail "$name -w $ws (hclc validate: exit status $status)"
                printf '%s\n' "$out" | head -n "$DIFF_LINES" | sed 's/^/    /'
            fi
        done
    done
}

# --- checks ----------------------------------------------------------------

run_checks() {
    local script name out status nok nnot
    for script in "$ROOT"/tests/checks/*.sh; do
        [ -f "$script" ] && [ -x "$script" ] || continue
        name=checks/$(basename "$script" .sh)
        case $name in *"$FILTER"*) ;; *) continue ;; esac
        out=$(cd "$ROOT" && HCLC="$HCLC" ROOT="$ROOT" UNIT_DIR="$UNIT_DIR" BLESS="$BLESS" \
            "$script" </dev/null 2>&1)
        status=$?
        nok=$(printf '%s\n' "$out" | grep -c '^ok ')
        nnot=$(printf '%s\n' "$out" | grep -c '^not ok ')
        passed=$((passed + nok))
        failed=$((failed + nnot))
        if [ "$status" -ne 0 ] && [ "$nnot" -eq 0 ]; then
            failed=$((failed + 1))
        fi
        if [ "$status" -ne 0 ] || [ "$nnot" -ne 0 ]; then
            printf 'FAIL %s (exit status %d)\n' "$name" "$status"
            printf '%s\n' "$out" | grep -v '^ok ' | head -n "$DIFF_LINES" | sed 's/^/    /'
        fi
    done
}

if [ ! -x "$HCLC" ]; then
    printf 'run-tests: no hclc executable at %s\n' "$HCLC" >&2
    fail hclc
else
    [ -n "$FILTER" ] || run_units
    run_cases
    run_samples
    run_checks
fi

printf '%d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
