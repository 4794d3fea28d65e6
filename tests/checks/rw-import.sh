#!/usr/bin/env bash
# tests/checks/rw-import.sh - the real task definitions of
# tests/import/realworld/ as environments of one deployment (issue 12):
# each file with the next of its kind (task definition or container array;
# the last with the first) imported as the workspaces one and two
# (--workspaces one,two), and each workspace built
# back to its file's JSON (compared with jq -S, as import-roundtrip.sh
# compares: read-only members of describe output and nulls out).
set -u

ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
HCLC=${HCLC:-$ROOT/hclc}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/hclc-rw-import.XXXXXX") || exit 1
trap 'rm -rf "$WORK"' EXIT
export LC_ALL=C NO_COLOR=1

# shellcheck source=tests/checks/import-expected.bash
. "$ROOT/tests/checks/import-expected.bash"

fail() {
    printf 'not ok %s\n' "$1"
    sed 's/^/    /' "$2" | head -20
}

# pairs LIST...: each file with the next of the list, the last with the first.
pairs() {
    local files=("$@") i n=$#
    for ((i = 0; i < n; i++)); do
        printf '%s %s\n' "${files[$i]}" "${files[$(((i + 1) % n))]}"
    done
}

tasks=() arrays=()
for json in "$ROOT"/tests/import/realworld/*.json; do
    if [ "$(jq -r 'type' <"$json")" = array ]; then arrays+=("$json"); else tasks+=("$json"); fi
done
# A task definition and a container array are no environments of one
# deployment (import refuses them together): each kind is paired apart.
{
    pairs "${tasks[@]}"
    [ ${#arrays[@]} -gt 1 ] && pairs "${arrays[@]}"
} >"$WORK/pairs"
while read -r one two; do
    name="$(basename "$one" .json)+$(basename "$two" .json)"
    dir="$WORK/$name"
    if ! "$HCLC" import "$one" "$two" --workspaces one,two -o "$dir" </dev/null >"$dir.log" 2>&1; then
        fail "rw-import workspaces $name imports" "$dir.log"
        continue
    fi
    for ws in one two; do
        json=$one
        [ "$ws" = two ] && json=$two
        target=()
        [ "$(jq -r 'type' <"$json")" = array ] && target=(-t container-definitions)
        if "$HCLC" build "$dir" -w "$ws" "${target[@]}" </dev/null >"$dir.$ws.json" 2>>"$dir.log" &&
            diff <(expected "$json") <(jq -S . "$dir.$ws.json") >>"$dir.log" 2>&1; then
            printf 'ok rw-import workspaces %s %s\n' "$name" "$ws"
        else
            fail "rw-import workspaces $name $ws" "$dir.log"
        fi
    done
done <"$WORK/pairs"
