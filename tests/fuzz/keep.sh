#!/usr/bin/env bash
# tests/fuzz/keep.sh TARGET - after `make fuzz`, copies the inputs libFuzzer
# saved for TARGET (build/fuzz/TARGET-crash-*, -leak-*, -timeout-*, -oom-*)
# into tests/fuzz/regress/TARGET/, where make check replays them
# (tests/checks/fuzz-regress.sh) once they are committed with their fix.
set -euo pipefail
target=${1:?usage: tests/fuzz/keep.sh TARGET}
root=$(cd "$(dirname "$0")/../.." && pwd)
dest=$root/tests/fuzz/regress/$target
n=0
for f in "$root"/build/fuzz/"$target"-{crash,leak,timeout,oom}-*; do
    [ -f "$f" ] || continue
    mkdir -p "$dest"
    name=$(basename "$f")
    [ -e "$dest/$name" ] || n=$((n + 1))
    cp "$f" "$dest/$name"
done
if [ "$n" -gt 0 ]; then
    echo "fuzz: kept $n new input(s) of $target in tests/fuzz/regress/$target/: commit them with the fix"
fi
