#!/usr/bin/env bash
# tests/checks/perf-td.sh - `hclc build --out-dir` of many task definitions
# holds one task definition's values at a time (issue 16): 300 of the
# bench's task definitions (tests/bench/gen_td.sh) build within 56 MiB,
# where holding every one's values took about 80 MiB, and leave exactly
# their 300 files, no temporary file.
set -u
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
name="perf-td 300 task definitions within --max-memory 56M"

bash "$ROOT/tests/bench/gen_td.sh" 300 "$dir/p" >/dev/null
"$HCLC" build "$dir/p" -w prod --out-dir "$dir/out" --max-memory 56M >"$dir/log" 2>&1
status=$?
files=$(find "$dir/out" -type f 2>/dev/null | wc -l)
json=$(find "$dir/out" -type f -name 'svc-*.json' 2>/dev/null | wc -l)
if [ "$status" -eq 0 ] && [ "$files" -eq 300 ] && [ "$json" -eq 300 ]; then
  echo "ok $name"
else
  echo "not ok $name"
  echo "    exit status $status, $files files ($json svc-*.json), expected 0 and 300"
  head -5 "$dir/log" | sed 's/^/    /'
fi
