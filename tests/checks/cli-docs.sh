#!/usr/bin/env bash
# tests/checks/cli-docs.sh - the man page and the completion scripts against
# the program: man/hclc.1 renders without warnings and names every command,
# option, target and environment variable that `hclc help` shows; the bash
# completion completes commands, each command's options, -t targets and -w
# workspaces (driven through COMP_WORDS/COMP_CWORD as bash does); the zsh
# completion spells out the same (and passes `zsh -n` where zsh is
# installed).
set -u
cd "$ROOT" || exit 1
HCLC=${HCLC:-$ROOT/hclc}
MAN=$ROOT/man/hclc.1
BASH_COMP=$ROOT/completions/hclc.bash
ZSH_COMP=$ROOT/completions/_hclc
# The completions run "hclc" as the user typed it: this one.
PATH=$(dirname "$HCLC"):$PATH
EMPTY=$(mktemp -d "${TMPDIR:-/tmp}/hclc-cli-docs.XXXXXX") || exit 1
trap 'rm -rf "$EMPTY"' EXIT

# report NAME PROBLEMS: "ok NAME", or "not ok NAME" with the problems below.
report() {
    if [ -z "$2" ]; then
        printf 'ok %s\n' "$1"
    else
        printf 'not ok %s\n' "$1"
        printf '%s\n' "$2" | sed 's/^/    /'
    fi
}

# --- what the program says ---------------------------------------------------

commands=$("$HCLC" help | sed -n '/^commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }')
targets=$(cd "$EMPTY" && "$HCLC" build -t zzzzzzzzzzzz 2>&1 |
    sed -n 's/.*the targets are //p' | sed 's/,//g; s/ and / /' | tr ' ' '\n')
global_options=$("$HCLC" help | sed -n '/^options/,/^$/p' | grep -o -- '--[a-z][a-z-]*' | sort -u)
environment=$("$HCLC" help | sed -n '/^environment:/,/^$/p' | awk '/^  [A-Z]/ { print $1 }')
# The options in the usage lines of `hclc help CMD`.
command_options() {
    "$HCLC" help "$1" | sed -n '1,/^$/p' | grep -o -- '--[a-z][a-z-]*' | sort -u
}

# --- the man page ------------------------------------------------------------

problems=
if ! command -v groff >/dev/null 2>&1; then
    problems="groff is not installed (apt-get install groff-base)"
else
    out=$(groff -mandoc -ww -z "$MAN" 2>&1) || problems="groff failed"
    [ -n "$out" ] && problems="groff warns: $out"
    if command -v man >/dev/null 2>&1; then
        out=$(LC_ALL=C MANWIDTH=80 man -l "$MAN" 2>&1 >/dev/null)
        [ -n "$out" ] && problems="$problems${problems:+
}man -l warns: $out"
    fi
fi
report man-renders "$problems"

# man_has WHAT MACRO NAME: the page shows NAME with MACRO (Cm, Fl, Ev).
man_has() {
    local escaped=${3//-/\\-}
    grep -qE "^\.(It |Op |Cm |Fl |Ev )?.*\b$2 $escaped\b" "$MAN" ||
        grep -qF "$2 $escaped" "$MAN"
}
problems=
for c in $commands; do man_has command Cm "$c" || problems="$problems command $c"; done
for t in $targets; do man_has target Cm "$t" || problems="$problems target $t"; done
for c in $commands; do
    for o in $(command_options "$c") $global_options; do
        man_has option Fl "${o#-}" || problems="$problems option $o"
    done
done
for e in $environment; do
    e=${e%NAME}
    grep -q "Ev $e" "$MAN" || problems="$problems environment $e"
done
for s in 0 1 2 3; do
    sed -n '/^\.Sh EXIT STATUS/,/^\.Sh/p' "$MAN" | grep -qx "\.It $s" || problems="$problems exit-status $s"
done
[ -n "$targets" ] && [ -n "$commands" ] || problems="$problems (could not read hclc help)"
report man-names-everything-help-shows "$(printf '%s\n' $problems | sort -u | tr '\n' ' ' | sed 's/ *$//')"

# --- bash completion ---------------------------------------------------------

# complete WORD...: what the bash completion offers for the last word.
complete_bash() {
    bash -c 'source "$1"; shift
        COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_LINE="$*"
        COMP_POINT=${#COMP_LINE}; _hclc; printf "%s\n" "${COMPREPLY[@]}"' \
        _ "$BASH_COMP" "$@" | sort
}
# expect NAME GOT WANTED (lists, one a line)
expect() {
    if [ "$2" = "$3" ]; then
        report "$1" ""
    else
        report "$1" "got: $(echo $2)
wanted: $(echo $3)"
    fi
}

expect bash-completes-command "$(complete_bash hclc bu)" build
expect bash-completes-commands "$(complete_bash hclc '')" "$(printf '%s\n' $commands | sort)"
expect bash-completes-targets "$(complete_bash hclc build -t '')" "$(printf '%s\n' $targets | sort)"
expect bash-completes-target-after-equals "$(complete_bash hclc build --target = cloud)" \
    "$(printf 'cloudformation\ncloudformation-yaml')"
expect bash-completes-workspaces "$(complete_bash "$HCLC" build samples/hello -w '')" \
    "$("$HCLC" workspaces samples/hello | sort)"
expect bash-completes-workspaces-of-dot "$(cd samples/gitana && complete_bash "$HCLC" validate -w '')" \
    "$("$HCLC" workspaces samples/gitana | sort)"
expect bash-completes-diagnostics "$(complete_bash hclc validate --diagnostics '')" \
    "$(printf 'json\ntext')"
expect bash-completes-paths "$(complete_bash hclc build samples/hel)" samples/hello
problems=
for c in $commands; do
    offered=$(complete_bash hclc "$c" --)
    for o in $(command_options "$c") $global_options; do
        printf '%s\n' "$offered" | grep -qx -- "$o" || problems="$problems $c:$o"
    done
done
report bash-completes-every-option "$problems"

# --- zsh completion ----------------------------------------------------------

# The command list comes from `hclc help`; a command without its own case
# gets the options of its usage lines, so only the spelled-out ones are read:
# each case with the $global (and $input, when it uses it) arrays.
zsh_specs() {
    local block
    block=$(sed -n "/^ *$1)\$/,/;;/p" "$ZSH_COMP")
    [ -n "$block" ] || return 1
    sed -n '/^  global=(/,/^  )/p' "$ZSH_COMP"
    case $block in *'$input'*) sed -n '/^  input=(/,/^  )/p' "$ZSH_COMP" ;; esac
    printf '%s\n' "$block"
}
problems=
for t in $targets; do grep -q "'$t:" "$ZSH_COMP" || problems="$problems target $t"; done
for c in $commands; do
    specs=$(zsh_specs "$c") || continue
    for o in $(command_options "$c") $global_options; do
        printf '%s\n' "$specs" | grep -qE -- "(^|[^a-z-])$o([^a-z-]|\$)" ||
            problems="$problems $c:$o"
    done
done
if command -v zsh >/dev/null 2>&1; then
    zsh -n "$ZSH_COMP" 2>/dev/null || problems="$problems (zsh -n fails)"
fi
report zsh-completion-names-everything "$(printf '%s\n' $problems | sort -u | tr '\n' ' ' | sed 's/ *$//')"
