// functions.c - the signature and one line on each function of the
// library, for hover and completion (docs/language.md#functions groups
// them; the semantics are Terraform's unless noted there). A check in the
// tests makes sure every function of funcs/ has its line here.
#include "lsp/lsp_impl.h"

#include <string.h>

static const struct {
    const char *name, *doc;
} FUNCTION_DOCS[] = {
    {"abs", "abs(number) number — the absolute value"},
    {"alltrue", "alltrue(list of bool) bool — true when every element is true"},
    {"anytrue", "anytrue(list of bool) bool — true when some element is true"},
    {"base64decode", "base64decode(string) string — decodes Base64 into UTF-8 text"},
    {"base64encode", "base64encode(string) string — encodes the text's bytes in Base64"},
    {"basename", "basename(path) string — the last part of a path"},
    {"can", "can(expression) bool — true when the expression evaluates without error"},
    {"ceil", "ceil(number) number — the smallest integer not below the number"},
    {"cfn_and",
     "cfn_and(condition, condition, ...) — Fn::And of 2 to 10 conditions (CloudFormation targets)"},
    {"cfn_base64", "cfn_base64(text) — Fn::Base64 (CloudFormation targets)"},
    {"cfn_cidr", "cfn_cidr(ip_block, count, cidr_bits) — Fn::Cidr, a list of CIDR blocks "
                 "(CloudFormation targets)"},
    {"cfn_condition", "cfn_condition(name) — a condition of the cloudformation block, inside "
                      "conditions (CloudFormation targets)"},
    {"cfn_equals", "cfn_equals(a, b) — Fn::Equals, a condition (CloudFormation targets)"},
    {"cfn_find_in_map",
     "cfn_find_in_map(map, top_key, second_key) — Fn::FindInMap (CloudFormation targets)"},
    {"cfn_get_att", "cfn_get_att(resource, attribute) — Fn::GetAtt (CloudFormation targets)"},
    {"cfn_get_azs", "cfn_get_azs(region) — Fn::GetAZs, a list; \"\" is the stack's region "
                    "(CloudFormation targets)"},
    {"cfn_if", "cfn_if(condition, a, b) — Fn::If: a when the named condition holds, else b "
               "(CloudFormation targets)"},
    {"cfn_import_value", "cfn_import_value(name) — Fn::ImportValue (CloudFormation targets)"},
    {"cfn_join", "cfn_join(separator, list) — Fn::Join (CloudFormation targets)"},
    {"cfn_not", "cfn_not(condition) — Fn::Not, a condition (CloudFormation targets)"},
    {"cfn_or",
     "cfn_or(condition, condition, ...) — Fn::Or of 2 to 10 conditions (CloudFormation targets)"},
    {"cfn_ref", "cfn_ref(name) — Ref to a parameter or resource (CloudFormation targets)"},
    {"cfn_select", "cfn_select(index, list) — Fn::Select (CloudFormation targets)"},
    {"cfn_split",
     "cfn_split(delimiter, text) — Fn::Split, a list of strings (CloudFormation targets)"},
    {"cfn_sub", "cfn_sub(template, [variables]) — Fn::Sub (CloudFormation targets)"},
    {"chomp", "chomp(string) string — removes line endings at the end"},
    {"coalesce", "coalesce(values...) — the first argument that is not null or \"\""},
    {"coalescelist", "coalescelist(lists...) list — the first list that is not empty"},
    {"compact", "compact(list of string) list — the list without null and \"\" elements"},
    {"concat", "concat(lists...) list — the lists joined into one"},
    {"contains", "contains(list, value) bool — true when the list holds the value"},
    {"csvdecode", "csvdecode(string) list of object — CSV rows keyed by the header row"},
    {"dirname", "dirname(path) string — the path without its last part"},
    {"distinct", "distinct(list) list — the list without repeated elements"},
    {"element", "element(list, index) — the element at index, wrapping around"},
    {"endswith", "endswith(string, suffix) bool — true when the string ends with suffix"},
    {"env", "env(name, [default]) string — an environment variable of the build"},
    {"file", "file(path) string — the contents of a file of the project (UTF-8)"},
    {"fileexists", "fileexists(path) bool — true when a regular file exists at path"},
    {"flatten", "flatten(list) list — nested lists flattened into one"},
    {"floor", "floor(number) number — the largest integer not above the number"},
    {"format", "format(spec, values...) string — printf-style formatting"},
    {"formatlist", "formatlist(spec, values...) list — format() applied element-wise"},
    {"indent", "indent(spaces, string) string — indents every line but the first"},
    {"index", "index(list, value) number — the index of the value in the list"},
    {"join", "join(separator, list) string — the elements joined with separator"},
    {"jsondecode", "jsondecode(string) — the value of a JSON text"},
    {"jsonencode", "jsonencode(value) string — the value as compact JSON"},
    {"keys", "keys(object) list — the keys in lexical order"},
    {"length", "length(value) number — elements of a list or object, characters of a string"},
    {"lookup", "lookup(object, key, [default]) — the value at key, else default"},
    {"lower", "lower(string) string — the text in lower case"},
    {"max", "max(numbers...) number — the largest number"},
    {"merge", "merge(objects...) object — the objects merged, later keys win"},
    {"min", "min(numbers...) number — the smallest number"},
    {"one", "one(list) — the only element of a list of 0 or 1 element (null when empty)"},
    {"parseint", "parseint(string, base) number — an integer written in base 2 to 62"},
    {"range", "range([start], limit, [step]) list — a list of numbers"},
    {"regex", "regex(pattern, string) — the first match (captures as list or object)"},
    {"regexall", "regexall(pattern, string) list — every match"},
    {"replace", "replace(string, search, replacement) string — substring or /regex/ replaced"},
    {"reverse", "reverse(list) list — the list in reverse order"},
    {"setunion", "setunion(lists...) list — the distinct elements of all the lists"},
    {"signum", "signum(number) number — -1, 0 or 1"},
    {"slice", "slice(list, start, end) list — the elements from start to end (exclusive)"},
    {"sort", "sort(list of string) list — the strings in lexical order"},
    {"split", "split(separator, string) list — the parts between separators"},
    {"startswith", "startswith(string, prefix) bool — true when the string starts with prefix"},
    {"strlen", "strlen(string) number — the number of characters"},
    {"substr", "substr(string, offset, length) string — a part of the text, in characters"},
    {"templatefile", "templatefile(path, vars) string — a template file rendered with vars"},
    {"title", "title(string) string — the first letter of each word in upper case"},
    {"tobool", "tobool(value) bool — a bool or the strings \"true\"/\"false\""},
    {"tolist", "tolist(value) list — the value as a list"},
    {"tomap", "tomap(value) object — the value as a map"},
    {"tonumber", "tonumber(value) number — a number or a string holding one"},
    {"toset", "toset(list) list — the distinct elements"},
    {"tostring", "tostring(value) string — a string, number or bool as a string"},
    {"trim", "trim(string, characters) string — the characters removed at both ends"},
    {"trimprefix", "trimprefix(string, prefix) string — prefix removed once"},
    {"trimspace", "trimspace(string) string — white space removed at both ends"},
    {"trimsuffix", "trimsuffix(string, suffix) string — suffix removed once"},
    {"try", "try(expressions...) — the first expression that evaluates without error"},
    {"type", "type(value) string — the name of the value's type"},
    {"upper", "upper(string) string — the text in upper case"},
    {"urlencode", "urlencode(string) string — the text escaped for a URL query"},
    {"values", "values(object) list — the values in the lexical order of their keys"},
    {"yamldecode", "yamldecode(string) — the value of a YAML text"},
    {"yamlencode", "yamlencode(value) string — the value as YAML"},
    {"zipmap", "zipmap(keys, values) object — an object from a list of keys and of values"},
};

#define NDOCS (sizeof FUNCTION_DOCS / sizeof FUNCTION_DOCS[0])

const char *lsp_function_doc(const char *name)
{
    for (size_t i = 0; i < NDOCS; i++)
        if (strcmp(FUNCTION_DOCS[i].name, name) == 0)
            return FUNCTION_DOCS[i].doc;
    return NULL;
}

const char *lsp_function_name(size_t i)
{
    return i < NDOCS ? FUNCTION_DOCS[i].name : NULL;
}
