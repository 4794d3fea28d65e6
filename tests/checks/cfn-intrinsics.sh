#!/usr/bin/env bash
# tests/checks/cfn-intrinsics.sh - a template built with conditions,
# mappings and cfn_if reads back: `hclc validate` passes on its JSON and
# YAML forms (Fn::If branches, Fn::FindInMap, Conditions, Mappings), and
# `hclc diff` finds the two forms equal.
set -u

ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
HCLC=${HCLC:-$ROOT/hclc}
CASE=$ROOT/tests/cases/cloudformation/conditions-mappings
WORK=$(mktemp -d "${TMPDIR:-/tmp}/hclc-cfn-intrinsics.XXXXXX") || exit 1
trap 'rm -rf "$WORK"' EXIT

check() {
    local name=$1
    shift
    local out
    if out=$("$@" 2>&1); then
        echo "ok cfn-intrinsics $name"
    else
        echo "not ok cfn-intrinsics $name"
        printf '%s\n' "$out" | head -20 | sed 's/^/    /'
    fi
}

check "build json" "$HCLC" build "$CASE/main.hcl" -t cloudformation -o "$WORK/t.json"
check "build yaml" "$HCLC" build "$CASE/main.hcl" -t cloudformation-yaml -o "$WORK/t.yaml"
check "validate json" "$HCLC" validate "$WORK/t.json"
check "validate yaml" "$HCLC" validate "$WORK/t.yaml"
out=$("$HCLC" diff "$WORK/t.json" "$WORK/t.yaml" 2>&1)
if [ "$out" = "1 task definition compared, no changes" ]; then
    echo "ok cfn-intrinsics json and yaml agree"
else
    echo "not ok cfn-intrinsics json and yaml agree"
    printf '%s\n' "$out" | head -20 | sed 's/^/    /'
fi
