# grammar/ecs-schema.awk - writes the C tables of compiler/ecs/schema.h from
# grammar/ecs-schema.txt (its format is described at the top of that file).
#
#   awk -f grammar/ecs-schema.awk grammar/ecs-schema.txt > ecs_schema.c
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

function add_member(shape, line) {
    n = ++nmem[shape]
    mem[shape, n] = line
    memline[shape, n] = FNR
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

END {
    if (failed)
        exit 1
    print "// Generated by grammar/ecs-schema.awk from grammar/ecs-schema.txt: do not edit."
    print "#include \"ecs/schema.h\""
    print ""
    print "#include <stddef.h>"
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
        printf "static const SchemaShape shape_%s = {%s, members_%s, %d};\n", name, cstr(name), name, ninits
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
