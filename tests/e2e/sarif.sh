#!/usr/bin/env bash
# tests/e2e/sarif.sh - hclc's --diagnostics=sarif against the OASIS SARIF
# 2.1.0 JSON schema, validated by ajv (ajv-draft-04, as the schema is
# draft-04, and ajv-formats), installed with `npm ci` from the committed
# package.json and package-lock.json into tests/e2e/node_modules (ignored by
# git). The schema is read from $SARIF_SCHEMA, by default the shared
# reference copy beside the checkout (../shared/reference/sarif/); nothing is
# fetched. Checked: hclc lint on every sample and workspace, lint with
# findings, and validate and build with errors.
#
# Sourced by tests/e2e/run.sh (uses its ok/not_ok and $HCLC, $ROOT, $WORK);
# run alone: HCLC=/abs/hclc tests/e2e/sarif.sh
set -u
if ! declare -F ok >/dev/null; then
    ROOT=$(cd "$(dirname "$0")/../.." && pwd)
    HCLC=${HCLC:-$ROOT/hclc}
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/hclc-sarif.XXXXXX") || exit 1
    trap 'rm -rf "$WORK"' EXIT
    passed=0 failed=0 standalone=1
    ok() { passed=$((passed + 1)); printf 'ok %s\n' "$1"; }
    not_ok() {
        failed=$((failed + 1))
        printf 'not ok %s\n' "$1"
        [ -n "${2:-}" ] && printf '%s\n' "$2" | head -n 30 | sed 's/^/    /'
    }
fi
SARIF_SCHEMA=${SARIF_SCHEMA:-$ROOT/../shared/reference/sarif/sarif-schema-2.1.0.json}
E2E=$ROOT/tests/e2e

sarif_checks() {
    if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
        not_ok "sarif: node and npm" "missing: apt-get install nodejs npm"
        return
    fi
    if [ ! -f "$SARIF_SCHEMA" ]; then
        not_ok "sarif: the schema" "missing: $SARIF_SCHEMA (set SARIF_SCHEMA to the OASIS sarif-schema-2.1.0.json)"
        return
    fi
    local out
    if ! out=$(cd "$E2E" && npm ci --no-audit --no-fund --loglevel=error 2>&1); then
        not_ok "sarif: npm ci (ajv, ajv-draft-04, ajv-formats)" "$out"
        return
    fi
    local dir=$WORK/sarif logs=() s ws
    mkdir -p "$dir"
    for s in "$ROOT"/samples/*/; do
        s=${s%/}
        for ws in $("$HCLC" workspaces "$s"); do
            "$HCLC" lint "$s" -w "$ws" --diagnostics=sarif 2>"$dir/lint-${s##*/}-$ws.sarif" >/dev/null
            logs+=("$dir/lint-${s##*/}-$ws.sarif")
        done
    done
    (cd "$ROOT/tests/cases/lint/fires" && "$HCLC" lint --diagnostics=sarif 2>"$dir/lint-findings.sarif")
    (cd "$ROOT/tests/cases/lint/json-task" && "$HCLC" lint --strict task.json --diagnostics=sarif \
        2>"$dir/lint-strict-json.sarif")
    (cd "$ROOT/tests/cases/lint/validate-sarif" && "$HCLC" validate --diagnostics=sarif 2>"$dir/validate.sarif")
    (cd "$ROOT/tests/cases/lint/build-github" && "$HCLC" build --diagnostics=sarif 2>"$dir/build.sarif")
    logs+=("$dir/lint-findings.sarif" "$dir/lint-strict-json.sarif" "$dir/validate.sarif" "$dir/build.sarif")
    local line
    while IFS= read -r line; do
        case $line in
            "ok "*) ok "sarif: ${line#ok "$dir"/}" ;;
            "not ok "*) not_ok "sarif: ${line#not ok "$dir"/}" ;;
            *) printf '%s\n' "$line" ;;
        esac
    done < <(node "$E2E/validate-sarif.js" "$SARIF_SCHEMA" "${logs[@]}")
}

sarif_checks
if [ -n "${standalone:-}" ]; then
    printf '%d passed, %d failed\n' "$passed" "$failed"
    [ "$failed" -eq 0 ]
fi
