#!/usr/bin/env bash
# tests/checks/tidy.sh - fuzz regressions: replays every input kept in
# tests/fuzz/regress/TARGET/ (crashes, leaks and hangs fuzzing found, see
# tests/fuzz/keep.sh) through TARGET built without libFuzzer
# ($UNIT_DIR/replay_TARGET, tests/fuzz/replay.c): one "ok" line per input
# that runs to its end within 60 seconds without a sanitizer report.
set -u
found=0
for dir in "$ROOT"/tests/fuzz/regress/*/; do
    target=$(basename "$dir")
    bin=$UNIT_DIR/replay_$target
    for input in "$dir"*; do
        [ -f "$input" ] || continue
        found=1
        name="fuzz-regress $target/$(basename "$input")"
        if [ ! -x "$bin" ]; then
            echo "not ok $name"
            echo "    no $bin (make unit-bins builds it)"
            continue
        fi
        if out=$(timeout 60 "$bin" "$input" 2>&1); then
            echo "ok $name"
        else
            echo "not ok $name"
            printf '%s\n' "$out" | tail -15 | sed 's/^/    /'
        fi
    done
done
[ "$found" = 1 ] || echo "not ok fuzz-regress: no input under tests/fuzz/regress"
