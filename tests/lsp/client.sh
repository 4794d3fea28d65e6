#!/usr/bin/env bash
# tests/lsp/client.sh - a scripted LSP client: sends the messages of FILE to
# `hclc lsp` started in DIR and prints every message the server writes, one
# compact JSON a line (DIR written @DIR@), then "exit N" (its exit status).
#
# FILE holds one item a line ('#' lines and blank lines are skipped):
#   {...}                a JSON message, framed with Content-Length (@DIR@
#                        stands for DIR)
#   OPEN NAME [FROM]     didOpen of DIR/NAME with the text of FROM (a file
#                        next to FILE) or of DIR/NAME itself
#   CHANGE NAME FROM V   didChange of DIR/NAME to the text of FROM, version V
#   RAW TEXT             TEXT sent as is (printf %b escapes), for hostile framing
#   SLEEP S              a pause: the server sees its input idle and
#                        publishes diagnostics (edits without a pause are
#                        debounced into one compilation)
#   BATCH ... END        the messages between are written at once (one
#                        write, under PIPE_BUF): the server reads them as one
#                        batch, as it does when it is busy
# Published diagnostics are printed only for a FILE with a SLEEP (else when
# they come depends on timing), and only when they change (see dedupe).
#
#   HCLC=/abs/hclc tests/lsp/client.sh FILE DIR
set -u
HCLC=${HCLC:?HCLC names the hclc binary}
file=$1 dir=$2
here=$(cd "$(dirname "$file")" && pwd)
scratch=$(mktemp "${TMPDIR:-/tmp}/hclc-lsp-batch.XXXXXX") || exit 1
trap 'rm -f "$scratch"' EXIT
export LC_ALL=C

send() {
    printf 'Content-Length: %d\r\n\r\n%s' "${#1}" "$1"
}

text_of() {
    if [ -n "${1:-}" ]; then jq -Rs . <"$here/$1"; else jq -Rs . <"$dir/$2"; fi
}

frame() {
    local line kind name from version batch="" in_batch=""
    while IFS= read -r line || [ -n "$line" ]; do
        if [ "$line" = BATCH ]; then in_batch=1; continue; fi
        if [ "$line" = END ]; then
            # One write(2): bash's printf may flush at each newline, cat
            # writes what it read at once.
            printf '%b' "$batch" >"$scratch" && cat "$scratch"
            batch="" in_batch=""
            continue
        fi
        if [ -n "$in_batch" ]; then
            line=${line//@DIR@/$dir}
            batch+="Content-Length: ${#line}\\r\\n\\r\\n${line//\\/\\\\}"
            continue
        fi
        read -r kind name from version <<<"$line"
        case $line in
            '#'* | '') ;;
            RAW\ *) printf '%b' "${line#RAW }" ;;
            SLEEP\ *) sleep "${line#SLEEP }" ;;
            OPEN\ *)
                send "$(jq -nc --arg uri "file://$dir/$name" --argjson text "$(text_of "$from" "$name")" \
                    '{jsonrpc: "2.0", method: "textDocument/didOpen", params: {textDocument:
                      {uri: $uri, languageId: "hcl", version: 1, text: $text}}}')"
                ;;
            CHANGE\ *)
                send "$(jq -nc --arg uri "file://$dir/$name" --argjson text "$(text_of "$from" "$name")" \
                    --argjson v "$version" \
                    '{jsonrpc: "2.0", method: "textDocument/didChange", params: {textDocument:
                      {uri: $uri, version: $v}, contentChanges: [{text: $text}]}}')"
                ;;
            *) send "${line//@DIR@/$dir}" ;;
        esac
    done <"$file"
}

# Diagnostics of a URI are printed only when they differ from the last ones
# printed for it: how often the server publishes depends on how the input
# arrives in time (it debounces), what it publishes does not.
dedupe() {
    perl -ne 'BEGIN { $keep = shift } if (/^\{"method":"textDocument\/publishDiagnostics","params":\{"uri":"([^"]*)"/) {
        next if !$keep || (defined $last{$1} && $last{$1} eq $_); $last{$1} = $_ } print' \
        "$(grep -c '^SLEEP ' "$file")"
}

frame | (cd "$dir" && "$HCLC" lsp 2>/dev/null) |
    perl -0777 -ne 'while (/Content-Length: (\d+)\r\n\r\n/g) {
        print substr($_, pos($_), $1), "\n"; pos($_) += $1 }' |
    jq -c . | sed "s|$dir|@DIR@|g" | dedupe
printf 'exit %d\n' "${PIPESTATUS[1]}"
