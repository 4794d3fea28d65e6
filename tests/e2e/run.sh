#!/usr/bin/env bash
# tests/e2e/run.sh - hclc's output checked by the real clients users send it
# to (make e2e; .ci/run runs it). Needs: the aws cli 1.x (botocore validates
# every parameter client-side), the aws cli 2 (Debian's awscli, at
# /usr/bin/aws), moto_server (moto 5: a local ECS API on 127.0.0.1, started
# and stopped here), cfn-lint 1.x and jq. A missing tool is named with the
# way to install it, and the run fails.
#
# For every sample and workspace: both aws clis accept each built request
# (registered against moto), describe-task-definition gives back every
# member sent, and the CloudFormation templates (JSON and YAML) pass
# cfn-lint with no finding; hclc diff finds no change between each build and
# what the API returns, and exactly one after one value changed
# (tests/e2e/diff.sh). A deliberately bad request is rejected by hclc and by
# both clis. Prints "ok NAME" / "not ok NAME" and ends with
# "N passed, N failed". tests/e2e/sarif.sh validates the SARIF output.
#
#   HCLC=/abs/hclc tests/e2e/run.sh
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HCLC=${HCLC:-$ROOT/hclc}
AWS1=${AWS1:-}
AWS2=${AWS2:-/usr/bin/aws}
passed=0
failed=0

ok() { passed=$((passed + 1)); printf 'ok %s\n' "$1"; }
not_ok() {
    failed=$((failed + 1))
    printf 'not ok %s\n' "$1"
    [ -n "${2:-}" ] && printf '%s\n' "$2" | head -n 30 | sed 's/^/    /'
}

# --- tools ------------------------------------------------------------------

find_aws1() {
    local c
    for c in "$AWS1" $(type -ap aws); do
        [ -n "$c" ] && [ -x "$c" ] || continue
        case $("$c" --version 2>&1) in aws-cli/1.*) echo "$c"; return 0 ;; esac
    done
    return 1
}

missing=()
[ -x "$HCLC" ] || missing+=("hclc at $HCLC (run make first)")
AWS1=$(find_aws1) || missing+=("the aws cli 1.x: pip install awscli (botocore validates parameters)")
case $("$AWS2" --version 2>&1) in
    aws-cli/2.*) ;;
    *) missing+=("the aws cli 2 at $AWS2: apt-get install awscli (Debian's package)") ;;
esac
command -v moto_server >/dev/null 2>&1 || missing+=("moto_server: pip install 'moto[server]>=5'")
command -v cfn-lint >/dev/null 2>&1 || missing+=("cfn-lint: pip install 'cfn-lint>=1'")
command -v jq >/dev/null 2>&1 || missing+=("jq: apt-get install jq")
command -v curl >/dev/null 2>&1 || missing+=("curl: apt-get install curl")
if [ ${#missing[@]} -gt 0 ]; then
    printf 'e2e: missing:\n' >&2
    printf '  - %s\n' "${missing[@]}" >&2
    printf '0 passed, %d failed\n' "${#missing[@]}"
    exit 1
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/hclc-e2e.XXXXXX") || exit 1
MOTO_PID=
cleanup() {
    [ -n "$MOTO_PID" ] && kill "$MOTO_PID" 2>/dev/null && wait "$MOTO_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

# --- the local ECS API ----------------------------------------------------

PORT=$((20000 + $$ % 20000))
moto_server -H 127.0.0.1 -p "$PORT" >"$WORK/moto.log" 2>&1 &
MOTO_PID=$!
ENDPOINT=http://127.0.0.1:$PORT
for _ in $(seq 1 100); do
    curl -s -o /dev/null "$ENDPOINT/moto-api/" && break
    sleep 0.1
done
curl -s -o /dev/null "$ENDPOINT/moto-api/" || { not_ok "moto_server starts" "$(cat "$WORK/moto.log")"; exit 1; }

export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_DEFAULT_REGION=us-east-1
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_PAGER= HOME=$WORK
export LC_ALL=C NO_COLOR=1

# Registers request file $2 with aws cli $1 exactly as README shows it.
register() {
    "$1" ecs register-task-definition --endpoint-url "$ENDPOINT" --output json \
        --cli-input-json "$(cat "$2")"
}

# Every scalar of the request appears with the same value in what
# describe-task-definition returns (tags are at the top level there).
members_kept() {
    local req=$1 desc=$2
    jq -n --slurpfile r "$req" --slurpfile d "$desc" '
        ($d[0].taskDefinition + {tags: ($d[0].tags // [])}) as $td
        | $r[0] | [paths(scalars)] | .[]
        | . as $p | select(($td | getpath($p)) != ($r[0] | getpath($p)))
        | map(tostring) | join(".")'
}

check_request() {
    local name=$1 file=$2 out family diffs
    out=$(register "$AWS1" "$file" 2>&1) || { not_ok "$name: aws cli 1 registers" "$out"; return; }
    ok "$name: aws cli 1 registers"
    out=$(register "$AWS2" "$file" 2>&1) || { not_ok "$name: aws cli 2 registers" "$out"; return; }
    ok "$name: aws cli 2 registers"
    family=$(jq -r .family "$file")
    "$AWS1" ecs describe-task-definition --endpoint-url "$ENDPOINT" --output json \
        --task-definition "$family" --include TAGS >"$WORK/desc.json" 2>&1 ||
        { not_ok "$name: describe-task-definition" "$(cat "$WORK/desc.json")"; return; }
    diffs=$(members_kept "$file" "$WORK/desc.json" 2>&1)
    if [ -z "$diffs" ]; then
        ok "$name: describe returns every member sent"
    else
        not_ok "$name: describe returns every member sent" "differs at: $diffs"
    fi
}

check_cfn() {
    local name=$1 dir=$2 ws=$3 t ext out
    for t in cloudformation cloudformation-yaml; do
        ext=json
        [ $t = cloudformation-yaml ] && ext=yaml
        out=$("$HCLC" build "$dir" -w "$ws" -t $t -o "$WORK/template.$ext" 2>&1) ||
            { not_ok "$name: hclc build -t $t" "$out"; continue; }
        out=$(cfn-lint -- "$WORK/template.$ext" 2>&1)
        if [ -z "$out" ]; then
            ok "$name: cfn-lint $t"
        else
            not_ok "$name: cfn-lint $t" "$out"
        fi
    done
}

# --- every sample, every workspace ------------------------------------------

for dir in "$ROOT"/samples/*/; do
    sample=$(basename "$dir")
    workspaces=$("$HCLC" workspaces "$dir") || { not_ok "$sample: workspaces"; continue; }
    for ws in ${workspaces:-default}; do
        rm -rf "$WORK/out"
        out=$("$HCLC" build "$dir" -w "$ws" -t task-definition --out-dir "$WORK/out" 2>&1) ||
            { not_ok "$sample -w $ws: hclc build" "$out"; continue; }
        for f in "$WORK"/out/*.json; do
            check_request "$sample -w $ws $(basename "$f" .json)" "$f"
        done
        check_cfn "$sample -w $ws" "$dir" "$ws"
    done
done

# --- cfn-lint on the CloudFormation golden cases that stand alone -----------

for dir in "$ROOT"/tests/cases/cloudformation/conditions-mappings/; do
    check_cfn "case $(basename "$dir")" "$dir" default
done

# --- hclc diff against what the API returns (tests/e2e/diff.sh) --------------

. "$ROOT/tests/e2e/diff.sh"

# --- a deliberately bad request: rejected by hclc and by both clis -----------

printf '{"containerDefinitions": [{"name": "web", "image": "nginx", "memory": 128}]}\n' \
    >"$WORK/bad.json"
if "$HCLC" validate "$WORK/bad.json" >/dev/null 2>&1; then
    not_ok "bad request: hclc validate rejects it"
else
    ok "bad request: hclc validate rejects it"
fi
for cli in "$AWS1" "$AWS2"; do
    if out=$(register "$cli" "$WORK/bad.json" 2>&1); then
        not_ok "bad request: $("$cli" --version 2>&1 | cut -d' ' -f1) rejects it" "$out"
    else
        ok "bad request: $("$cli" --version 2>&1 | cut -d' ' -f1) rejects it"
    fi
done

. "$ROOT/tests/e2e/sarif.sh" # SARIF output against the OASIS schema (ajv from npm)
while read -r l; do case $l in "ok "*) ok "${l#ok }" ;; "not ok "*) not_ok "${l#not ok }" ;; esac; done < <(HCLC=$HCLC bash "$ROOT/tests/e2e/nvim-lsp.sh") # hclc lsp in Neovim

printf '%d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
