# tests/e2e/diff.sh - `hclc diff` against what the ECS API really returns;
# sourced by tests/e2e/run.sh (it uses run.sh's HCLC, AWS1, ENDPOINT, WORK,
# ok and not_ok, with moto_server running).
#
# For every sample, workspace and task definition: the build registered with
# the aws cli and read back with describe-task-definition (whole, with
# --include TAGS, and with --query taskDefinition) diffs as equal to the
# project; after one environment value is changed and the request
# registered again, exactly that change is reported.

# describe_td FAMILY FILE [ARGS...]: describe-task-definition output in FILE.
describe_td() {
    local family=$1 file=$2
    shift 2
    "$AWS1" ecs describe-task-definition --endpoint-url "$ENDPOINT" --output json \
        --task-definition "$family" "$@" >"$file" 2>&1
}

# diff_same NAME DIR WS TASK FILE: hclc diff reports no change.
diff_same() {
    local out
    if out=$("$HCLC" diff "$2" -w "$3" --task "$4" --against "$5" --exit-code 2>&1); then
        ok "$1"
    else
        not_ok "$1" "$out"
    fi
}

# The request with one environment value changed (or an environment of one
# variable added to the first container when it has none); prints the path
# diff must report.
change_env() {
    local req=$1 out=$2
    if jq -e '.containerDefinitions[0].environment | length > 0' "$req" >/dev/null; then
        jq '.containerDefinitions[0].environment[0].value += "-changed"' "$req" >"$out"
        jq -r '"containerDefinitions[\"" + .containerDefinitions[0].name +
            "\"].environment[\"" + .containerDefinitions[0].environment[0].name + "\"]"' "$req"
    else
        jq '.containerDefinitions[0].environment = [{name: "E2E_CHANGED", value: "1"}]' \
            "$req" >"$out"
        # the container had no environment: the whole member is new
        jq -r '"containerDefinitions[\"" + .containerDefinitions[0].name +
            "\"].environment"' "$req"
    fi
}

# diff_one_change NAME DIR WS TASK FILE PATH: exactly one change, at PATH.
diff_one_change() {
    local out got
    out=$("$HCLC" diff "$2" -w "$3" --task "$4" --against "$5" --format=json 2>&1)
    got=$(printf '%s\n' "$out" | jq -r '[.taskDefinitions[].changes[].path] | join(" ")' 2>&1)
    if [ "$got" = "$6" ]; then
        ok "$1"
    else
        not_ok "$1" "wanted one change at $6, got: $got"
    fi
}

diff_task() {
    local name=$1 dir=$2 ws=$3 task=$4 req=$5 family path out
    family=$(jq -r .family "$req")
    out=$(register "$AWS1" "$req" 2>&1) || { not_ok "$name: register" "$out"; return; }
    describe_td "$family" "$WORK/whole.json" --include TAGS ||
        { not_ok "$name: describe" "$(cat "$WORK/whole.json")"; return; }
    diff_same "$name: diff against describe output: no change" "$dir" "$ws" "$task" \
        "$WORK/whole.json"
    describe_td "$family" "$WORK/query.json" --query taskDefinition ||
        { not_ok "$name: describe --query" "$(cat "$WORK/query.json")"; return; }
    diff_same "$name: diff against --query taskDefinition: no change" "$dir" "$ws" "$task" \
        "$WORK/query.json"
    path=$(change_env "$req" "$WORK/changed.json")
    out=$(register "$AWS1" "$WORK/changed.json" 2>&1) ||
        { not_ok "$name: register the change" "$out"; return; }
    describe_td "$family" "$WORK/whole.json" --include TAGS ||
        { not_ok "$name: describe the change" "$(cat "$WORK/whole.json")"; return; }
    diff_one_change "$name: diff finds the one change" "$dir" "$ws" "$task" "$WORK/whole.json" \
        "$path"
}

for dir in "$ROOT"/samples/*/; do
    sample=$(basename "$dir")
    workspaces=$("$HCLC" workspaces "$dir") || { not_ok "$sample: workspaces"; continue; }
    for ws in ${workspaces:-default}; do
        rm -rf "$WORK/diff-out"
        out=$("$HCLC" build "$dir" -w "$ws" -t task-definition --out-dir "$WORK/diff-out" 2>&1) ||
            { not_ok "$sample -w $ws: hclc build" "$out"; continue; }
        for f in "$WORK"/diff-out/*.json; do
            task=$(basename "$f" .json)
            diff_task "$sample -w $ws $task: diff" "$dir" "$ws" "$task" "$f"
        done
    done
done
