#!/usr/bin/env bash
# tests/checks/ecs-docs.sh - docs/ecs.md must be what grammar/ecs-docs.awk
# makes of grammar/ecs-schema.txt and compiler/base/diag_codes.h today
# (`make docs` regenerates it).
set -u
cd "${ROOT:-.}" || exit 1
generated=$(mktemp) || exit 1
trap 'rm -f "$generated"' EXIT
if ! awk -f grammar/ecs-docs.awk grammar/ecs-schema.txt compiler/base/diag_codes.h >"$generated"; then
    echo "not ok ecs-docs generates"
    exit 0
fi
echo "ok ecs-docs generates"
if diff -u --label docs/ecs.md --label generated docs/ecs.md "$generated" >"$generated.diff"; then
    echo "ok ecs-docs docs/ecs.md is up to date"
else
    echo "not ok ecs-docs docs/ecs.md is stale: run make docs"
    head -n 20 "$generated.diff" | sed 's/^/    /'
fi
rm -f "$generated.diff"

# A rules= code that diag_codes.h lacks must stop the generator.
bad_schema=$(mktemp) || exit 1
printf '%s\n' 'shape RegisterTaskDefinitionRequest' \
    'family family Family string required rules=E9999' >"$bad_schema"
if ! message=$(awk -f grammar/ecs-docs.awk "$bad_schema" compiler/base/diag_codes.h 2>&1 >/dev/null) &&
    [[ $message == *E9999* ]]; then
    echo "ok ecs-docs refuses a rules= code that does not exist"
else
    echo "not ok ecs-docs refuses a rules= code that does not exist"
fi
rm -f "$bad_schema"
