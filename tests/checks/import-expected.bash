# shellcheck shell=bash
# tests/checks/import-expected.bash - sourced by the import round-trip
# checks (import-roundtrip.sh, rw-import.sh); not a check itself.
#
# expected FILE: the request FILE stands for, as jq prints it with sorted
# keys: describe output's taskDefinition without the members AWS sets (with
# the tags beside it), nulls removed.
READ_ONLY='["taskDefinitionArn","revision","status","requiresAttributes","compatibilities",
  "registeredAt","deregisteredAt","deleteRequestedAt","registeredBy"]'
expected() {
    jq -S --argjson ro "$READ_ONLY" '
      (if type == "object" and has("taskDefinition")
       then .taskDefinition + (if (.tags // []) != [] then {tags} else {} end)
       else . end)
      | (if type == "object" then with_entries(select(.key as $k | $ro | index($k) | not))
         else . end)
      | del(.. | nulls)' "$1"
}
