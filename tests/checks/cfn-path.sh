#!/usr/bin/env bash
# tests/checks/cfn-path.sh - a CloudFormation template does not depend on
# how PATH was typed: ".", a relative path and an absolute path give the
# same bytes, as JSON and as YAML.
set -u

ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
HCLC=${HCLC:-$ROOT/hclc}
SAMPLE=$ROOT/samples/hello

for target in cloudformation cloudformation-yaml; do
    dot=$(cd "$SAMPLE" && "$HCLC" build -w prod -t "$target" .) || dot=
    rel=$(cd "$ROOT" && "$HCLC" build -w prod -t "$target" samples/hello) || rel=
    abs=$("$HCLC" build -w prod -t "$target" "$SAMPLE") || abs=
    if [ -n "$dot" ] && [ "$dot" = "$rel" ] && [ "$dot" = "$abs" ]; then
        echo "ok cfn-path $target"
    else
        echo "not ok cfn-path $target"
        diff <(printf '%s\n' "$dot") <(printf '%s\n' "$abs") | sed 's/^/    /' | head -20
    fi
done
