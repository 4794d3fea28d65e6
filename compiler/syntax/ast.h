// ast.h - the syntax tree built by the parser.
//
// Every node carries the span of the whole construct; some carry extra spans
// for diagnostics (attribute names, block labels, braces). Lists are arrays
// in the arena. The tree is read-only after parsing.
#ifndef HCLC_AST_H
#define HCLC_AST_H

#include <stdbool.h>
#include <stdint.h>

#include "base/source.h"

// X(NAME, "display name")
#define NODE_KIND_LIST(X)                                                                          \
    X(NULL, "null")                                                                                \
    X(BOOL, "bool")                                                                                \
    X(NUMBER, "number")                                                                            \
    X(TEMPLATE, "template")         /* quoted string or heredoc: parts */                          \
    X(STRING_LIT, "string literal") /* a literal part of a template, or literal text alone */      \
    X(TEMPLATE_IF, "template if")   /* %<if>...%<else>...%<endif> */                               \
    X(TEMPLATE_FOR, "template for") /* %<for k, v in e>...%<endfor> */                             \
    X(VARIABLE, "variable")         /* a bare name: var, local, each item... */                    \
    X(GETATTR, "attribute access")  /* a.b */                                                      \
    X(INDEX, "index")               /* a[i] */                                                     \
    X(SPLAT, "splat")               /* a[*].b: each applied to every element */                    \
    X(SPLAT_ITEM, "splat item")     /* stands for the element inside `each` */                     \
    X(CALL, "function call")                                                                       \
    X(TUPLE, "tuple")                                                                              \
    X(OBJECT, "object")                                                                            \
    X(UNARY, "unary operation")                                                                    \
    X(BINARY, "binary operation")                                                                  \
    X(CONDITIONAL, "conditional")                                                                  \
    X(FOR, "for expression")                                                                       \
    X(PAREN, "parenthesized expression")

typedef enum NodeKind {
#define X(name, display) NODE_##name,
    NODE_KIND_LIST(X)
#undef X
} NodeKind;

// The number of kinds (kept out of the enum so switches need not name it).
#define X(name, display) +1
enum { NODE__COUNT = 0 NODE_KIND_LIST(X) };
#undef X

typedef enum Operator {
    OP_NOT,
    OP_NEG, // unary ! and -
    OP_MUL,
    OP_DIV,
    OP_MOD, // level 6
    OP_ADD,
    OP_SUB, // level 5
    OP_GT,
    OP_GE,
    OP_LT,
    OP_LE, // level 4
    OP_EQ,
    OP_NE,  // level 3
    OP_AND, // level 2
    OP_OR,  // level 1
} Operator;

typedef struct Node Node;

typedef struct NodeList {
    Node **items;
    uint32_t count;
} NodeList;

typedef struct ObjectItem {
    Node *key; // NODE_STRING_LIT for a bare identifier or a quoted key
               // without interpolation; a NODE_TEMPLATE for one with it;
               // any expression for a parenthesised key
    Node *value;
    bool key_ident; // the key was written as a bare identifier
    Span span;      // key through value
} ObjectItem;

// The rare variants, boxed so that they do not make every node larger.
typedef struct TemplateIf {
    Node *cond;
    NodeList then_parts, else_parts;
    bool has_else;
} TemplateIf;

typedef struct TemplateFor {
    const char *key_var; // NULL when only one variable is named
    const char *value_var;
    Node *coll;
    NodeList body;
} TemplateFor;

typedef struct ForExpr {
    const char *key_var; // NULL when only one variable is named
    const char *value_var;
    Node *coll;
    Node *key_expr; // object form only ({for ... : k => v})
    Node *value_expr;
    Node *cond; // NULL without `if`
    bool is_object;
    bool group; // object form with `...` after the value
} ForExpr;

// 48 bytes: the largest variant holds 32 (the tree of a large project
// holds millions of nodes).
struct Node {
    NodeKind kind;
    Span span;
    union {
        bool boolean; // BOOL
        struct {
            const char *text;
            double value;
        } number; // NUMBER: as written, and parsed
        struct {
            NodeList parts;
            bool heredoc;
        } template; // TEMPLATE
        // STRING_LIT: decoded text (may be empty). A quoted string without
        // interpolation or directive is this one node, not a TEMPLATE: its
        // span holds the quotes and text_span the text between them; for a
        // part of a template or a bare object key the two are the same.
        struct {
            const char *text;
            uint32_t len;
            Span text_span;
        } str;
        TemplateIf *tif;   // TEMPLATE_IF
        TemplateFor *tfor; // TEMPLATE_FOR
        struct {
            const char *name;
        } var; // VARIABLE
        struct {
            Node *obj;
            const char *name;
            Span name_span;
        } getattr; // GETATTR
        struct {
            Node *obj;
            Node *key;
        } index; // INDEX
        struct {
            Node *source;
            Node *each;
        } splat; // SPLAT (each may be the SPLAT_ITEM itself)
        struct { // CALL (the name is where the span starts: ast_call_name_span)
            const char *name;
            NodeList args;
            uint32_t name_end; // byte offset after the name
            bool expand_final; // last argument followed by ...
        } call;
        struct {
            NodeList items;
        } tuple; // TUPLE
        struct {
            ObjectItem *items;
            uint32_t count;
        } object; // OBJECT
        struct {
            Operator op;
            Node *operand;
        } unary; // UNARY
        struct {
            Node *lhs, *rhs;
            Span op_span;
            Operator op;
        } binary; // BINARY
        struct {
            Node *cond, *then_expr, *else_expr;
        } cond;           // CONDITIONAL
        ForExpr *forexpr; // FOR
        struct {
            Node *inner;
        } paren; // PAREN
    } as;
};

// The span of a call's function name.
static inline Span ast_call_name_span(const Node *n)
{
    Span s = {n->span.file, n->span.start, n->as.call.name_end};
    return s;
}

typedef struct Body Body;

typedef struct Attribute {
    const char *name;
    Span name_span;
    Node *expr;
    Span span; // name through end of expression
} Attribute;

typedef struct BlockLabel {
    const char *text; // decoded label
    Span span;
    bool quoted; // written as "label" (else as an identifier)
} BlockLabel;

typedef struct Block {
    const char *type;
    Span type_span;
    BlockLabel *labels;
    uint32_t nlabels;
    Body *body;
    Span open_brace, close_brace;
    Span span; // type through closing brace
} Block;

typedef enum BodyItemKind { ITEM_ATTRIBUTE, ITEM_BLOCK } BodyItemKind;

typedef struct BodyItem {
    BodyItemKind kind;
    union {
        Attribute *attr;
        Block *block;
    } as;
} BodyItem;

struct Body {
    BodyItem *items; // in source order
    uint32_t count;
    Span span;
};

#endif
