#!/usr/bin/env bash
# tests/checks/perf-import.sh - `hclc import` prints one file's text as the
# writer made it when that is in fmt's layout already, and runs fmt only
# otherwise (issue 16): every import of the test inputs (tests/import/,
# tests/cases/import*/) and two made here (a key of non-ASCII letters, whose
# '=' fmt aligns by display width; a comment ending in spaces, which fmt
# strips) must print text that `hclc fmt` leaves as it is.
set -u
export LC_ALL=C NO_COLOR=1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

printf '%s\n' '{"family": "web", "containerDefinitions": [{"name": "app", "image": "nginx",' \
  '  "dockerLabels": {"\u043a\u043b\u044e\u0447": "1", "ab": "2"}}]}' >"$dir/wide.json"
printf '%s\n' '{"family": "web", // the family   ' \
  '  "containerDefinitions": [{"name": "app", "image": "nginx"}]}' >"$dir/comment.json"

checked=0
bad=""
while IFS= read -r file; do
  "$HCLC" import "$file" >"$dir/out.hcl" 2>/dev/null || continue
  checked=$((checked + 1))
  "$HCLC" fmt - <"$dir/out.hcl" >"$dir/fmt.hcl" 2>/dev/null
  cmp -s "$dir/out.hcl" "$dir/fmt.hcl" || bad="$bad $file"
done < <({ find "$ROOT/tests/import" "$ROOT"/tests/cases/import* -type f \
  \( -name '*.json' -o -name '*.yml' -o -name '*.yaml' -o -name '*.tpl' \) | LC_ALL=C sort
  echo "$dir/wide.json"
  echo "$dir/comment.json"; })

name="perf-import one file's import is in fmt's layout ($checked imports)"
if [ -z "$bad" ] && [ "$checked" -gt 100 ]; then
  echo "ok $name"
else
  echo "not ok $name"
  for f in $bad; do echo "    fmt changes the import of ${f#"$ROOT"/}"; done
fi
