#!/usr/bin/env bash
# tests/checks/import-cfn-roundtrip.sh - CloudFormation template -> hclc
# import -> hclc build -t cloudformation gives the task definitions back
# (docs/import.md, issue 12).
#
# 1. Every sample in every workspace, built with -t cloudformation and with
#    -t cloudformation-yaml: imported and built again (-t cloudformation),
#    each AWS::ECS::TaskDefinition resource is the one of the JSON build.
# 2. Every template under tests/import/realworld-cfn/ (JSON, or YAML read
#    with python3's yaml module when it is there): each task-definition
#    resource (Type, Properties, Condition, DependsOn) comes back, and so do
#    the Parameters, Conditions and Mappings the built template holds.
# 3. The templates of the import goldens that import without error
#    (tests/cases/import/cfn-*), JSON and YAML as in 2.
# Compared with jq -S, scalars as text: CloudFormation converts them to the
# property's type (Cpu: 256 and Cpu: "256" are one value).
set -u

ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
HCLC=${HCLC:-$ROOT/hclc}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/hclc-import-cfn.XXXXXX") || exit 1
trap 'rm -rf "$WORK"' EXIT
export LC_ALL=C NO_COLOR=1

fail() {
    printf 'not ok %s\n' "$1"
    sed 's/^/    /' "$2" | head -20
}

# What is compared of a template: the task-definition resources (Type,
# Properties, Condition, DependsOn as a list), and the parameters,
# conditions and mappings named in the template $2 (the built one).
# Parameters keep Type, Default, Description and NoEcho.
CANON='def text: walk(if type == "number" or type == "boolean" then tostring else . end);
  def getatt: walk(if type == "object" and (.["Fn::GetAtt"] | type) == "string"
    then .["Fn::GetAtt"] |= (index(".") as $i | [.[:$i], .[$i + 1:]]) else . end);
  def deps: if type == "string" then [.] else . end;
  (.Resources // {} | with_entries(select(.value.Type == "AWS::ECS::TaskDefinition")
     | .value |= ({Type, Properties, Condition, DependsOn: (.DependsOn | deps)}
                  | with_entries(select(.value != null))))) as $res
  | {Resources: $res,
     Parameters: ((.Parameters // {}) | with_entries(select(.key as $k | $names.Parameters | index($k)))
                  | map_values({Type, Default, Description, NoEcho} | with_entries(select(.value != null)))),
     Conditions: ((.Conditions // {}) | with_entries(select(.key as $k | $names.Conditions | index($k)))),
     Mappings: ((.Mappings // {}) | with_entries(select(.key as $k | $names.Mappings | index($k))))}
  | getatt | text'
canon() { # canon TEMPLATE.json BUILT.json
    jq -S --argjson names "$(jq '{Parameters: (.Parameters // {} | keys),
        Conditions: (.Conditions // {} | keys), Mappings: (.Mappings // {} | keys)}' "$2")" \
        "$CANON" "$1"
}

# roundtrip NAME IN EXPECTED.json: imports IN, builds it, compares.
roundtrip() {
    local name=$1 in=$2 want=$3 dir
    dir="$WORK/rt-$(printf '%s' "$name" | tr '/' '_')"
    if "$HCLC" import "$in" -o "$dir" >"$dir.log" 2>&1 &&
        "$HCLC" build "$dir" -t cloudformation >"$dir.json" 2>>"$dir.log" &&
        diff <(canon "$want" "$dir.json") <(canon "$dir.json" "$dir.json") >>"$dir.log" 2>&1; then
        printf 'ok import-cfn-roundtrip %s\n' "$name"
    else
        fail "import-cfn-roundtrip $name" "$dir.log"
    fi
}

# 1. samples
for sample in "$ROOT"/samples/*/; do
    name=$(basename "$sample")
    wss=$("$HCLC" build "$sample" --all-workspaces --out-dir "$WORK/ws-$name" 2>/dev/null &&
        ls "$WORK/ws-$name")
    for ws in $wss; do
        base="$WORK/s-$name-$ws"
        if ! "$HCLC" build "$sample" -w "$ws" -t cloudformation -o "$base.json" 2>"$base.err" ||
            ! "$HCLC" build "$sample" -w "$ws" -t cloudformation-yaml -o "$base.yaml" \
                2>>"$base.err"; then
            fail "import-cfn-roundtrip sample $name/$ws builds" "$base.err"
            continue
        fi
        roundtrip "$name/$ws/json" "$base.json" "$base.json"
        roundtrip "$name/$ws/yaml" "$base.yaml" "$base.json"
    done
done

# 2. templates gathered from public repositories
yaml_to_json() {
    python3 - "$1" <<'PY'
import json, sys, yaml
class Loader(yaml.SafeLoader):
    pass
def tag(loader, suffix, node):
    name = "Ref" if suffix == "Ref" else "Condition" if suffix == "Condition" else "Fn::" + suffix
    if isinstance(node, yaml.ScalarNode):
        v = loader.construct_scalar(node)
        if suffix == "GetAtt":
            v = v.split(".", 1)
    elif isinstance(node, yaml.SequenceNode):
        v = loader.construct_sequence(node, deep=True)
    else:
        v = loader.construct_mapping(node, deep=True)
    return {name: v}
Loader.add_multi_constructor("!", tag)
json.dump(yaml.load(open(sys.argv[1]), Loader=Loader), sys.stdout, default=str)
PY
}
for tpl in "$ROOT"/tests/import/realworld-cfn/*.json "$ROOT"/tests/import/realworld-cfn/*.yaml \
    "$ROOT"/tests/import/realworld-cfn/*.yml; do
    [ -f "$tpl" ] || continue
    rel=realworld-cfn/$(basename "$tpl")
    want=$tpl
    case $tpl in
    *.json) ;;
    *)
        want="$WORK/$(basename "$tpl").json"
        if ! yaml_to_json "$tpl" >"$want" 2>/dev/null; then
            printf 'ok import-cfn-roundtrip %s # SKIP no python3 yaml module\n' "$rel"
            continue
        fi
        ;;
    esac
    roundtrip "$rel" "$tpl" "$want"
done

# 3. the goldens' templates
for tpl in "$ROOT"/tests/cases/import/cfn-*/*.json "$ROOT"/tests/cases/import/cfn-*/*.yaml; do
    [ -f "$tpl" ] || continue
    case=$(basename "$(dirname "$tpl")")
    [ "$(cat "$(dirname "$tpl")/exit")" = 0 ] || continue
    rel=golden/$case
    want=$tpl
    case $tpl in
    *.json) ;;
    *)
        want="$WORK/$case.json"
        if ! yaml_to_json "$tpl" >"$want" 2>/dev/null; then
            printf 'ok import-cfn-roundtrip %s # SKIP no python3 yaml module\n' "$rel"
            continue
        fi
        ;;
    esac
    roundtrip "$rel" "$tpl" "$want"
done
