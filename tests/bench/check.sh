#!/usr/bin/env bash
# tests/bench/check.sh - `make bench-check`: no path gets slower unnoticed.
#
# Runs every path of tests/bench/lib.sh at one fast size under callgrind,
# hclc and its floor, checks hclc's output, and compares each path's
# instruction ratio hclc/floor with tests/bench/baseline.txt: a ratio more
# than 10% above its baseline fails. Instruction counts barely move with
# the machine's load, unlike time. BENCH_UPDATE=1 rewrites the baseline
# from this run (commit it with the change that earned it).
#
# Environment: HCLC, BENCH_TOOLS, BENCH_DIR (as run.sh), BENCH_ONLY,
# BENCH_UPDATE.
set -u

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HCLC=${HCLC:-$ROOT/hclc}
BENCH_DIR=${BENCH_DIR:-$ROOT/build/bench}
BENCH_TOOLS=${BENCH_TOOLS:-$BENCH_DIR}
BASELINE=$ROOT/tests/bench/baseline.txt
# shellcheck source=tests/bench/lib.sh
. "$ROOT/tests/bench/lib.sh"
TOLERANCE=1.10

command -v valgrind >/dev/null || { echo "bench-check: valgrind is needed (apt-get install valgrind)" >&2; exit 2; }
mkdir -p "$BENCH_DIR"

# The fast size of each path.
size_of() {
  case $1 in
    json | task-definition | fmt) echo 100 ;;
    import | validate-files) echo 10 ;;
    cloudformation-yaml | validate) echo "$BENCH_CFN_MAX" ;;
    startup | lsp) echo 1 ;;
  esac
}

# BENCH_ONLY picks paths, as for make bench (a partial run cannot rewrite
# the baseline).
BENCH_PATHS=${BENCH_ONLY:-$BENCH_PATHS}
[ -z "${BENCH_ONLY:-}" ] || [ -z "${BENCH_UPDATE:-}" ] ||
  { echo "bench-check: BENCH_UPDATE rewrites the whole baseline; run it without BENCH_ONLY" >&2; exit 2; }

failed=0
new=""
printf '%-19s %5s %10s %10s %7s %9s  %s\n' path N "hclc Mi" "floor Mi" ratio baseline verdict
for path in $BENCH_PATHS; do
  n=$(size_of "$path")
  bench_prepare "$path" "$n" || { failed=1; continue; }
  hi=$(hclc_instructions "$path")
  fi=$(instructions "$FLOOR_OUT" "${FLOOR_CMD[@]}")
  r=$(ratio "$hi" "$fi")
  base=$(awk -v p="$path" '$1 == p { print $2 }' "$BASELINE" 2>/dev/null)
  if [ "$r" = - ]; then
    verdict="FAILED: a program failed under callgrind"
    failed=1
  elif ! why=$(bench_verify "$path" "$n"); then
    verdict="FAILED: wrong output: $why"
    failed=1
  elif [ -z "$base" ]; then
    verdict="no baseline"
  elif awk -v r="$r" -v b="$base" -v t="$TOLERANCE" 'BEGIN { exit !(r > b * t) }'; then
    verdict="FAILED: more than 10% above the baseline"
    failed=1
  else
    verdict=ok
  fi
  printf '%-19s %5s %10s %10s %7s %9s  %s\n' "$path" "$n" "$hi" "$fi" "$r" "${base:--}" "$verdict"
  new="$new$path $r
"
done

if [ -n "${BENCH_UPDATE:-}" ]; then
  {
    echo "# tests/bench/baseline.txt - instruction ratios hclc/floor per path at the"
    echo "# fast sizes of tests/bench/check.sh; make bench-check fails above 1.1x these."
    echo "# Rewritten by: make bench-check BENCH_UPDATE=1"
    printf '%s' "$new"
  } >"$BASELINE"
  echo "bench-check: wrote $BASELINE"
fi
exit $failed
