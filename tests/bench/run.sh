#!/usr/bin/env bash
# shellcheck disable=SC2059,SC2154  # row formats in variables; measure() sets NAME_* by printf -v
# tests/bench/run.sh - hclc against its floors on every path users run
# (`make bench`).
#
#   HCLC=./hclc BENCH_TOOLS=build/bench BENCH_DIR=build/bench tests/bench/run.sh
#
# For each path (tests/bench/lib.sh: json, task-definition,
# cloudformation-yaml, validate, validate-files, fmt, import, lsp, startup) and size N in
# BENCH_SIZES, hclc and
# the path's floor are measured in the same run: wall time (median of
# repeated runs), instructions (callgrind, for N <= BENCH_INSTR_MAX), peak
# RSS, and the ratios hclc/floor. hclc's output is checked at every size; a
# wrong output fails the run. For the json path, Jsonnet runs the same
# program when installed (its output must be the same JSON).
#
# Environment: BENCH_SIZES ("10 100 1000 5000 20000"), BENCH_PATHS (all),
# BENCH_WS (prod), BENCH_INSTR_MAX (1000), BENCH_BUDGET (seconds of
# repeated runs per program and size, 2), BENCH_RUNS (most runs, 31),
# JSONNET_TIMEOUT (120).
set -u

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HCLC=${HCLC:-$ROOT/hclc}
BENCH_DIR=${BENCH_DIR:-$ROOT/build/bench}
BENCH_TOOLS=${BENCH_TOOLS:-$BENCH_DIR}
# shellcheck source=tests/bench/lib.sh
. "$ROOT/tests/bench/lib.sh"
BENCH_SIZES=${BENCH_SIZES:-10 100 1000 5000 20000}
BENCH_PATHS=${BENCH_ONLY:-$BENCH_PATHS}
BENCH_INSTR_MAX=${BENCH_INSTR_MAX:-1000}
JSONNET_TIMEOUT=${JSONNET_TIMEOUT:-120}
BENCH_BUDGET=${BENCH_BUDGET:-2}
BENCH_RUNS=${BENCH_RUNS:-31}
MEASURE=$BENCH_TOOLS/measure

for tool in "$HCLC" "$BENCH_TOOLS/cjson_floor" "$BENCH_TOOLS/yaml_floor" "$BENCH_TOOLS/startup_floor" \
  "$BENCH_TOOLS/each" "$BENCH_TOOLS/lsp_bench" "$MEASURE"; do
  [ -x "$tool" ] || { echo "bench: $tool is missing (run: make bench)" >&2; exit 2; }
done
JSONNET=$(command -v jsonnet || true)

mkdir -p "$BENCH_DIR"
echo "bench: $(uname -m), $(nproc) CPU(s), $("$HCLC" --version 2>/dev/null | head -1), cJSON $(pkg-config --modversion libcjson 2>/dev/null || echo '?'), libyaml $(pkg-config --modversion yaml-0.1 2>/dev/null || echo '?')${JSONNET:+, $("$JSONNET" --version 2>/dev/null | head -1)}"
echo "bench: workspace $BENCH_WS; s = wall seconds (median of up to $BENCH_RUNS runs within ${BENCH_BUDGET}s), Mi = millions of instructions (callgrind, N <= $BENCH_INSTR_MAX), RSS = peak MB (2^20), src MB = 10^6 bytes"
echo

# measure NAME OUT ARGS... : runs $MEASURE, sets NAME_status, NAME_s, NAME_rss.
measure() {
  local name=$1 out=$2 line status secs rss
  shift 2
  line=$("$MEASURE" -r "$BENCH_RUNS" -b "$BENCH_BUDGET" -o "$out" -e "$BENCH_DIR/stderr" -- "$@")
  read -r status secs rss _ <<<"$line"
  printf -v "${name}_status" '%s' "$status"
  printf -v "${name}_s" '%s' "$secs"
  printf -v "${name}_rss" '%s' "$rss"
}

# Jsonnet on the json path's program (notes only): sets js_note.
jsonnet_note() {
  local d=$BENCH_DIR/json/n$1 line status secs
  js_note=""
  [ -n "$JSONNET" ] || return 0
  line=$("$MEASURE" -t "$JSONNET_TIMEOUT" -o "$d/jsonnet.json" -e /dev/null -- \
    "$JSONNET" --ext-str "ws=$BENCH_WS" "$d/main.jsonnet")
  read -r status secs _ <<<"$line"
  if [ "$status" != ok ]; then
    js_note="jsonnet: $status"
  elif "$BENCH_TOOLS/cjson_floor" --compare "$d/hclc.json" "$d/jsonnet.json" >/dev/null; then
    js_note="jsonnet $(printf '%.3f' "$secs") s ($(ratio "$secs" "$hclc_s")x hclc), same JSON"
  else
    js_note="JSONNET OUTPUT DIFFERS"
    failed=1
  fi
}

# The N column: none for the paths of one size.
shown_size() { case $1 in startup | lsp) echo - ;; *) echo "$2" ;; esac; }

hdr='%-19s %6s %7s | %8s %8s %6s | %8s %8s %6s | %7s %7s %6s | %s\n'
row='%-19s %6s %7.2f | %8.4f %8.4f %6s | %8s %8s %6s | %7.1f %7.1f %6s | %s\n'
printf "$hdr" "path" "N" "src MB" "hclc s" "floor s" "ratio" "hclc Mi" "floor Mi" "ratio" "hclc" "floor" "ratio" "notes"
printf "$hdr" "" "" "" "" "" "(1.5)" "" "" "(1.5)" "RSS MB" "RSS MB" "(2)" ""
printf '%s\n' "$(printf '%.0s-' {1..128})"

failed=0
summary=""
for path in $BENCH_PATHS; do
  first="" last="" last_i=""
  # shellcheck disable=SC2086
  for n in $(bench_sizes "$path" $BENCH_SIZES); do
    bench_prepare "$path" "$n" || { failed=1; continue; }
    if [ "$path" = lsp ]; then
      lsp_measure
    else
      measure hclc "$HCLC_OUT" "${HCLC_CMD[@]}"
    fi
    if [ "$hclc_status" != ok ]; then
      echo "bench: hclc failed on $path N=$n ($hclc_status):" >&2
      head -20 "$BENCH_DIR/stderr" >&2
      failed=1
      continue
    fi
    measure floor "$FLOOR_OUT" "${FLOOR_CMD[@]}"
    if [ "$floor_status" != ok ]; then
      echo "bench: the floor failed on $path N=$n ($floor_status):" >&2
      head -5 "$BENCH_DIR/stderr" >&2
      failed=1
      continue
    fi
    if why=$(bench_verify "$path" "$n"); then
      notes="output checked"
    else
      notes="WRONG OUTPUT: $why"
      failed=1
    fi
    hi=- fi=-
    if instructions_measured "$path" "$n"; then
      hi=$(hclc_instructions "$path")
      fi=$(instructions "$FLOOR_OUT" "${FLOOR_CMD[@]}")
    fi
    if [ "$path" = json ]; then
      jsonnet_note "$n"
      notes="$notes${js_note:+; $js_note}"
    fi
    src_mb=$(awk -v b="$SRC_BYTES" 'BEGIN { printf "%.2f", b / 1e6 }')
    r_t=$(ratio "$hclc_s" "$floor_s") r_i=$(ratio "$hi" "$fi") r_m=$(ratio "$hclc_rss" "$floor_rss")
    printf "$row" "$path" "$(shown_size "$path" "$n")" "$src_mb" "$hclc_s" "$floor_s" "$r_t" \
      "$hi" "$fi" "$r_i" "$hclc_rss" "$floor_rss" "$r_m" "$notes"
    [ "$n" -ge 1000 ] && [ -z "$first" ] && first="$n $hclc_s $hi"
    [ "$r_i" != - ] && last_i="$n $r_i"
    last="$n $hclc_s $hi $r_t $r_i $r_m"
  done
  [ -n "$last" ] && summary="$summary$path $last|${first:--}|${last_i:--}
"
done

# The aims (issue 16) on each path's largest size (instructions: the largest
# size callgrind counted), and the growth exponent log(t2/t1)/log(n2/n1)
# between the first size >= 1000 and the largest, when they are at least
# twice apart (closer sizes give noise, not a slope).
verdict() { awk -v v="$1" -v l="$2" 'BEGIN { if (v == "-") print "n/a"; else print (v + 0 <= l ? "met" : "NOT met") }'; }
echo
echo "aims on each path's largest size (time and instructions <= 1.5x the floor, RSS <= 2x; start-up time <= 2x):"
while IFS='|' read -r l f li; do
  [ -n "$l" ] || continue
  read -r path n t _ r_t r_i r_m <<<"$l"
  lim_t=1.5
  [ "$path" = startup ] && lim_t=2
  growth="" at_i=""
  if [ "$f" != - ]; then
    read -r n1 t1 _ <<<"$f"
    [ "$n" -ge $((2 * n1)) ] && growth=$(awk -v a="$n1" -v b="$n" -v x="$t1" -v y="$t" \
      'BEGIN { printf "; time grows as N^%.2f from N=%d to %d", log(y / x) / log(b / a), a, b }')
  fi
  if [ "$r_i" = - ] && [ "$li" != - ]; then
    read -r n_i r_i <<<"$li"
    at_i=" (N=$n_i)"
  fi
  printf "  %-19s N=%-6s time %5s %-7s instructions %5s %-7s RSS %5s %-7s%s\n" "$path" \
    "$(shown_size "$path" "$n")" "$r_t" "$(verdict "$r_t" "$lim_t")" \
    "$r_i" "$(verdict "$r_i" 1.5)$at_i" "$r_m" "$(verdict "$r_m" 2)" "$growth"
done <<<"$summary"
exit $failed
