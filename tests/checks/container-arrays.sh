#!/usr/bin/env bash
# tests/checks/container-arrays.sh - the container-definitions array that
# `hclc build -t container-definitions` writes for every sample and
# workspace validates clean on its own (issue 10: an array carries no task,
# so no rule may assume one).
set -u
cd "${ROOT:-.}" || exit 1
HCLC=${HCLC:-./hclc}
scratch=$(mktemp -d) || exit 1
trap 'rm -rf "$scratch"' EXIT

for dir in samples/*/; do
    sample=$(basename "$dir")
    workspaces=$("$HCLC" workspaces "$dir" 2>/dev/null)
    [ -n "$workspaces" ] || workspaces=default
    for ws in $workspaces; do
        out="$scratch/$sample-$ws"
        if ! "$HCLC" build "$dir" -w "$ws" --out-dir "$out" -t container-definitions \
            >/dev/null 2>"$scratch/err"; then
            echo "not ok container-arrays $sample/$ws builds"
            sed 's/^/    /' "$scratch/err" | head -n 10
            continue
        fi
        for file in "$out"/*.json; do
            task=$(basename "$file" .json)
            if "$HCLC" validate "$file" >"$scratch/err" 2>&1 && [ ! -s "$scratch/err" ]; then
                echo "ok container-arrays $sample/$ws/$task validates clean"
            else
                echo "not ok container-arrays $sample/$ws/$task validates clean"
                sed 's/^/    /' "$scratch/err" | head -n 10
            fi
        done
    done
done
