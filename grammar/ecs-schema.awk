# grammar/ecs-schema.awk - writes the C tables of compiler/ecs/schema.h from
# grammar/ecs-schema.txt (its format is described at the top of that file),
# or with -v slots=1 the enums of compiler/ecs/schema_slots.h: the position
# of each member of an exported shape.
#
#   awk -f grammar/ecs-schema.awk grammar/ecs-schema.txt > ecs_schema.c
#   awk -v slots=1 -f grammar/ecs-schema.awk grammar/ecs-schema.txt > schema_slots.h
#
# POSIX awk only (Debian's mawk runs it). A malformed line stops the build
# with "file:line: message" on stderr and exit status 1.

function fail(msg) {
    printf "%s:%d: %s\n", FILENAME, FNR, msg > "/dev/stderr"
    failed = 1
    exit 1
}

# The text of s as a C string literal.
function cstr(s,    out, i, ch) {
    out = ""
    for (i = 1; i <= length(s); i++) {
        ch = substr(s, i, 1)
        if (ch == "\\" || ch == "\"" || ch == "?")
            out = out "\\"
        out = out ch
    }
    return "\"" out "\""
}

function is_int(s) {
    return s ~ /^-?[0-9]+$/
}

function add_member(shape, line,    f) {
    n = ++nmem[shape]
    mem[shape, n] = line
    memline[shape, n] = FNR
    split(line, f, /[ \t]+/)
    api[shape, n] = f[1]
    snake[shape, n] = f[2]
    block[shape, n] = ""
    if (match(line, /[ \t]block=[^ \t]+/))
        block[shape, n] = substr(line, RSTART + 7, RLENGTH - 7)
    required[shape, n] = line ~ /[ \t]required([ \t]|$)/
}

# --- reading --------------------------------------------------------------

/^[ \t]*(#|$)/ { next }

$1 == "shape" {
    if (NF != 2 && !(NF == 4 && $3 == "extends"))
        fail("expected: shape NAME [extends OTHER]")
    cur = $2
    if (cur in defined)
        fail("shape " cur " defined twice")
    defined[cur] = 1
    order[++nshapes] = cur
    nmem[cur] = 0
    if (NF == 4) {
        if (!($4 in defined))
            fail("shape " $4 " must be defined before " cur " extends it")
        for (i = 1; i <= nmem[$4]; i++)
            add_member(cur, mem[$4, i])
    }
    next
}

$1 == "export" {
    if (NF != 3)
        fail("expected: export FUNCTION SHAPE")
    exports[++nexports] = $2
    export_shape[nexports] = $3
    next
}

{
    if (cur == "")
        fail("member outside a shape")
    if (NF < 4)
        fail("expected: API SNAKE CFN TYPE [ATTR...]")
    add_member(cur, $0)
}

# --- writing --------------------------------------------------------------

# The SchemaType initializer of a scalar or shape type name; sets used_shape.
function scalar_type(t, enum_ref, nenum) {
    if (t == "string")
        return "{.kind = SK_STRING, .enums = " enum_ref ", .nenums = " nenum "}"
    if (t == "integer")
        return "{.kind = SK_INTEGER}"
    if (t == "boolean")
        return "{.kind = SK_BOOLEAN}"
    if (t !~ /^[A-Za-z][A-Za-z0-9]*$/)
        return ""
    used_shape[t] = 1
    return "{.kind = SK_STRUCT, .shape = &shape_" t "}"
}

# Writes the helpers (enum array, element type) of one member and sets
# member_init to its initializer.
function member(shape, idx, line,    f, nf, i, a, key, val, t, inner, ty, id, enum_ref, nenum,
                vals, k, init, is_list) {
    nf = split(line, f, /[ \t]+/)
    if (f[1] == "")
        fail("member line starts with blanks: " line)
    id = ++nids
    enum_ref = "NULL"
    nenum = 0
    init = ".api = " cstr(f[1]) ", .snake = " cstr(f[2])
    init = init ", .cfn = " (f[3] == "-" ? "NULL" : cstr(f[3]))
    for (i = 5; i <= nf; i++) {
        a = f[i]
        key = a
        val = ""
        k = index(a, "=")
        if (k > 0) {
            key = substr(a, 1, k - 1)
            val = substr(a, k + 1)
        }
        if (key == "required" || key == "read_only" || key == "unique" || key == "open_enum") {
            init = init ", ." key " = true"
        } else if (key == "min" || key == "max") {
            if (!is_int(val))
                fail(f[1] ": " key " needs an integer")
            init = init ", .has_" key " = true, ." key " = " val
        } else if (key == "pattern") {
            init = init ", .pattern = " cstr(val)
        } else if (key == "block") {
            init = init ", .block = " cstr(val)
        } else if (key == "label") {
            init = init ", .label = " cstr(val)
        } else if (key == "map") {
            if (split(val, vals, ",") != 2)
                fail(f[1] ": map needs KEY,VALUE")
            init = init ", .map_key = " cstr(vals[1]) ", .map_value = " cstr(vals[2])
        } else if (key == "rules") {
            init = init ", .rules = " cstr(val) # hover in hclc lsp; docs/ecs.md
        } else if (key == "enum") {
            nenum = split(val, vals, ",")
            enum_ref = "enum_" id
            printf "static const char *const %s[] = {", enum_ref
            for (k = 1; k <= nenum; k++)
                printf "%s%s", (k > 1 ? ", " : ""), cstr(vals[k])
            printf "};\n"
        } else {
            fail(f[1] ": unknown attribute " a)
        }
    }
    t = f[4]
    is_list = t ~ /^list<.*>$/
    if (is_list || t == "map<string>") {
        inner = is_list ? substr(t, 6, length(t) - 6) : "string"
        ty = scalar_type(inner, enum_ref, nenum)
        if (ty == "")
            fail(f[1] ": bad type " t)
        printf "static const SchemaType elem_%d = %s;\n", id, ty
        init = init ", .type = {.kind = " (is_list ? "SK_LIST" : "SK_MAP") ", .elem = &elem_" id "}"
    } else {
        ty = scalar_type(t, enum_ref, nenum)
        if (ty == "")
            fail(f[1] ": bad type " t)
        init = init ", .type = " ty
    }
    if (nenum > 0 && inner != "string" && t != "string")
        fail(f[1] ": enum on a member that holds no strings")
    member_init = "{" init "}"
}

# The C initializer of the SchemaNames of one name of shape `name`'s
# members (`which`: api, snake or block); writes its two arrays first. The
# names are listed by length, then by position, so that a lookup compares
# a name only with the names of its length.
function names_index(name, which,    k, len, maxlen, pos, list, start, id, nm) {
    maxlen = 0
    for (k = 1; k <= nmem[name]; k++) {
        nm = which == "api" ? api[name, k] : which == "snake" ? snake[name, k] : block[name, k]
        names[k] = nm
        if (length(nm) > maxlen)
            maxlen = length(nm)
    }
    list = ""
    start = ""
    pos = 0
    for (len = 0; len <= maxlen + 1; len++) {
        start = start (len ? ", " : "") pos
        for (k = 1; k <= nmem[name] && len > 0; k++) {
            if (length(names[k]) != len)
                continue
            list = list (pos ? ", " : "") "{" cstr(names[k]) ", " (k - 1) "}"
            pos++
        }
    }
    id = which "_" name
    printf "static const SchemaName by_len_%s[] = {%s};\n", id, (pos ? list : "{NULL, 0}")
    printf "static const uint8_t start_%s[] = {%s};\n", id, start
    return "{by_len_" id ", start_" id ", " maxlen "}"
}

# The required members of shape `name` as a 64-bit mask in hexadecimal
# (awk numbers are doubles: the mask is built four bits at a time).
function required_mask(name,    k, nib, out, i) {
    for (i = 0; i < 16; i++)
        nib[i] = 0
    for (k = 1; k <= nmem[name]; k++) {
        if (!required[name, k])
            continue
        if (k > 64) {
            printf "%s: shape %s: a required member must be among the first 64\n", FILENAME,
                name > "/dev/stderr"
            exit 1
        }
        i = int((k - 1) / 4)
        nib[i] += 2 ^ ((k - 1) % 4)
    }
    out = ""
    for (i = 15; i >= 0; i--)
        out = out substr("0123456789abcdef", nib[i] + 1, 1)
    return "UINT64_C(0x" out ")"
}

# --- the slots header -----------------------------------------------------------

function camel(s,    out, i, ch, up) {
    out = ""
    up = 1
    for (i = 1; i <= length(s); i++) {
        ch = substr(s, i, 1)
        if (ch == "_") {
            up = 1
            continue
        }
        out = out (up ? toupper(ch) : ch)
        up = 0
    }
    return out
}

function write_slots(    e, fn, shape, prefix, k) {
    print "// schema_slots.h - generated by grammar/ecs-schema.awk (-v slots=1) from"
    print "// grammar/ecs-schema.txt; the build rewrites it when they change: commit it"
    print "// with them. The position of each member in an exported shape's table,"
    print "// PREFIX_SNAKE_NAME, for code that reads the members of an object classified"
    print "// once (ecs_members) instead of searching them by name."
    print "#ifndef HCLC_ECS_SCHEMA_SLOTS_H"
    print "#define HCLC_ECS_SCHEMA_SLOTS_H"
    for (e = 1; e <= nexports; e++) {
        fn = exports[e]
        shape = export_shape[e]
        if (fn !~ /^schema_[a-z_]+$/) {
            printf "%s: export %s: the function name must be schema_NAME\n", FILENAME,
                fn > "/dev/stderr"
            exit 1
        }
        prefix = toupper(substr(fn, 8))
        print ""
        printf "// %s(): %s\n", fn, shape
        printf "typedef enum %sSlot {\n", camel(substr(fn, 8))
        for (k = 1; k <= nmem[shape]; k++) {
            if (snake[shape, k] !~ /^[a-z][a-z0-9_]*$/) {
                printf "%s: %s: the snake_case name %s is no C name\n", FILENAME, api[shape, k],
                    snake[shape, k] > "/dev/stderr"
                exit 1
            }
            printf "    %s_%s,\n", prefix, toupper(snake[shape, k])
        }
        printf "    %s_COUNT, // the number of members\n", prefix
        printf "} %sSlot;\n", camel(substr(fn, 8))
    }
    print ""
    print "#endif"
}

END {
    if (failed)
        exit 1
    if (slots) {
        write_slots()
        exit 0
    }
    print "// Generated by grammar/ecs-schema.awk from grammar/ecs-schema.txt: do not edit."
    print "#include \"ecs/schema.h\""
    print ""
    print "#include <stddef.h>"
    print "#include <stdint.h>"
    print ""
    for (s = 1; s <= nshapes; s++)
        printf "static const SchemaShape shape_%s;\n", order[s]
    for (s = 1; s <= nshapes; s++) {
        name = order[s]
        print ""
        ninits = 0
        for (m = 1; m <= nmem[name]; m++) {
            FNR = memline[name, m]
            member(name, m, mem[name, m])
            inits[++ninits] = member_init
        }
        printf "static const SchemaMember members_%s[] = {\n", name
        for (m = 1; m <= ninits; m++)
            printf "    %s,\n", inits[m]
        printf "};\n"
        if (ninits > 255)
            fail("shape " name " has more than 255 members")
        idx_api = names_index(name, "api")
        idx_snake = names_index(name, "snake")
        idx_block = names_index(name, "block")
        printf "static const SchemaShape shape_%s = {%s, members_%s, %d, %s,\n", name, cstr(name), name, ninits, required_mask(name)
        printf "    %s, %s, %s};\n", idx_api, idx_snake, idx_block
    }
    for (t in used_shape) {
        if (!(t in defined)) {
            printf "%s: shape %s is used but not defined\n", FILENAME, t > "/dev/stderr"
            exit 1
        }
    }
    for (e = 1; e <= nexports; e++) {
        if (!(export_shape[e] in defined)) {
            printf "%s: exported shape %s is not defined\n", FILENAME, export_shape[e] > "/dev/stderr"
            exit 1
        }
        printf "\nconst SchemaShape *%s(void)\n{\n    return &shape_%s;\n}\n", exports[e], export_shape[e]
    }
}
