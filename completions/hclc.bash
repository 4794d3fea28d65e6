# hclc.bash - bash completion for hclc: commands and each command's options
# (read from `hclc help`), the values of -t, --diagnostics and --color,
# workspace names for -w (from `hclc workspaces` of the PATH on the line,
# else "."), and files for paths. Installed as
# share/bash-completion/completions/hclc; needs bash, sed and grep.
# tests/checks/cli-docs.sh drives it.

_hclc_targets="task-definition container-definitions json cloudformation cloudformation-yaml tfvars tfvars-json"

# The commands, and each command's options, come from the program itself
# (`hclc help`, `hclc help COMMAND`), so a new command completes at once.
_hclc_help()
{
    local bin=${COMP_WORDS[0]}
    "${bin/#\~/$HOME}" help "$@" 2>/dev/null
}

# The commands `hclc help` lists as implemented.
_hclc_commands()
{
    _hclc_help | sed -n '/^commands:/,/^$/s/^  \([a-z][a-z-]*\).*/\1/p'
}

# The options of command $1 (from its usage lines and its option list) and
# the global ones.
_hclc_options()
{
    [[ -n $1 ]] && _hclc_help "$1" | sed -n '1,/^$/p; /^options/q; /^  -/p' |
        grep -oE -- '(^|[[ |,])--?[a-z][a-z-]*' | sed 's/^[[ |,]//; s/^-w$/-w\n--workspace/;
            s/^-t$/-t\n--target/'
    _hclc_help | sed -n '/^options/,/^$/p' | grep -E '^  -' | grep -oE -- '(^|[ ,])--?[a-z][a-z-]*' |
        sed 's/^[ ,]//'
}

# Options that take the next word as their value.
_hclc_takes_value()
{
    case $1 in
    -w | --workspace | --var | --var-file | -t | --target | -o | --output | --root | --task | \
        --out-dir | --max-errors | --diagnostics | --color | --max-memory) return 0 ;;
    esac
    return 1
}

# Sets _hclc_cmd to the command on the line and _hclc_path to its first
# argument (the PATH, before or after the cursor), skipping options, their
# values and the word being completed.
_hclc_scan_line()
{
    _hclc_cmd= _hclc_path=
    local i word
    for ((i = 1; i < ${#COMP_WORDS[@]}; i++)); do
        word=${COMP_WORDS[i]}
        if ((i == COMP_CWORD)); then
            continue
        elif [[ $word == "=" ]]; then
            ((i++))
        elif [[ $word == -* ]]; then
            [[ ${COMP_WORDS[i + 1]} == "=" ]] && continue
            _hclc_takes_value "$word" && ((i++))
        elif [[ -z $_hclc_cmd ]]; then
            ((i < COMP_CWORD)) || break # the command is being typed
            _hclc_cmd=$word
        elif [[ -z $_hclc_path ]]; then
            _hclc_path=$word
        fi
    done
}

# The workspaces that the project on the line declares.
_hclc_workspaces()
{
    local bin=${COMP_WORDS[0]}
    "${bin/#\~/$HOME}" workspaces "${_hclc_path:-.}" 2>/dev/null
}

_hclc_files()
{
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -f -- "$1"))
}

_hclc_dirs()
{
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -d -- "$1"))
}

# Completes the value of option $1; returns 1 when $1 takes none.
_hclc_value()
{
    local opt=$1 cur=$2
    case $opt in
    -t | --target) COMPREPLY=($(compgen -W "$_hclc_targets" -- "$cur")) ;;
    --diagnostics) COMPREPLY=($(compgen -W "text json" -- "$cur")) ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")) ;;
    -w | --workspace) COMPREPLY=($(compgen -W "$(_hclc_workspaces)" -- "$cur")) ;;
    --var-file | -o) _hclc_files "$cur" ;;
    --root | --out-dir) _hclc_dirs "$cur" ;;
    --var | --output | --task | --max-errors) COMPREPLY=() ;;
    *) return 1 ;;
    esac
    return 0
}

_hclc()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
    COMPREPLY=()
    # "--target=<TAB>": bash splits the word at "=".
    if [[ $cur == "=" ]]; then
        _hclc_value "$prev" "" && return 0
    elif [[ $prev == "=" && $COMP_CWORD -ge 2 ]]; then
        _hclc_value "${COMP_WORDS[COMP_CWORD - 2]}" "$cur" && return 0
    fi
    _hclc_scan_line
    if _hclc_takes_value "$prev"; then
        _hclc_value "$prev" "$cur"
        return 0
    fi
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_hclc_options "$_hclc_cmd" | sort -u)" -- "$cur"))
        return 0
    fi
    case $_hclc_cmd in
    "") COMPREPLY=($(compgen -W "$(_hclc_commands)" -- "$cur")) ;;
    help) [[ -z $_hclc_path ]] && COMPREPLY=($(compgen -W "$(_hclc_commands)" -- "$cur")) ;;
    version) ;;
    *) _hclc_files "$cur" ;;
    esac
    return 0
}

complete -F _hclc hclc
