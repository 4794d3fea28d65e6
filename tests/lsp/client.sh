#!/usr/bin/env bash
# tests/lsp/client.sh - a scripted LSP client: frames each line of FILE (one
# JSON message a line; @DIR@ stands for DIR) with a Content-Length header,
# feeds them all to `hclc lsp` started in DIR, and prints every message the
# server writes, one compact JSON a line, with DIR written @DIR@ again.
# Lines starting with '#' are comments; a line "RAW <text>" is sent as is
# (printf escapes expanded), for hostile framing; "SLEEP S" pauses, so the
# server sees its input idle and publishes diagnostics (it debounces edits
# that come without a pause).
#
#   HCLC=/abs/hclc tests/lsp/client.sh FILE DIR
set -u
HCLC=${HCLC:?HCLC names the hclc binary}
file=$1 dir=$2
export LC_ALL=C

frame() {
    local line
    while IFS= read -r line || [ -n "$line" ]; do
        case $line in
            '#'* | '') continue ;;
            RAW\ *) printf '%b' "${line#RAW }" ;;
            SLEEP\ *) sleep "${line#SLEEP }" ;;
            *)
                line=${line//@DIR@/$dir}
                printf 'Content-Length: %d\r\n\r\n%s' "${#line}" "$line"
                ;;
        esac
    done <"$file"
}

frame | (cd "$dir" && "$HCLC" lsp 2>/dev/null) |
    perl -0777 -ne 'while (/Content-Length: (\d+)\r\n\r\n/g) {
        print substr($_, pos($_), $1), "\n"; pos($_) += $1 }' |
    jq -c . | sed "s|$dir|@DIR@|g"
printf 'exit %d\n' "${PIPESTATUS[1]}"
