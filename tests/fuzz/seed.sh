#!/usr/bin/env bash
# tests/fuzz/seed.sh DIR - copies every .hcl, .tpl, .json and .yaml file of the golden
# cases, samples/ and templates/ into DIR, as the fuzzers' seed corpus, and
# writes each expression of tests/lang.test there as a one-output program.
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
# The expression of a lang.test case is the line after the %% directives
# that follow a blank line; the line after it is its expected result.
expr=0
while IFS= read -r line; do
    case $line in
    '' | '#'*) expr=1 ;;
    %%*) ;;
    *)
        if [ "$expr" = 1 ]; then
            printf 'output "v" { value = %s }\n' "$line" >"$dir/seed-lang-$n.hcl"
            n=$((n + 1))
        fi
        expr=0
        ;;
    esac
done <"$root/tests/lang.test"
echo "seed: $n files copied into $dir"
