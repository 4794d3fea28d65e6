#!/usr/bin/env bash
# tests/fuzz/seed.sh DIR - copies every .hcl, .tpl, .json and .yaml file of the golden
# cases, samples/ and templates/ into DIR, as the fuzzers' seed corpus.
set -euo pipefail

dir=${1:?usage: tests/fuzz/seed.sh DIR}
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$dir"
n=0
while IFS= read -r -d '' file; do
    rel=${file#"$root"/}
    cp "$file" "$dir/seed-${rel//\//_}"
    n=$((n + 1))
done < <(find "$root/tests/cases" "$root/tests/fixtures" "$root/samples" "$root/templates" -type f \
    \( -name '*.hcl' -o -name '*.tpl' -o -name '*.json' -o -name '*.yaml' \) -print0 2>/dev/null)
echo "seed: $n files copied into $dir"
