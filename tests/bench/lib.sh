# shellcheck shell=bash disable=SC2154,SC2034  # measure() sets NAME_* by printf -v; the arrays are read by run.sh and check.sh
# tests/bench/lib.sh - the paths of `make bench` and `make bench-check`:
# how each one's input is made, what hclc runs, what its floor runs, and how
# hclc's output is checked. Sourced by run.sh and check.sh.
#
# A path is one of: json, task-definition, cloudformation-yaml, validate,
# validate-files, fmt, import, lsp, startup. For path P and size N, bench_prepare P N makes the input under
# $BENCH_DIR, then these arrays are set:
#
#   HCLC_CMD  FLOOR_CMD   the two commands (argv)
#   HCLC_OUT  FLOOR_OUT   the files their stdout goes to
#   SRC_BYTES             the size of the source the path starts from
#
# and bench_verify P N checks hclc's output (prints why not, returns 1).
# The lsp path is no one-shot command: lsp_measure and lsp_instructions
# measure the server instead of HCLC_CMD. Needs HCLC, BENCH_TOOLS
# (cjson_floor, yaml_floor, startup_floor, measure, each, lsp_bench) and
# BENCH_DIR.

BENCH_WS=${BENCH_WS:-prod}
# CloudFormation takes a template body of at most 1 MB, about 50 of these
# task definitions: the template paths run at the sizes up to
# BENCH_CFN_MAX, and at BENCH_CFN_MAX in place of the larger ones.
BENCH_CFN_MAX=50
BENCH_PATHS="json task-definition cloudformation-yaml validate validate-files fmt import lsp startup"
# hclc fmt runs on files up to about 5 MB (gen.sh at N=1100).
BENCH_FMT_MAX=1100
# hclc import runs once per task definition (a process each), up to 1,000
# of them; callgrind, which starts once per process, counts up to 100.
BENCH_IMPORT_MAX=1000
BENCH_IMPORT_INSTR_MAX=100
# hclc validate runs once per task-definition file (a process each), up to
# 5,000 files (about 50 MB of JSON); callgrind counts up to 100 of them.
BENCH_VALIDATE_FILES_MAX=5000
# The language server: edits timed per row (lsp_bench), and the two edit
# counts whose difference in instructions gives one edit's.
BENCH_LSP_EDITS=${BENCH_LSP_EDITS:-2000}

# bench_sizes PATH SIZES...: the sizes PATH runs at.
bench_sizes() {
  local path=$1 n capped=""
  shift
  case $path in startup | lsp) echo 1; return ;; esac
  for n in "$@"; do
    case $path in
      import)
        if [ "$n" -lt "$BENCH_IMPORT_MAX" ]; then echo "$n"; else capped=$BENCH_IMPORT_MAX; fi ;;
      validate-files)
        if [ "$n" -lt "$BENCH_VALIDATE_FILES_MAX" ]; then echo "$n"; else capped=$BENCH_VALIDATE_FILES_MAX; fi ;;
      cloudformation-yaml | validate)
        if [ "$n" -lt "$BENCH_CFN_MAX" ]; then echo "$n"; else capped=$BENCH_CFN_MAX; fi ;;
      fmt)
        if [ "$n" -lt "$BENCH_FMT_MAX" ]; then echo "$n"; else capped=$BENCH_FMT_MAX; fi ;;
      *) echo "$n" ;;
    esac
  done
  [ -z "$capped" ] || echo "$capped"
}

# gen GENERATOR N DIR: (re)writes DIR/main.hcl when missing or older than
# the generator.
gen() {
  local g=$ROOT/tests/bench/$1
  if [ ! -f "$3/main.hcl" ] || [ "$g" -nt "$3/main.hcl" ]; then
    rm -rf "$3"
    bash "$g" "$2" "$3" >/dev/null || { echo "bench: $1 $2 failed" >&2; return 1; }
  fi
}

# unlimited N: "--max-memory 0" above N = 5,000, where the compilation needs
# more than the default 768 MiB (json N=20000: 93 MB of source); smaller
# sizes run with the default limit and its value budget, as users run.
unlimited() {
  [ "$1" -le 5000 ] || echo "--max-memory 0"
}

bench_prepare() {
  local path=$1 n=$2 d
  case $path in
    json)
      d=$BENCH_DIR/json/n$n
      gen gen.sh "$n" "$d" || return 1
      HCLC_CMD=("$HCLC" build "$d" -w "$BENCH_WS" $(unlimited "$n"))
      HCLC_OUT=$d/hclc.json
      FLOOR_CMD=("$BENCH_TOOLS/cjson_floor" "$d/hclc.json")
      FLOOR_OUT=$d/floor.json
      SRC_BYTES=$(wc -c <"$d/main.hcl") ;;
    task-definition)
      d=$BENCH_DIR/td/n$n
      gen gen_td.sh "$n" "$d" || return 1
      rm -rf "$d/out" "$d/floor" && mkdir -p "$d/floor"
      HCLC_CMD=("$HCLC" build "$d" -w "$BENCH_WS" --out-dir "$d/out" $(unlimited "$n"))
      HCLC_OUT=/dev/null
      FLOOR_CMD=("$BENCH_TOOLS/cjson_floor" --out-dir "$d/floor" "$d/out")
      FLOOR_OUT=/dev/null
      SRC_BYTES=$(wc -c <"$d/main.hcl") ;;
    cloudformation-yaml)
      d=$BENCH_DIR/td/n$n
      gen gen_td.sh "$n" "$d" || return 1
      HCLC_CMD=("$HCLC" build "$d" -w "$BENCH_WS" -t cloudformation-yaml)
      HCLC_OUT=$d/cfn.yaml
      FLOOR_CMD=("$BENCH_TOOLS/yaml_floor" "$d/cfn.yaml")
      FLOOR_OUT=$d/floor.yaml
      SRC_BYTES=$(wc -c <"$d/main.hcl") ;;
    validate)
      d=$BENCH_DIR/td/n$n
      gen gen_td.sh "$n" "$d" || return 1
      "$HCLC" build "$d" -w "$BENCH_WS" -t cloudformation -o "$d/cfn.json" ||
        { echo "bench: hclc could not write the template to validate" >&2; return 1; }
      HCLC_CMD=("$HCLC" validate "$d/cfn.json")
      HCLC_OUT=$d/validate.out
      FLOOR_CMD=("$BENCH_TOOLS/cjson_floor" --parse "$d/cfn.json")
      FLOOR_OUT=/dev/null
      SRC_BYTES=$(wc -c <"$d/cfn.json") ;;
    fmt)
      # The json path's source, copied afresh (fmt rewrites it; later runs
      # format it again and find nothing to change). The floor is the lexer
      # alone (debug tokens): the least a formatter must do with the file.
      gen gen.sh "$n" "$BENCH_DIR/json/n$n" || return 1
      d=$BENCH_DIR/fmt/n$n
      mkdir -p "$d" && cp "$BENCH_DIR/json/n$n/main.hcl" "$d/main.hcl"
      HCLC_CMD=("$HCLC" fmt "$d/main.hcl" --diff)
      HCLC_OUT=$d/fmt.diff
      FLOOR_CMD=("$HCLC" debug tokens "$d/main.hcl")
      FLOOR_OUT=/dev/null
      SRC_BYTES=$(wc -c <"$d/main.hcl") ;;
    import)
      # The task-definition path's output files, one hclc import each; the
      # floor: cJSON parsing and printing each file, one process each. The
      # output goes under import/: a .hcl file next to main.hcl would join
      # the project.
      d=$BENCH_DIR/td/n$n
      gen gen_td.sh "$n" "$d" || return 1
      td_files "$d" || return 1
      mkdir -p "$d/import"
      HCLC_CMD=("$BENCH_TOOLS/each" "$d/files/list" "$HCLC" import)
      HCLC_OUT=$d/import/hclc.out
      FLOOR_CMD=("$BENCH_TOOLS/each" "$d/files/list" "$BENCH_TOOLS/cjson_floor")
      FLOOR_OUT=$d/import/floor.json
      SRC_BYTES=$(cat "$d/files/in"/*.json | wc -c) ;;
    validate-files)
      # The task-definition path's output files, one hclc validate each, as
      # a CI job checks the task definitions it is given; the floor: cJSON
      # parsing each file, one process each.
      d=$BENCH_DIR/td/n$n
      gen gen_td.sh "$n" "$d" || return 1
      td_files "$d" || return 1
      HCLC_CMD=("$BENCH_TOOLS/each" "$d/files/list" "$HCLC" validate)
      HCLC_OUT=$d/files/validate.out
      FLOOR_CMD=("$BENCH_TOOLS/each" "$d/files/list" "$BENCH_TOOLS/cjson_floor" --parse)
      FLOOR_OUT=/dev/null
      SRC_BYTES=$(cat "$d/files/in"/*.json | wc -c) ;;
    lsp)
      # lsp_bench writes the project (about 1,000 lines, 17 task
      # definitions); the floor compiles it afresh as the server does on
      # each edit: hclc validate DIR -w dev (analyze.c names the steps).
      d=$BENCH_DIR/lsp
      mkdir -p "$d"
      LSP_BENCH_RAW=1 "$BENCH_TOOLS/lsp_bench" "$HCLC" "$d" 1 >/dev/null || return 1
      HCLC_CMD=()
      HCLC_OUT=/dev/null
      FLOOR_CMD=("$HCLC" validate "$d" -w dev)
      FLOOR_OUT=$d/validate.out
      SRC_BYTES=$(wc -c <"$d/main.hcl") ;;
    startup)
      d=$BENCH_DIR/startup
      mkdir -p "$d"
      echo 'output "x" { value = {} }' >"$d/main.hcl"
      HCLC_CMD=("$HCLC" build "$d")
      HCLC_OUT=$d/hclc.json
      FLOOR_CMD=("$BENCH_TOOLS/startup_floor")
      FLOOR_OUT=$d/floor.json
      SRC_BYTES=$(wc -c <"$d/main.hcl") ;;
    *) echo "bench: unknown path $path" >&2; return 1 ;;
  esac
}

# td_files DIR: DIR/files/in holds the task definitions of DIR/main.hcl, one
# file each (written once per source), and DIR/files/list their paths.
td_files() {
  local d=$1
  [ -f "$d/files/list" ] && [ ! "$d/main.hcl" -nt "$d/files/list" ] && return 0
  rm -rf "$d/files" && mkdir -p "$d/files"
  "$HCLC" build "$d" -w "$BENCH_WS" --out-dir "$d/files/in" ||
    { echo "bench: hclc could not write the task definitions of $d" >&2; return 1; }
  find "$d/files/in" -name '*.json' | sort >"$d/files/list"
}

# The number of containers gen_td.sh writes for N task definitions.
td_containers() {
  awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) s += 3 + i % 8; print s }'
}

# expect WHAT GOT WANT
expect() {
  [ "$2" = "$3" ] && return 0
  echo "$1: $2, expected $3"
  return 1
}

bench_verify() {
  local path=$1 n=$2 d
  case $path in
    json)
      d=$BENCH_DIR/json/n$n
      expect "task definitions in hclc.json" "$(grep -c '"family":' "$d/hclc.json")" "$n" &&
        { cmp -s "$d/hclc.json" "$d/floor.json" || echo "hclc.json is not as cJSON prints it"; } ;;
    task-definition)
      d=$BENCH_DIR/td/n$n
      expect "files in --out-dir" "$(find "$d/out" -name '*.json' | wc -l)" "$n" &&
        expect "containers" "$(find "$d/out" -name '*.json' -exec cat {} + | grep -c '"image":')" "$(td_containers "$n")" &&
        { diff -rq "$d/out" "$d/floor" >/dev/null || echo "the files are not as cJSON prints them"; } ;;
    cloudformation-yaml)
      d=$BENCH_DIR/td/n$n
      expect "task definitions" "$(grep -c '^    Type: AWS::ECS::TaskDefinition$' "$d/cfn.yaml")" "$n" &&
        expect "containers" "$(grep -c '^        Image: ' "$d/cfn.yaml")" "$(td_containers "$n")" ;;
    validate)
      d=$BENCH_DIR/td/n$n
      [ ! -s "$d/validate.out" ] || echo "hclc validate printed something" ;;
    validate-files)
      d=$BENCH_DIR/td/n$n
      expect "files validated" "$(wc -l <"$d/files/list")" "$n" &&
        { [ ! -s "$d/files/validate.out" ] || echo "hclc validate printed something"; } ;;
    fmt)
      d=$BENCH_DIR/fmt/n$n
      "$HCLC" fmt - <"$d/main.hcl" >"$d/fmt.out" 2>/dev/null || echo "hclc fmt - failed"
      "$HCLC" fmt - <"$d/fmt.out" | cmp -s - "$d/fmt.out" || echo "hclc fmt is not idempotent" ;;
    import)
      d=$BENCH_DIR/td/n$n
      expect "task definitions imported" "$(grep -c '^task_definition "' "$d/import/hclc.out")" "$n" &&
        expect "containers imported" "$(grep -c '^  container "' "$d/import/hclc.out")" "$(td_containers "$n")" &&
        import_round_trip "$(head -1 "$d/files/list")" "$d/import/roundtrip" ;;
    lsp)
      # lsp_bench itself fails when an edit's diagnostics are wrong.
      d=$BENCH_DIR/lsp
      [ ! -s "$d/validate.out" ] || echo "hclc validate printed something" ;;
    startup)
      d=$BENCH_DIR/startup
      expect "output" "$(tr -d ' \t\n' <"$d/hclc.json")" '{"x":{}}' ;;
  esac | { read -r why && { echo "$why"; return 1; }; return 0; }
}

# import_round_trip FILE DIR: hclc import FILE, built again, gives FILE's JSON.
import_round_trip() {
  rm -rf "$2"
  if ! "$HCLC" import "$1" -o "$2" >/dev/null 2>&1 ||
    ! "$HCLC" build "$2" -t task-definition -o "$2/back.json" >/dev/null 2>&1; then
    echo "hclc import $1 did not build again"
    return
  fi
  "$BENCH_TOOLS/cjson_floor" --compare "$1" "$2/back.json" >/dev/null ||
    echo "hclc import $1, built again, gives other JSON"
}

# instructions OUT CMD...: the instructions CMD and the processes it starts
# execute (callgrind), in millions, its stdout to OUT; "-" when valgrind is
# missing or CMD fails.
instructions() {
  local out=$1 logs
  shift
  command -v valgrind >/dev/null || { echo -; return; }
  logs=$(mktemp -d)
  if valgrind --tool=callgrind --trace-children=yes --callgrind-out-file=/dev/null \
    --log-file="$logs/%p" "$@" >"$out" 2>/dev/null </dev/null; then
    cat "$logs"/* | awk '/Collected :/ { n += $NF; found = 1 }
      END { if (found) printf "%.2f\n", n / 1e6; else print "-" }'
  else
    echo -
  fi
  rm -rf "$logs"
}

# instructions_measured PATH N: whether callgrind counts PATH at size N.
instructions_measured() {
  [ "$2" -le "${BENCH_INSTR_MAX:-1000}" ] &&
    { [ "$1" != import ] && [ "$1" != validate-files ] || [ "$2" -le "$BENCH_IMPORT_INSTR_MAX" ]; }
}

# hclc_instructions PATH: hclc's instructions on the prepared path, in
# millions. For lsp: one edit's, the server's count over 11 edits less its
# count over 1, divided by 10 (start-up, didOpen and shutdown cancel out).
hclc_instructions() {
  [ "$1" = lsp ] || { instructions "$HCLC_OUT" "${HCLC_CMD[@]}"; return; }
  command -v valgrind >/dev/null || { echo -; return; }
  local d=$BENCH_DIR/lsp e one eleven
  for e in 1 11; do
    printf '#!/bin/sh\nexec valgrind --tool=callgrind --callgrind-out-file=/dev/null --log-file="%s" "%s" "$@"\n' \
      "$d/cg.$e" "$HCLC" >"$d/hclc-callgrind"
    chmod +x "$d/hclc-callgrind"
    LSP_BENCH_RAW=1 "$BENCH_TOOLS/lsp_bench" "$d/hclc-callgrind" "$d" "$e" >/dev/null || { echo -; return; }
  done
  one=$(awk '/Collected :/ { print $NF }' "$d/cg.1")
  eleven=$(awk '/Collected :/ { print $NF }' "$d/cg.11")
  awk -v a="$one" -v b="$eleven" 'BEGIN { if (a == "" || b == "") print "-"; else printf "%.2f\n", (b - a) / 10 / 1e6 }'
}

# lsp_measure: the server's median didChange -> publishDiagnostics time
# over BENCH_LSP_EDITS edits and its peak RSS; sets hclc_status, hclc_s,
# hclc_rss as measure() in run.sh does.
lsp_measure() {
  local line kib
  if line=$(LSP_BENCH_RAW=1 "$BENCH_TOOLS/lsp_bench" "$HCLC" "$BENCH_DIR/lsp" "$BENCH_LSP_EDITS" 2>"$BENCH_DIR/stderr"); then
    read -r hclc_s kib <<<"$line"
    hclc_status=ok
    hclc_rss=$(awk -v k="$kib" 'BEGIN { printf "%.1f", k / 1024 }')
  else
    hclc_status=fail
  fi
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b + 0 == 0) print "-"; else printf "%.2f", a / b }'; }
