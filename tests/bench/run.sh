#!/usr/bin/env bash
# shellcheck disable=SC2059,SC2154  # row formats in variables; measure() sets NAME_* by printf -v
# tests/bench/run.sh - hclc against the cJSON floor and Jsonnet (`make bench`).
#
#   HCLC=./hclc FLOOR=build/bench/cjson_floor MEASURE=build/bench/measure \
#     BENCH_DIR=build/bench tests/bench/run.sh
#
# For each size N in BENCH_SIZES (task definitions), gen.sh writes
# BENCH_DIR/nN/main.hcl and main.jsonnet, then three programs are measured
# (wall time, median of repeated runs for the small sizes; peak RSS):
#
#   hclc      hclc build nN -w $BENCH_WS > hclc.json
#   floor     cjson_floor hclc.json > floor.json: cJSON parsing and printing
#             hclc's own output, the floor for any tool that prints JSON
#   jsonnet   jsonnet --ext-str ws=$BENCH_WS main.jsonnet > jsonnet.json
#             (skipped as n/a when not installed; killed after
#             JSONNET_TIMEOUT seconds, and larger sizes are then skipped)
#
# jsonnet.json must be the same JSON as hclc.json (cjson_floor --compare:
# member order aside, as Jsonnet sorts keys): a difference fails the run.
#
# Environment: BENCH_SIZES ("10 100 1000 5000 20000"), BENCH_WS (prod),
# JSONNET_TIMEOUT (120), BENCH_BUDGET (seconds of repeated runs per program
# and size, 2), BENCH_RUNS (most runs per program and size, 31),
# BENCH_KEEP=1 keeps the generated sources and outputs.
set -u

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HCLC=${HCLC:-$ROOT/hclc}
BENCH_DIR=${BENCH_DIR:-$ROOT/build/bench}
FLOOR=${FLOOR:-$BENCH_DIR/cjson_floor}
MEASURE=${MEASURE:-$BENCH_DIR/measure}
BENCH_SIZES=${BENCH_SIZES:-10 100 1000 5000 20000}
BENCH_WS=${BENCH_WS:-prod}
JSONNET_TIMEOUT=${JSONNET_TIMEOUT:-120}
BENCH_BUDGET=${BENCH_BUDGET:-2}
BENCH_RUNS=${BENCH_RUNS:-31}
BENCH_KEEP=${BENCH_KEEP:-}

for tool in "$HCLC" "$FLOOR" "$MEASURE"; do
  [ -x "$tool" ] || { echo "bench: $tool is missing (run: make bench)" >&2; exit 2; }
done

# --- Jsonnet ----------------------------------------------------------------
JSONNET=$(command -v jsonnet || true)
if [ -z "$JSONNET" ]; then
  if [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ] && command -v apt-get >/dev/null; then
    echo "bench: installing jsonnet with apt-get"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jsonnet; } >/dev/null 2>&1
    JSONNET=$(command -v jsonnet || true)
    [ -n "$JSONNET" ] || echo "bench: apt-get could not install jsonnet; going on without it"
  else
    echo "bench: jsonnet is not installed; its columns show n/a (run: sudo apt-get install -y jsonnet)"
  fi
fi

mkdir -p "$BENCH_DIR"
echo "bench: $(uname -m), $(nproc) CPU(s), $("$HCLC" --version 2>/dev/null | head -1), cJSON $(pkg-config --modversion libcjson 2>/dev/null || echo '?')${JSONNET:+, $("$JSONNET" --version 2>/dev/null | head -1)}"
echo "bench: workspace $BENCH_WS; time = wall seconds (median of up to $BENCH_RUNS runs within ${BENCH_BUDGET}s), RSS = peak resident MB (2^20), source MB = 10^6 bytes"
echo

# measure NAME ARGS... : runs $MEASURE, sets NAME_status, NAME_s, NAME_rss.
measure() {
  local name=$1
  shift
  local line
  line=$("$MEASURE" -r "$BENCH_RUNS" -b "$BENCH_BUDGET" "$@")
  read -r status secs rss _ <<<"$line"
  printf -v "${name}_status" '%s' "$status"
  printf -v "${name}_s" '%s' "$secs"
  printf -v "${name}_rss" '%s' "$rss"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b + 0 == 0) print "-"; else printf "%.2f", a / b }'; }

hdr='%7s %8s | %8s %7s %8s | %8s %8s | %8s %8s | %8s %8s %8s | %s\n'
row='%7s %8.2f | %8.4f %7.1f %8.1f | %8.4f %8.1f | %8s %8s | %8s %8s %8s | %s\n'
printf "$hdr" "" "source" "hclc" "hclc" "hclc" "floor" "floor" "jsonnet" "jsonnet" "hclc/" "hclc/" "jsonnet/" ""
printf "$hdr" "N" "MB" "s" "MB/s" "RSS MB" "s" "RSS MB" "s" "RSS MB" "floor t" "floor RSS" "hclc t" "notes"
printf "$hdr" "" "" "" "" "" "" "" "" "" "(<=2)" "(<=3)" "(>=10)" "aims on the largest size"
printf '%s\n' "$(printf '%.0s-' {1..128})"

failed=0
jsonnet_skip=""
first_n="" last_n=""
for n in $BENCH_SIZES; do
  d=$BENCH_DIR/n$n
  if [ ! -f "$d/main.hcl" ] || [ ! -f "$d/main.jsonnet" ] || [ "$ROOT/tests/bench/gen.sh" -nt "$d/main.hcl" ]; then
    rm -rf "$d"
    bash "$ROOT/tests/bench/gen.sh" "$n" "$d" || { echo "bench: gen.sh $n failed" >&2; exit 1; }
  fi
  src_bytes=$(wc -c <"$d/main.hcl")
  src_mb=$(awk -v b="$src_bytes" 'BEGIN { printf "%.2f", b / 1e6 }')
  notes=""

  measure hclc -o "$d/hclc.json" -e "$d/hclc.err" -- "$HCLC" build "$d" -w "$BENCH_WS"
  if [ "$hclc_status" != ok ]; then
    echo "bench: hclc failed on N=$n ($hclc_status):" >&2
    head -20 "$d/hclc.err" >&2
    failed=1
    continue
  fi
  measure floor -o "$d/floor.json" -e "$d/floor.err" -- "$FLOOR" "$d/hclc.json"
  if [ "$floor_status" != ok ]; then
    echo "bench: cjson_floor failed on N=$n ($floor_status):" >&2
    head -5 "$d/floor.err" >&2
    failed=1
    continue
  fi
  cmp -s "$d/hclc.json" "$d/floor.json" && notes="hclc output = cJSON_Print's"

  js_s=n/a js_rss=n/a
  if [ -z "$JSONNET" ]; then
    :
  elif [ -n "$jsonnet_skip" ]; then
    js_s=skip js_rss=skip
  else
    measure js -t "$JSONNET_TIMEOUT" -o "$d/jsonnet.json" -e "$d/jsonnet.err" -- \
      "$JSONNET" --ext-str "ws=$BENCH_WS" "$d/main.jsonnet"
    if [ "$js_status" = ok ]; then
      js_s=$(printf '%.3f' "$js_s") js_rss=$(printf '%.1f' "$js_rss")
      if cmp_out=$("$FLOOR" --compare "$d/hclc.json" "$d/jsonnet.json" 2>&1); then
        notes="${notes:+$notes; }jsonnet: same JSON"
      else
        notes="${notes:+$notes; }JSONNET OUTPUT DIFFERS: $cmp_out"
        failed=1
      fi
    elif [ "$js_status" = timeout ]; then
      js_s=">$JSONNET_TIMEOUT" js_rss=-
      jsonnet_skip=$n
      notes="${notes:+$notes; }jsonnet killed after ${JSONNET_TIMEOUT}s"
    else
      js_s=$js_status js_rss=-
      notes="${notes:+$notes; }jsonnet failed: $(head -1 "$d/jsonnet.err")"
    fi
  fi

  mbps=$(awk -v mb="$src_mb" -v s="$hclc_s" 'BEGIN { printf "%.1f", (s > 0 ? mb / s : 0) }')
  r_t=$(ratio "$hclc_s" "$floor_s")
  r_rss=$(ratio "$hclc_rss" "$floor_rss")
  case $js_s in
    [0-9]*) r_js=$(ratio "$js_s" "$hclc_s") ;;
    ">"*) r_js=">$(ratio "$JSONNET_TIMEOUT" "$hclc_s")" ;; # a lower bound
    *) r_js=- ;;
  esac
  printf "$row" "$n" "$src_mb" "$hclc_s" "$mbps" "$hclc_rss" "$floor_s" "$floor_rss" \
    "$js_s" "$js_rss" "$r_t" "$r_rss" "$r_js" "$notes"

  [ -n "$first_n" ] || { first_n=$n; first_rt=$r_t; }
  last_n=$n last_rt=$r_t last_rrss=$r_rss last_rjs=$r_js
  [ -n "$BENCH_KEEP" ] || rm -f "$d/floor.json" "$d/jsonnet.json"
done

verdict() { # VALUE OP LIMIT
  awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN {
    if (v == "-") { print "n/a"; exit }
    if (v ~ /^>/) { # a lower bound (Jsonnet was killed): decides only ">="
      v = substr(v, 2) + 0
      print (op == ">=" && v >= l) ? "met (lower bound: jsonnet killed)" : "n/a (jsonnet killed)"; exit }
    v += 0
    ok = (op == "<=") ? v <= l : (op == "<") ? v < l : v >= l
    print ok ? "met" : "NOT met" }'
}
if [ -n "$last_n" ]; then
  echo
  echo "aims (ratios measured in this run):"
  printf "  largest  N=%-6s hclc/floor time  %6s  (aim <= 2)   %s\n" "$last_n" "$last_rt" "$(verdict "$last_rt" '<=' 2)"
  printf "  largest  N=%-6s hclc/floor RSS   %6s  (aim <= 3)   %s\n" "$last_n" "$last_rrss" "$(verdict "$last_rrss" '<=' 3)"
  printf "  largest  N=%-6s jsonnet/hclc     %6s  (aim >= 10)  %s\n" "$last_n" "$last_rjs" "$(verdict "$last_rjs" '>=' 10)"
  printf "  smallest N=%-6s hclc/floor time  %6s  (aim < 2.5)  %s\n" "$first_n" "$first_rt" "$(verdict "$first_rt" '<' 2.5)"
fi
exit $failed
