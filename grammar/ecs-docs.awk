# grammar/ecs-docs.awk - writes docs/ecs.md, the reference of every block and
# member of task_definition, from grammar/ecs-schema.txt (its format is at the
# top of that file) and the ECS codes of compiler/base/diag_codes.h.
#
#   awk -f grammar/ecs-docs.awk grammar/ecs-schema.txt compiler/base/diag_codes.h > docs/ecs.md
#
# POSIX awk only (Debian's mawk runs it); `make docs` runs it.

function fail(msg) {
    printf "%s:%d: %s\n", FILENAME, FNR, msg > "/dev/stderr"
    failed = 1
    exit 1
}

# The text of s safe inside a Markdown table cell.
function cell(s) {
    gsub(/\|/, "\\|", s)
    return s
}

function code(s) {
    return "`" cell(s) "`"
}

# The GitHub anchor of a shape's heading (its name, lower-cased).
function anchor(shape) {
    return "#" tolower(shape)
}

function add_member(shape, line) {
    n = ++nmem[shape]
    mem[shape, n] = line
}

# --- reading the schema --------------------------------------------------

FILENAME == ARGV[1] && /^[ \t]*(#|$)/ { next }

FILENAME == ARGV[1] && $1 == "shape" {
    cur = $2
    order[++nshapes] = cur
    nmem[cur] = 0
    if (NF == 4) {
        base[cur] = $4
        for (i = 1; i <= nmem[$4]; i++)
            add_member(cur, mem[$4, i])
        own_from[cur] = nmem[cur] + 1
    } else {
        own_from[cur] = 1
    }
    next
}

FILENAME == ARGV[1] && $1 == "export" { next }

FILENAME == ARGV[1] {
    if (cur == "" || NF < 4)
        fail("expected: API SNAKE CFN TYPE [ATTR...]")
    add_member(cur, $0)
    next
}

# --- reading the codes ---------------------------------------------------

# X(560, ECS_FARGATE_SIZE, "summary") /* SIZE-3 */ \
FILENAME == ARGV[2] && /X\([0-9]+, *ECS_/ {
    line = $0
    sub(/^[^X]*X\(/, "", line)
    num = line
    sub(/,.*/, "", num)
    what = line
    sub(/^[^"]*"/, "", what)
    sub(/".*/, "", what)
    ids = ""
    if (index(line, "/*") > 0) {
        ids = substr(line, index(line, "/*") + 2)
        sub(/\*\/.*/, "", ids)
        gsub(/^ +| +$/, "", ids)
    }
    codes[++ncodes] = num
    code_what[num + 0] = what
    code_ids[num + 0] = ids
    next
}

# --- writing -------------------------------------------------------------

# Splits member line `line` into f[] and its attributes into attr[].
function parse_member(line,    i, nf, a, k) {
    for (k in attr)
        delete attr[k]
    nf = split(line, f, /[ \t]+/)
    for (i = 5; i <= nf; i++) {
        a = f[i]
        k = index(a, "=")
        if (k > 0)
            attr[substr(a, 1, k - 1)] = substr(a, k + 1)
        else
            attr[a] = "yes"
    }
}

function is_shape_name(t) {
    return t != "string" && t != "integer" && t != "boolean"
}

function type_text(t,    inner) {
    if (t ~ /^list<.*>$/) {
        inner = substr(t, 6, length(t) - 6)
        return "list of " type_text(inner)
    }
    if (t == "map<string>")
        return "object of strings"
    if (is_shape_name(t))
        return "[" t "](" anchor(t) ")"
    return t
}

# The allowed values of an enum attribute, as text.
function enum_text(val, open,    n, v, i, out) {
    n = split(val, v, ",")
    out = ""
    for (i = 1; i <= n; i++) {
        out = out (i > 1 ? ", " : "") code(v[i])
        if (v[i] ~ /:$/)
            out = out "…"
    }
    if (open)
        return "documented: " out " (others warn)"
    return "one of " out
}

# min/max as text: characters for strings, items for lists, a range else.
function range_text(t, unit,    lo, hi) {
    lo = ("min" in attr) ? attr["min"] : ""
    hi = ("max" in attr) ? attr["max"] : ""
    if (lo == "" && hi == "")
        return ""
    if (lo != "" && hi != "")
        return lo "–" hi unit
    if (lo == "1" && unit != "")
        return "not empty"
    if (lo != "")
        return "at least " lo unit
    return "at most " hi unit
}

function limits_text(t,    parts, unit) {
    parts = ""
    unit = ""
    if (t == "string")
        unit = " characters"
    else if (t ~ /^list</)
        unit = " items"
    if (range_text(t, unit) != "")
        parts = range_text(t, unit)
    if ("enum" in attr)
        parts = parts (parts != "" ? "; " : "") enum_text(attr["enum"], "open_enum" in attr)
    if ("unique" in attr)
        parts = parts (parts != "" ? "; " : "") "items distinct"
    if ("pattern" in attr)
        parts = parts (parts != "" ? "; " : "") "matches " code(attr["pattern"])
    return parts
}

# Appends code c to the list `out` unless it is there already.
function add_code(out, c) {
    return index(out " ", " " c " ") ? out : out " " c
}

# The codes of the schema checks a member gets from its attributes (as
# compiler/ecs/check_schema.c reports them: tags and the image have their own
# codes for length and pattern), then those of its rules= attribute. A
# read-only member gets E0501 and no other check.
function checks_text(shape, t,    out, strcode, n, v, i) {
    out = ""
    strcode = ""
    if (shape == "Tag")
        strcode = "E0512"
    else if (shape == "ContainerDefinition" && f[1] == "image")
        strcode = "E0511"
    if ("read_only" in attr)
        return "E0501"
    if ("required" in attr)
        out = add_code(out, "E0505")
    if ("enum" in attr)
        out = add_code(out, ("open_enum" in attr) ? "E0507" : "E0506")
    if ("unique" in attr)
        out = add_code(out, "E0508")
    if ("pattern" in attr)
        out = add_code(out, strcode != "" ? strcode : "E0509")
    if (t == "string" && (("min" in attr) || ("max" in attr)))
        out = add_code(out, strcode != "" ? strcode : "E0510")
    if (t ~ /^list</ && (("min" in attr) || ("max" in attr)))
        out = add_code(out, "E0513")
    if (t == "integer" && (("min" in attr) || ("max" in attr)))
        out = add_code(out, "E0514")
    if (t == "map<string>")
        out = add_code(out, "E0515")
    if ("rules" in attr) {
        n = split(attr["rules"], v, ",")
        for (i = 1; i <= n; i++) {
            if (!((substr(v[i], 2) + 0) in code_what))
                bad_code(shape "." f[1] ": rules= names " v[i] ", which diag_codes.h lacks")
            out = add_code(out, v[i])
        }
    }
    sub(/^ /, "", out)
    gsub(/ /, ", ", out)
    return out
}

function bad_code(msg) {
    printf "grammar/ecs-schema.txt: %s\n", msg > "/dev/stderr"
    failed = 1
    exit 1
}

# How .hcl writes member f[] of a shape: the attribute, and its block form.
function hcl_text(t,    out) {
    out = code(f[2])
    if ("block" in attr) {
        if (t ~ /^list</)
            out = out ", or repeated blocks " code(attr["block"] (("label" in attr) ? " \"" toupper(attr["label"]) "\"" : "") " { }")
        else
            out = out ", or the block " code(attr["block"] " { }")
    }
    if ("map" in attr) {
        split(attr["map"], mv, ",")
        out = out ", or an object " code("{" mv[1] " = " mv[2] "}")
    }
    return out
}

function print_member(shape, line,    t) {
    parse_member(line)
    t = f[4]
    printf "| %s | %s | %s | %s | %s | %s | %s |\n", hcl_text(t), code(f[1]),
        (f[3] == "-" ? "—" : code(f[3])), type_text(t), ("required" in attr) ? "yes" : "",
        limits_text(t), checks_text(shape, t)
}

# Where the members of `shape` appear: "member X of [Parent](#parent)".
function used_by(shape,    s, m, out, t) {
    out = ""
    for (s = 1; s <= nshapes; s++) {
        for (m = own_from[order[s]]; m <= nmem[order[s]]; m++) {
            parse_member(mem[order[s], m])
            t = f[4]
            sub(/^list</, "", t)
            sub(/>$/, "", t)
            if (t == shape)
                out = out (out != "" ? ", " : "") code(f[1]) " of [" order[s] "](" anchor(order[s]) ")"
        }
    }
    return out
}

function print_shape(shape,    m, u) {
    printf "\n## %s\n\n", shape
    if (shape == "RegisterTaskDefinitionRequest")
        print "The body of a `task_definition \"NAME\"` block: the request of `aws ecs register-task-definition`."
    else if (shape in base)
        printf "What `aws ecs describe-task-definition` returns: the members of [%s](%s) and these, which `register-task-definition` refuses. `hclc validate` names them (E0501, a warning in describe output) and checks nothing else of them.\n", base[shape], anchor(base[shape])
    else if ((u = used_by(shape)) != "")
        printf "Used by %s.\n", u
    print ""
    print "| .hcl | API | CloudFormation | type | required | values and limits | checked by |"
    print "|---|---|---|---|---|---|---|"
    for (m = own_from[shape]; m <= nmem[shape]; m++)
        print_member(shape, mem[shape, m])
}

function print_intro(    s) {
    print "# The ECS target: every member of `task_definition`"
    print ""
    print "<!-- Generated by grammar/ecs-docs.awk from grammar/ecs-schema.txt and"
    print "     compiler/base/diag_codes.h (make docs): do not edit by hand. -->"
    print ""
    print "A `task_definition \"NAME\"` block compiles to the request of"
    print "`aws ecs register-task-definition`. This page lists every member it may"
    print "hold, shape by shape, as the ECS API model defines it and hclc checks it."
    print "How to write task definitions is in [language.md](language.md#task-definitions);"
    print "what each code means is in [diagnostics.md](diagnostics.md)."
    print ""
    print "- **.hcl**: the member in snake_case. The API's own spelling works too"
    print "  (`networkMode` for `network_mode`), also inside object values and pasted"
    print "  JSON. A member whose value is an object or a list of objects may be"
    print "  written as a block (`log_configuration { ... }`), or as repeated blocks"
    print "  (`port_mapping { ... }` once per item; a label sets the member named),"
    print "  or as an attribute (`port_mappings = [{ container_port = 80 }]`), never"
    print "  both. Some lists of name/value pairs may be written as an object"
    print "  (`environment = { WORKERS = 4 }`); their values are turned into strings"
    print "  (`4` becomes `\"4\"`). Keys of objects of strings (`options`,"
    print "  `docker_labels`, `driver_opts`, `labels`) are never renamed."
    print "- Task `cpu` and `memory` are strings in the API; in .hcl they also take"
    print "  numbers, `\"0.5 vCPU\"` and `\"2 GB\"`, and are written as CPU units and MiB."
    print "- **API**: the JSON name in the output of `-t task-definition`."
    print "- **CloudFormation**: the property name in `-t cloudformation` (— when"
    print "  CloudFormation has none)."
    print "- **values and limits**: an integer's range, a string's length in"
    print "  characters (code points), a list's number of items, the allowed values"
    print "  (case-sensitive; a value ending in `:` allows any text after it), and the"
    print "  pattern (PCRE2) the whole string must match."
    print "- **checked by**: the codes of the checks on this member. Every member is"
    print "  also checked for its JSON type (E0502), for `null` (E0503), integers for"
    print "  32 bits (E0504), and a member the API does not have is an error (E0500)."
    print "  The [rules](#rules) that relate several members are listed at the end."
    print ""
    print "Shapes:"
    print ""
    for (s = 1; s <= nshapes; s++)
        printf "- [%s](%s)\n", order[s], anchor(order[s])
    print "- [Rules](#rules)"
}

function print_rules(    i, c, ids, kind) {
    print ""
    print "## Rules"
    print ""
    print "Errors are what AWS rejects (at registration, in the AWS CLI's own checks,"
    print "or at CloudFormation create); warnings are what AWS accepts but fails or"
    print "misbehaves at run time. `--strict` makes warnings errors. The rule ids"
    print "are those of the project's ECS rules reference; `hclc` marks its own."
    print ""
    print "| code | what | rule | kind |"
    print "|---|---|---|---|"
    for (i = 1; i <= ncodes; i++) {
        c = codes[i] + 0
        if (c + 0 < 500 || c + 0 > 699)
            continue
        ids = code_ids[c]
        kind = "error"
        if (ids ~ / W$/) {
            kind = "warning"
            sub(/ W$/, "", ids)
        }
        printf "| E%04d | %s | %s | %s |\n", c, cell(code_what[c]), cell(ids), kind
    }
}

END {
    if (failed)
        exit 1
    if (nshapes == 0 || ncodes == 0) {
        print "ecs-docs.awk: give grammar/ecs-schema.txt and compiler/base/diag_codes.h" > "/dev/stderr"
        exit 1
    }
    print_intro()
    for (s = 1; s <= nshapes; s++)
        print_shape(order[s])
    print_rules()
}
