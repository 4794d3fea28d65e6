// parse.c - tokens to syntax tree; see parse.h for the contract. This file
// holds the entry points, the opener/closer pairing and the body grammar;
// expressions are in parse_expr.c, templates in parse_template.c, and the
// cursor, errors and limits they share in parse_impl.h.
//
// How parsing works. A Cursor walks the token array of one file; each
// grammar production of grammar/hclc.ebnf is one function, named
// after it, with the production as its comment. Binary operators go
// through one precedence-climbing loop driven by a priority table (Lua's
// subexpr). Newlines are tokens: in bodies they end attributes; inside the
// brackets of an expression and inside interpolations the cursor skips them
// (skip_nl), and tuples and objects use "a newline was skipped" as an item
// separator.
//
// Before parsing, one pass pairs every opener with its closer ('(' ')',
// '[' ']', '{' '}', and the template pairs, which the lexer keeps balanced).
// With that table an unclosed bracket or block is reported at its opener,
// a wrong closer names the opener, and recovery can jump over whole
// constructs. After an error the parser skips the rest of the body item
// (to the line break at the item's own level, or the closer of the
// enclosing block) and mutes further errors until the next item starts, so
// every independent error of a file is reported once. Tokens the lexer
// already reported (TOK_INVALID, text swallowed by an unterminated heredoc
// or comment) never produce a second message.
//
// Limits: every recursive rule, every link of an operator or traversal
// chain and every nested block or directive counts one level; past
// PARSE_MAX_DEPTH the parser reports E_NESTING_TOO_DEEP once and abandons
// the file, returning what it has built. So no input can overflow the C
// stack here or in later passes that walk the tree recursively.
#include "syntax/parse.h"

#include <stdlib.h>
#include <string.h>

#include "base/hash.h"
#include "syntax/parse_impl.h"

static Body *body(Cursor *c, uint32_t open);

// --- names ------------------------------------------------------------------

static const char *const node_names[] = {
#define X(name, display) display,
    NODE_KIND_LIST(X)
#undef X
};

const char *ast_kind_name(NodeKind kind)
{
    return (unsigned)kind < NODE__COUNT ? node_names[kind] : "?";
}

const char *ast_literal_text(const Node *n, uint32_t *len)
{
    if (n->kind == NODE_STRING_LIT) {
        if (len)
            *len = n->as.str.len;
        return n->as.str.text;
    }
    if (n->kind != NODE_TEMPLATE || n->as.template.parts.count > 1)
        return NULL;
    const Node *part = n->as.template.parts.count ? n->as.template.parts.items[0] : NULL;
    if (part && part->kind != NODE_STRING_LIT)
        return NULL;
    if (len)
        *len = part ? part->as.str.len : 0;
    return part ? part->as.str.text : "";
}

const char *ast_op_text(Operator op)
{
    static const char *const text[] = {
        [OP_NOT] = "!", [OP_NEG] = "-", [OP_MUL] = "*", [OP_DIV] = "/",  [OP_MOD] = "%",
        [OP_ADD] = "+", [OP_SUB] = "-", [OP_GT] = ">",  [OP_GE] = ">=",  [OP_LT] = "<",
        [OP_LE] = "<=", [OP_EQ] = "==", [OP_NE] = "!=", [OP_AND] = "&&", [OP_OR] = "||",
    };
    return (unsigned)op <= OP_OR ? text[op] : "?";
}

// --- opener/closer pairs ----------------------------------------------------

// What each token kind is to the pairing, looked up once per token (most
// tokens are neither). The closers are is_closer's (parse_impl.h).
enum { PAIR_NONE, PAIR_OPEN, PAIR_CLOSE };
static const unsigned char pair_role[TOK__COUNT] = {
    [TOK_LPAREN] = PAIR_OPEN,          [TOK_LBRACK] = PAIR_OPEN,   [TOK_LBRACE] = PAIR_OPEN,
    [TOK_OQUOTE] = PAIR_OPEN,          [TOK_OHEREDOC] = PAIR_OPEN, [TOK_INTERP_OPEN] = PAIR_OPEN,
    [TOK_DIRECTIVE_OPEN] = PAIR_OPEN,  [TOK_RPAREN] = PAIR_CLOSE,  [TOK_RBRACK] = PAIR_CLOSE,
    [TOK_RBRACE] = PAIR_CLOSE,         [TOK_CQUOTE] = PAIR_CLOSE,  [TOK_CHEREDOC] = PAIR_CLOSE,
    [TOK_TEMPLATE_CLOSE] = PAIR_CLOSE,
};

static bool is_opener(TokenKind k)
{
    return pair_role[k] == PAIR_OPEN;
}

static bool is_pair(TokenKind open, TokenKind close)
{
    return (open == TOK_LPAREN && close == TOK_RPAREN) ||
           (open == TOK_LBRACK && close == TOK_RBRACK) ||
           (open == TOK_LBRACE && close == TOK_RBRACE) ||
           (open == TOK_OQUOTE && close == TOK_CQUOTE) ||
           (open == TOK_OHEREDOC && close == TOK_CHEREDOC) ||
           ((open == TOK_INTERP_OPEN || open == TOK_DIRECTIVE_OPEN) && close == TOK_TEMPLATE_CLOSE);
}

// Finds the stack entry a closer of kind `k` closes: the nearest matching
// opener, not reaching out of a template for a bracket. Returns its index
// + 1, or 0 for a stray closer.
static size_t find_opener(const Token *toks, const uint32_t *stack, size_t n, TokenKind k)
{
    for (size_t j = n; j > 0; j--) {
        TokenKind ok = toks[stack[j - 1]].kind;
        if (is_pair(ok, k))
            return j;
        if (is_bracket_closer(k) && ok != TOK_LPAREN && ok != TOK_LBRACK && ok != TOK_LBRACE)
            return 0;
    }
    return 0;
}

// Pairs openers with closers: sets the partner of each token that has one
// (the lexer left every partner TOKEN_NO_PARTNER). A closer pairs with the
// nearest open opener of its kind; openers skipped over stay unmatched
// (unclosed), and a closer with no opener stays unmatched (stray).
// The pairs live in the tokens, not in an array of the parser's own: at 4
// bytes a token that array was a tenth of a large file's peak memory.
static void pair_tokens(Token *toks, uint32_t count)
{
    uint32_t *stack = NULL;
    size_t n = 0, cap = 0;
    for (uint32_t i = 0; i < count; i++) {
        TokenKind k = toks[i].kind;
        if (pair_role[k] == PAIR_NONE)
            continue;
        if (is_opener(k)) {
            BUF_RESERVE_HEAP(stack, n, cap);
            stack[n++] = i;
        } else {
            size_t j = find_opener(toks, stack, n, k);
            if (j) {
                toks[i].partner = stack[j - 1];
                toks[stack[j - 1]].partner = i;
                n = j - 1;
            }
        }
    }
    free(stack);
}

// --- bodies -----------------------------------------------------------------

// Builds a body: its items, on the cursor's scratch stack from `start`
// (as a NodeVec's: the bodies of nested blocks lie above while they grow)
// until body() copies them at their exact size; and for the duplicate
// check of a body of many attributes, an index of their names by hash.
typedef struct BodyBuilder {
    Body *body;
    uint32_t start;
    Attribute **slots; // open addressing; nslots is a power of two
    uint32_t nslots, nattrs;
} BodyBuilder;

// Attributes of a body searched in order for a duplicate, before the
// body gets an index: most bodies hold a few.
#define BODY_SCAN_MAX 8

// The first attribute named `name` among the body's items so far, or NULL.
static Attribute *find_attr(Cursor *c, const BodyBuilder *bb, const char *name)
{
    for (uint32_t i = bb->start; i < bb->start + bb->body->count; i++) {
        const BodyItem *it = &c->items[i];
        if (it->kind == ITEM_ATTRIBUTE && it->as.attr->name[0] == name[0] &&
            strcmp(it->as.attr->name, name) == 0)
            return it->as.attr;
    }
    return NULL;
}

static Attribute *hash_attr(Cursor *c, BodyBuilder *bb, Attribute *a);

// Returns the attribute already named like `a`, or records `a` and returns NULL.
static Attribute *seen_attr(Cursor *c, BodyBuilder *bb, Attribute *a)
{
    if (!bb->nslots && bb->nattrs < BODY_SCAN_MAX) {
        Attribute *first = find_attr(c, bb, a->name);
        bb->nattrs += first == NULL;
        return first;
    }
    if (!bb->nslots) { // index the attributes so far, first of each name
        bb->nattrs = 0;
        for (uint32_t i = bb->start; i < bb->start + bb->body->count; i++)
            if (c->items[i].kind == ITEM_ATTRIBUTE)
                hash_attr(c, bb, c->items[i].as.attr);
    }
    return hash_attr(c, bb, a);
}

// seen_attr through the index.
static Attribute *hash_attr(Cursor *c, BodyBuilder *bb, Attribute *a)
{
    if ((bb->nattrs + 1) * 2 > bb->nslots) {
        uint32_t n = bb->nslots ? bb->nslots * 2 : 4 * BODY_SCAN_MAX;
        Attribute **slots = arena_alloc(c->tree, (size_t)n * sizeof *slots);
        for (uint32_t i = 0; i < bb->nslots; i++) {
            if (!bb->slots[i])
                continue;
            uint32_t j = hash_fnv32(bb->slots[i]->name, strlen(bb->slots[i]->name)) & (n - 1);
            while (slots[j])
                j = (j + 1) & (n - 1);
            slots[j] = bb->slots[i];
        }
        bb->slots = slots;
        bb->nslots = n;
    }
    uint32_t j = hash_fnv32(a->name, strlen(a->name)) & (bb->nslots - 1);
    for (; bb->slots[j]; j = (j + 1) & (bb->nslots - 1))
        if (strcmp(bb->slots[j]->name, a->name) == 0)
            return bb->slots[j];
    bb->slots[j] = a;
    bb->nattrs++;
    return NULL;
}

static void add_item(Cursor *c, BodyBuilder *bb, BodyItem item)
{
    uint32_t at = bb->start + bb->body->count;
    if (at >= c->items_cap)
        c->items = parse_grow_scratch(c, c->items, &c->items_cap, sizeof *c->items);
    c->items[at] = item;
    bb->body->count++;
    c->items_top = at + 1;
}

// Copies the finished body's items from the stack to the arena.
static void finish_body(Cursor *c, BodyBuilder *bb)
{
    Body *b = bb->body;
    if (b->count) {
        b->items = arena_alloc(c->tree, (size_t)b->count * sizeof *b->items);
        memcpy(b->items, c->items + bb->start, (size_t)b->count * sizeof *b->items);
    }
    c->items_top = bb->start;
}

static void add_attr(Cursor *c, BodyBuilder *bb, Attribute *a)
{
    Attribute *first = seen_attr(c, bb, a);
    if (first) {
        Diag *g =
            error_at(c, E_DUPLICATE_ATTRIBUTE, a->name_span, "duplicate attribute \"%s\"", a->name);
        if (g)
            diag_note_at(c->diags, g, first->name_span, "first defined here");
    }
    BodyItem item = {.kind = ITEM_ATTRIBUTE, .as.attr = a};
    add_item(c, bb, item);
}

// attribute = IDENT , '=' , expression ;
static Attribute *attribute(Cursor *c)
{
    const Token *name = advance(c);
    if (!accept(c, TOK_EQUAL)) {
        Diag *g =
            expected(c, E_UNEXPECTED_TOKEN, arena_printf(c->arena, "'=' after \"%s\"", name->text));
        if (at(c, TOK_COLON))
            help(c, g, "attributes are set with '=': name = value");
        return NULL;
    }
    Node *e = parse_expr(c);
    if (!e)
        return NULL;
    Attribute *a = arena_alloc(c->tree, sizeof *a);
    a->name = name->text;
    a->name_span = tok_span(c, name);
    a->expr = e;
    a->span = span_join(tok_span(c, name), e->span);
    return a;
}

// True when a name followed by this token starts a block, not an attribute.
static bool starts_block(TokenKind k)
{
    return k == TOK_IDENT || k == TOK_OQUOTE || k == TOK_LBRACE;
}

// attribute line = attribute , { ',' , attribute } ,
//                  ( NEWLINE | EOF | [ ',' ] , ? followed by '}' ? ) ;
static bool attribute_line(Cursor *c, BodyBuilder *bb)
{
    for (;;) {
        Attribute *a = attribute(c);
        if (!a)
            return false;
        add_attr(c, bb, a);
        const Token *t = peek(c);
        if (t->kind == TOK_NEWLINE || t->kind == TOK_EOF || t->kind == TOK_RBRACE)
            return true;
        if (t->kind != TOK_COMMA) {
            if (t->kind == TOK_INVALID) {
                mute(c);
                return false;
            }
            Diag *g = error_at(c, E_EXPECTED_NEWLINE, tok_span(c, t),
                               "expected a line break after attribute \"%s\", found %s", a->name,
                               describe(c, t));
            help(c, g, "put each attribute on its own line, or separate them with ','");
            return false;
        }
        advance(c);
        t = peek(c);
        if (t->kind == TOK_RBRACE)
            return true;
        if (t->kind == TOK_IDENT && c->toks[c->pos + 1].kind == TOK_EQUAL)
            continue;
        if (t->kind == TOK_IDENT && starts_block(c->toks[c->pos + 1].kind)) {
            Diag *g = error_at(c, E_EXPECTED_NEWLINE, tok_span(c, t),
                               "block \"%s\" must start on its own line", t->text);
            help(c, g, "only attributes can share a line, separated by ','");
            return false;
        }
        Diag *g = expected(c, E_UNEXPECTED_TOKEN, "an attribute after ','");
        if (t->kind == TOK_NEWLINE)
            help(c, g, "remove the ',': a line break ends an attribute");
        return false;
    }
}

// block label = IDENT | plain string ;   plain string = OQUOTE , [ STRING_LIT ] , CQUOTE ;
static bool block_label(Cursor *c, BlockLabel *label)
{
    const Token *t = peek(c);
    label->span = tok_span(c, t);
    if (t->kind == TOK_IDENT) {
        advance(c);
        label->text = t->text;
        return true;
    }
    uint32_t open = c->pos;
    advance(c);
    label->quoted = true;
    label->text = "";
    if (at(c, TOK_STRING_LIT)) {
        Node *lit = parse_template_literal(c);
        if (lit)
            label->text = lit->as.str.text;
    }
    if (at(c, TOK_CQUOTE) && partner(c) == open) {
        label->span = span_join(tok_span(c, t), tok_span(c, advance(c)));
        return true;
    }
    uint32_t close = c->toks[open].partner;
    Span s = close == NO_MATCH ? tok_span(c, t)
                               : span_join(tok_span(c, t), tok_span(c, &c->toks[close]));
    Diag *g =
        error_at(c, E_BAD_BLOCK_LABEL, s, "block label cannot hold an interpolation or directive");
    help(c, g, "a label is a plain quoted string or a name; for a literal '$<' write '$$<'");
    jump_past(c, open);
    return false;
}

// The name a block is shown with in messages: "type" and labels as written.
static const char *block_name(Cursor *c, const Block *b)
{
    const char *s = arena_printf(c->arena, "\"%s\"", b->type);
    for (uint32_t i = 0; i < b->nlabels; i++)
        s = arena_printf(c->arena, b->labels[i].quoted ? "%s \"%s\"" : "%s %s", s,
                         b->labels[i].text);
    return s;
}

// The labels of a block header up to its '{'; false after an error.
static bool block_labels(Cursor *c, Block *b)
{
    uint32_t cap = 0;
    while (!at(c, TOK_LBRACE)) {
        const Token *t = peek(c);
        if (t->kind != TOK_IDENT && t->kind != TOK_OQUOTE) {
            if (t->kind == TOK_NEWLINE || t->kind == TOK_EOF || t->kind == TOK_INVALID ||
                t->kind == TOK_EQUAL) {
                Diag *g = expected(c, E_UNEXPECTED_TOKEN,
                                   arena_printf(c->arena, "'{' after block %s", block_name(c, b)));
                if (g && b->nlabels == 1 && t->kind != TOK_EQUAL)
                    diag_help(c->diags, g, "to set an attribute, write %s = %s%s%s", b->type,
                              b->labels[0].quoted ? "\"" : "", b->labels[0].text,
                              b->labels[0].quoted ? "\"" : "");
                return false;
            }
            Diag *g = error_at(c, E_BAD_BLOCK_LABEL, tok_span(c, t),
                               "expected a block label or '{', found %s", describe(c, t));
            help(c, g, "a block label is a quoted string or a name");
            return false;
        }
        BUF_RESERVE(c->tree, b->labels, b->nlabels, cap);
        if (!block_label(c, &b->labels[b->nlabels]))
            return false;
        b->nlabels++;
    }
    return true;
}

// block line = block , ( NEWLINE | EOF ) ;
// block = IDENT , { block label } , '{' , body , '}' ;
static bool block_line(Cursor *c, BodyBuilder *bb)
{
    const Token *type = advance(c);
    Block *b = arena_alloc(c->tree, sizeof *b);
    b->type = type->text;
    b->type_span = tok_span(c, type);
    uint32_t before = (uint32_t)(type - c->toks);
    if (before > 0 && c->toks[before - 1].kind != TOK_NEWLINE) {
        Diag *g = error_at(c, E_EXPECTED_NEWLINE, tok_span(c, type),
                           "block \"%s\" must start on its own line", type->text);
        help(c, g, "only attributes can share a line, separated by ','");
        return false;
    }
    if (!block_labels(c, b))
        return false;
    uint32_t open = c->pos;
    b->open_brace = tok_span(c, advance(c));
    if (!enter(c))
        return false;
    uint32_t item_start = c->item_start;
    b->body = body(c, open);
    c->item_start = item_start;
    leave(c);
    BodyItem item = {.kind = ITEM_BLOCK, .as.block = b};
    add_item(c, bb, item);
    if (c->fatal)
        return false;
    if (!at(c, TOK_RBRACE) || partner(c) != open) {
        b->body->span = span_join(b->open_brace, prev_span(c));
        if (!c->eof_unclosed && !lexer_swallowed_after(c, b->open_brace.start)) {
            c->eof_unclosed = true;
            Diag *g = error_at(c, E_UNCLOSED_BLOCK, b->open_brace, "unclosed '{' of block %s",
                               block_name(c, b));
            help(c, g, "add '}' to close the block");
        }
        mute(c);
        b->span = span_join(tok_span(c, type), prev_span(c));
        return false;
    }
    b->close_brace = tok_span(c, advance(c));
    b->span = span_join(tok_span(c, type), b->close_brace);
    b->body->span = span_join(b->open_brace, b->close_brace);
    const Token *t = peek(c);
    if (t->kind == TOK_NEWLINE || t->kind == TOK_EOF)
        return true;
    if (t->kind == TOK_INVALID) {
        mute(c);
        return false;
    }
    Diag *g = error_at(c, E_EXPECTED_NEWLINE, tok_span(c, t),
                       "expected a line break after block %s, found %s", block_name(c, b),
                       describe(c, t));
    help(c, g, "a block ends its line; start the next item on a new line");
    return false;
}

// True when the line from the current token holds a '{' before any '='
// (at bracket depth 0): a block header with a bad label, not an attribute.
static bool line_has_brace(Cursor *c)
{
    for (uint32_t i = c->pos; c->toks[i].kind != TOK_NEWLINE && c->toks[i].kind != TOK_EOF;) {
        TokenKind k = c->toks[i].kind;
        if (k == TOK_LBRACE)
            return true;
        if (k == TOK_EQUAL)
            return false;
        i = is_opener(k) && c->toks[i].partner != NO_MATCH ? c->toks[i].partner + 1 : i + 1;
    }
    return false;
}

// One item of a body: an attribute line or a block line.
static bool body_line(Cursor *c, BodyBuilder *bb)
{
    const Token *t = peek(c);
    if (t->kind == TOK_INVALID) {
        mute(c);
        return false;
    }
    if (t->kind != TOK_IDENT) {
        Diag *g = expected(c, E_UNEXPECTED_TOKEN, "an attribute or block name");
        if (t->kind == TOK_OQUOTE)
            help(c, g, "attribute and block names are written without quotes");
        return false;
    }
    TokenKind next = c->toks[c->pos + 1].kind;
    if (next == TOK_EQUAL)
        return attribute_line(c, bb);
    if (starts_block(next))
        return block_line(c, bb);
    uint32_t save = c->pos++;
    bool brace = line_has_brace(c);
    c->pos = save;
    if (brace && next != TOK_INVALID) {
        c->pos++;
        Diag *g = error_at(c, E_BAD_BLOCK_LABEL, tok_span(c, peek(c)),
                           "expected a block label or '{', found %s", describe(c, peek(c)));
        help(c, g, "a block label is a quoted string or a name");
        return false;
    }
    return attribute_line(c, bb);
}

// Skips the rest of a body item that failed: out of every construct opened
// since token `start` and still open, then to the line break that ends the
// item, stopping before the '}' of an enclosing block.
static void recover_item(Cursor *c, uint32_t start)
{
    uint32_t pos = c->pos;
    bool jumped = false;
    for (uint32_t i = start; i < pos && !jumped; i++) {
        uint32_t m = c->toks[i].partner;
        if (is_opener(c->toks[i].kind) && m != NO_MATCH && m >= pos) {
            pos = m + 1;
            jumped = true;
        }
    }
    // Inside an unclosed bracket the parser may have read on into the next
    // lines; when the error is at the start of a line, that line is not part
    // of the failed item.
    if (!jumped && pos > start && c->toks[pos - 1].kind == TOK_NEWLINE) {
        c->pos = pos - 1;
        return;
    }
    for (;;) {
        const Token *t = &c->toks[pos];
        uint32_t m = c->toks[pos].partner;
        if (t->kind == TOK_NEWLINE || t->kind == TOK_EOF)
            break;
        if (t->kind == TOK_RBRACE && m != NO_MATCH && m < start)
            break;
        pos = is_opener(t->kind) && m != NO_MATCH ? m + 1 : pos + 1;
    }
    c->pos = pos;
}

// body = { NEWLINE | attribute line | block line } ;
// `open` is the index of the block's '{', or NO_MATCH for a whole file.
static Body *body(Cursor *c, uint32_t open)
{
    BodyBuilder bb = {0};
    bb.body = arena_alloc(c->tree, sizeof(Body));
    bb.start = c->items_top;
    bool saved = c->skip_nl;
    c->skip_nl = false;
    while (!c->fatal) {
        const Token *t = peek(c);
        if (t->kind == TOK_NEWLINE) {
            advance(c);
            continue;
        }
        c->recovering = false;
        if (t->kind == TOK_EOF || (t->kind == TOK_RBRACE && open != NO_MATCH))
            break;
        uint32_t start = c->pos;
        c->item_start = t->start;
        if (t->kind == TOK_RBRACE && c->toks[c->pos].partner == NO_MATCH) {
            error_at(c, E_MISMATCHED_CLOSER, tok_span(c, t), "unexpected '}' with no matching '{'");
        } else if (body_line(c, &bb)) {
            continue;
        }
        if (c->fatal)
            break;
        recover_item(c, start);
        if (c->pos == start)
            advance(c);
    }
    c->skip_nl = saved;
    finish_body(c, &bb);
    return bb.body;
}

// --- entry points -----------------------------------------------------------

static void cursor_init(Cursor *c, Arena *arena, Arena *tree, const TokenList *tokens, Diags *diags)
{
    memset(c, 0, sizeof *c);
    c->toks = tokens->items;
    c->count = tokens->count;
    c->file = tokens->file;
    c->arena = arena;
    c->tree = tree;
    c->diags = diags;
    c->lex_diags = diags->count;
    pair_tokens(tokens->items, tokens->count);
}

// The scratch stacks are heap memory, counted against --max-memory while
// the parse lasts (in the tree's arena, whose limit a split parse checks).
void *parse_grow_scratch(Cursor *c, void *items, uint32_t *cap, size_t elem)
{
    uint32_t n = (uint32_t)buf_next_cap(*cap, sizeof *cap);
    items = xrealloc(items, (size_t)n * elem);
    arena_count(c->tree, (size_t)(n - *cap) * elem);
    *cap = n;
    return items;
}

static void cursor_done(Cursor *c)
{
    free(c->stack);
    arena_uncount(c->tree, (size_t)c->cap * sizeof *c->stack);
    c->stack = NULL;
    free(c->items);
    arena_uncount(c->tree, (size_t)c->items_cap * sizeof *c->items);
    c->items = NULL;
    free(c->objs);
    arena_uncount(c->tree, (size_t)c->objs_cap * sizeof *c->objs);
    c->objs = NULL;
}

// The span from the first token to the end of the last.
static Span whole_span(const TokenList *tokens)
{
    return span_make(tokens->file, 0, tokens->items[tokens->count - 1].end);
}

Body *parse_file(Arena *arena, const TokenList *tokens, Diags *diags)
{
    return parse_file_split(arena, arena, tokens, diags);
}

Body *parse_file_split(Arena *arena, Arena *tree, const TokenList *tokens, Diags *diags)
{
    if (!tokens->count) {
        Body *b = arena_alloc(tree, sizeof(Body));
        b->span = span_none();
        return b;
    }
    Cursor c;
    cursor_init(&c, arena, tree, tokens, diags);
    Body *b = body(&c, NO_MATCH);
    b->span = whole_span(tokens);
    cursor_done(&c);
    return b;
}

// template file = template parts , EOF ;
Node *parse_template(Arena *arena, const TokenList *tokens, Diags *diags)
{
    Node *n = arena_alloc(arena, sizeof *n);
    n->kind = NODE_TEMPLATE;
    if (!tokens->count) {
        n->span = span_none();
        return n;
    }
    Cursor c;
    cursor_init(&c, arena, arena, tokens, diags);
    c.template_file = true;
    NodeVec parts = vec_open(&c);
    parse_template_file(&c, &parts);
    n->span = whole_span(tokens);
    n->as.template.parts = vec_list(&c, parts);
    cursor_done(&c);
    return n;
}

Node *parse_expression(Arena *arena, const TokenList *tokens, Diags *diags)
{
    if (!tokens->count)
        return NULL;
    Cursor c;
    cursor_init(&c, arena, arena, tokens, diags);
    c.skip_nl = true;
    Node *n = parse_expr(&c);
    if (n && !at(&c, TOK_EOF))
        expected(&c, E_UNEXPECTED_TOKEN, "end of input");
    cursor_done(&c);
    return c.failed ? NULL : n;
}
