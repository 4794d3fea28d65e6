// parse_template.c - the template grammar: literal runs with strip markers,
// $<...> interpolations and %<...> directives (if/else/endif, for/endfor),
// inside quoted strings, heredocs and template files. The cursor, errors and
// limits are parse_impl.h's; expressions inside templates are parse.c's.
#include "syntax/parse_impl.h"

#include <string.h>

static bool template_parts(Cursor *c, NodeVec *parts);

static bool is_space(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

// The text of the STRING_LIT tokens first..last as one string. A single
// token's text is used as it is (the lexer's, NUL-terminated, in the arena):
// most literals are one token, and a copy would double their memory.
static const char *literal_text(Cursor *c, uint32_t first, uint32_t last, size_t len)
{
    if (first == last)
        return c->toks[first].text;
    char *text = arena_alloc(c->arena, len + 1);
    size_t n = 0;
    for (uint32_t i = first; i <= last; i++) {
        uint32_t k = token_len(&c->toks[i]);
        memcpy(text + n, c->toks[i].text, k);
        n += k;
    }
    return text;
}

// A run of STRING_LIT tokens as one literal part, with strip markers applied
// from the tokens around it; NULL for an empty one (it is dropped).
Node *parse_template_literal(Cursor *c)
{
    uint32_t first = c->pos;
    size_t len = 0;
    while (c->toks[c->pos].kind == TOK_STRING_LIT)
        len += token_len(&c->toks[c->pos++]);
    uint32_t last = c->pos - 1;
    const char *text = literal_text(c, first, last, len);
    const Token *before = first > 0 ? &c->toks[first - 1] : NULL;
    const Token *after = &c->toks[last + 1];
    size_t lo = 0, hi = len;
    if (before && before->kind == TOK_TEMPLATE_CLOSE && (before->flags & TOKF_STRIP))
        while (lo < hi && is_space(text[lo]))
            lo++;
    if ((after->kind == TOK_INTERP_OPEN || after->kind == TOK_DIRECTIVE_OPEN) &&
        (after->flags & TOKF_STRIP))
        while (hi > lo && is_space(text[hi - 1]))
            hi--;
    if (hi == lo)
        return NULL;
    if (hi < len) { // stripped at the end: the text must end there
        text = arena_strndup(c->arena, text + lo, hi - lo);
        hi -= lo;
        lo = 0;
    }
    Node *lit = new_node(c, NODE_STRING_LIT,
                         span_join(tok_span(c, &c->toks[first]), tok_span(c, &c->toks[last])));
    lit->as.str.text = text + lo;
    lit->as.str.len = (uint32_t)(hi - lo);
    lit->as.str.text_span = lit->span;
    return lit;
}

// The keyword of the directive at the current DIRECTIVE_OPEN, or "".
static const char *directive_word(Cursor *c)
{
    const Token *t = &c->toks[c->pos + 1];
    return t->kind == TOK_IDENT ? t->text : "";
}

static bool is_directive(Cursor *c, const char *word)
{
    return c->toks[c->pos].kind == TOK_DIRECTIVE_OPEN && strcmp(directive_word(c), word) == 0;
}

// The span of the directive opened at token `open`, through its '>'.
static Span directive_span_at(Cursor *c, uint32_t open)
{
    uint32_t m = c->toks[open].partner;
    Span s = tok_span(c, &c->toks[open]);
    return m == NO_MATCH ? s : span_join(s, tok_span(c, &c->toks[m]));
}

// The span of the directive opened at the current token.
static Span directive_span(Cursor *c)
{
    return directive_span_at(c, c->pos);
}

// Expects the TEMPLATE_CLOSE of the interpolation or directive opened at
// index `open`; on anything else reports it and moves past the real one.
static bool template_close(Cursor *c, uint32_t open)
{
    if (at(c, TOK_TEMPLATE_CLOSE) && c->toks[c->pos].partner == open) {
        advance(c);
        return true;
    }
    expected(c, E_UNEXPECTED_TOKEN, "'>'");
    jump_past(c, open);
    return false;
}

// Parses the words of a directive that takes no argument (else, endif,
// endfor) and its closing '>'.
static bool directive_end(Cursor *c)
{
    uint32_t open = c->pos;
    advance(c);
    advance(c);
    bool saved = c->skip_nl;
    c->skip_nl = true;
    bool ok = template_close(c, open);
    c->skip_nl = saved;
    return ok;
}

// template interp = INTERP_OPEN , expression , TEMPLATE_CLOSE ;
static Node *template_interp(Cursor *c)
{
    uint32_t open = c->pos;
    advance(c);
    bool saved = c->skip_nl;
    c->skip_nl = true;
    Node *e = parse_expr(c);
    if (e && !template_close(c, open))
        e = NULL;
    if (!e)
        jump_past(c, open);
    c->skip_nl = saved;
    return e;
}

// Reports an else/endif/endfor directive that no if or for is waiting for,
// and moves past it.
static void stray_directive(Cursor *c)
{
    const char *word = directive_word(c);
    const char *opener = strcmp(word, "endfor") == 0 ? "for" : "if";
    Diag *g = error_at(c, E_BAD_TEMPLATE_DIRECTIVE, directive_span(c),
                       "'%%<%s>' without a matching '%%<%s>'", word, opener);
    if (g)
        diag_help(c->diags, g, "write '%%%%<' for a literal '%%<'");
    uint32_t open = c->pos;
    advance(c);
    jump_past(c, open);
}

// Reports a directive found where the if or for opened at `open` needed
// its end (`want`), naming the opener.
static void directive_mismatch(Cursor *c, uint32_t open, const char *want)
{
    const char *word = directive_word(c);
    const char *kw = c->toks[open + 1].text;
    Diag *g;
    if (strcmp(word, "else") == 0 && strcmp(kw, "if") == 0)
        g = error_at(c, E_BAD_TEMPLATE_DIRECTIVE, directive_span(c),
                     "second '%%<else>' for one '%%<if>'");
    else
        g = error_at(c, E_BAD_TEMPLATE_DIRECTIVE, directive_span(c),
                     "expected '%%<%s>' to close '%%<%s>', found '%%<%s>'", want, kw, word);
    if (g)
        diag_note_at(c->diags, g, directive_span_at(c, open), "'%%<%s>' opened here", kw);
}

// Reports the if or for directive opened at `open` as never closed.
static void directive_unclosed(Cursor *c, uint32_t open, const char *want)
{
    Span s = directive_span_at(c, open);
    const char *kw = c->toks[open + 1].text;
    Diag *g = error_at(c, E_BAD_TEMPLATE_DIRECTIVE, s, "unclosed '%%<%s>'", kw);
    if (g)
        diag_help(c->diags, g, "add '%%<%s>' where it ends", want);
}

// The header of an if or for directive after its keyword, through '>':
// the condition, or the loop variables and collection.
static Node *directive_head(Cursor *c, uint32_t open, bool is_for, const char **key,
                            const char **value)
{
    bool saved = c->skip_nl;
    c->skip_nl = true;
    Node *e = NULL;
    if (!is_for || parse_for_vars(c, key, value))
        e = parse_expr(c);
    if (e && !template_close(c, open))
        e = NULL;
    if (!e)
        jump_past(c, open);
    c->skip_nl = saved;
    return e;
}

// template if = DIRECTIVE_OPEN , 'if' , expression , TEMPLATE_CLOSE ,
//               template parts ,
//               [ DIRECTIVE_OPEN , 'else' , TEMPLATE_CLOSE , template parts ] ,
//               DIRECTIVE_OPEN , 'endif' , TEMPLATE_CLOSE ;
static Node *template_if(Cursor *c)
{
    uint32_t open = c->pos;
    if (!enter(c))
        return NULL;
    c->tdepth++;
    advance(c);
    advance(c);
    Node *n = new_node(c, NODE_TEMPLATE_IF, tok_span(c, &c->toks[open]));
    n->as.tif = arena_alloc(c->tree, sizeof *n->as.tif);
    n->as.tif->cond = directive_head(c, open, false, NULL, NULL);
    bool ok = n->as.tif->cond != NULL;
    NodeVec then = vec_open(c);
    ok &= template_parts(c, &then);
    n->as.tif->then_parts = vec_list(c, then);
    for (;;) {
        if (c->fatal) {
            ok = false;
        } else if (is_directive(c, "else") && !n->as.tif->has_else) {
            n->as.tif->has_else = true;
            ok &= directive_end(c);
            NodeVec els = vec_open(c);
            ok &= template_parts(c, &els);
            n->as.tif->else_parts = vec_list(c, els);
            continue;
        } else if (is_directive(c, "endif")) {
            ok &= directive_end(c);
        } else if (is_directive(c, "else") || is_directive(c, "endfor")) {
            directive_mismatch(c, open, "endif");
            ok = false;
        } else {
            directive_unclosed(c, open, "endif");
            ok = false;
        }
        break;
    }
    c->tdepth--;
    leave(c);
    n->span = span_join(n->span, prev_span(c));
    return ok ? n : NULL;
}

// template for = DIRECTIVE_OPEN , 'for' , IDENT , [ ',' , IDENT ] , 'in' ,
//                expression , TEMPLATE_CLOSE ,
//                template parts ,
//                DIRECTIVE_OPEN , 'endfor' , TEMPLATE_CLOSE ;
static Node *template_for(Cursor *c)
{
    uint32_t open = c->pos;
    if (!enter(c))
        return NULL;
    c->tdepth++;
    advance(c);
    advance(c);
    Node *n = new_node(c, NODE_TEMPLATE_FOR, tok_span(c, &c->toks[open]));
    n->as.tfor = arena_alloc(c->tree, sizeof *n->as.tfor);
    n->as.tfor->coll = directive_head(c, open, true, &n->as.tfor->key_var, &n->as.tfor->value_var);
    bool ok = n->as.tfor->coll != NULL;
    NodeVec parts = vec_open(c);
    ok &= template_parts(c, &parts);
    n->as.tfor->body = vec_list(c, parts);
    if (c->fatal) {
        ok = false;
    } else if (is_directive(c, "endfor")) {
        ok &= directive_end(c);
    } else if (is_directive(c, "else") || is_directive(c, "endif")) {
        directive_mismatch(c, open, "endfor");
        ok = false;
    } else {
        directive_unclosed(c, open, "endfor");
        ok = false;
    }
    c->tdepth--;
    leave(c);
    n->span = span_join(n->span, prev_span(c));
    return ok ? n : NULL;
}

// Reports a directive whose keyword is not one of the five, and skips it.
static void unknown_directive(Cursor *c)
{
    const Token *w = &c->toks[c->pos + 1];
    Diag *g;
    if (w->kind == TOK_IDENT)
        g = error_at(c, E_BAD_TEMPLATE_DIRECTIVE, directive_span(c),
                     "unknown template directive \"%s\"", w->text);
    else
        g = error_at(c, E_BAD_TEMPLATE_DIRECTIVE, directive_span(c),
                     "expected a directive keyword after '%%<', found %s", describe(c, w));
    help(c, g,
         "the directives are if, else, endif, for and endfor; for the text '%<' itself, "
         "write '%%<'");
    uint32_t open = c->pos;
    advance(c);
    jump_past(c, open);
}

// template parts = { STRING_LIT | template interp | template if | template for } ;
// Stops before anything else: the template's closer, or an else, endif or
// endfor directive, which the caller handles.
static bool template_parts(Cursor *c, NodeVec *parts)
{
    bool ok = true;
    while (!c->fatal) {
        const Token *t = &c->toks[c->pos];
        if (c->template_file && c->tdepth == 0) {
            c->recovering = false;
            c->item_start = t->start;
        }
        Node *n = NULL;
        if (t->kind == TOK_STRING_LIT) {
            Node *lit = parse_template_literal(c);
            if (lit)
                vec_push(c, parts, lit);
            continue;
        }
        if (t->kind == TOK_INTERP_OPEN) {
            n = template_interp(c);
        } else if (t->kind != TOK_DIRECTIVE_OPEN || is_directive(c, "else") ||
                   is_directive(c, "endif") || is_directive(c, "endfor")) {
            return ok;
        } else if (is_directive(c, "if")) {
            n = template_if(c);
        } else if (is_directive(c, "for")) {
            n = template_for(c);
        } else {
            unknown_directive(c);
        }
        if (n)
            vec_push(c, parts, n);
        else
            ok = false;
    }
    return false;
}

// True when template parts hold no interpolation or directive.
static bool is_literal(Cursor *c, NodeVec parts)
{
    return parts.count == 0 || (parts.count == 1 && c->stack[parts.start]->kind == NODE_STRING_LIT);
}

// A quoted string without interpolation as one STRING_LIT node (most
// strings are: a TEMPLATE and its list would triple their memory). `span`
// holds the quotes; the text starts at byte `text_start`.
static Node *quoted_literal(Cursor *c, NodeVec parts, Span span, uint32_t text_start)
{
    c->top = parts.start;
    if (parts.count) {
        Node *lit = c->stack[parts.start];
        lit->span = span;
        return lit;
    }
    Node *lit = new_node(c, NODE_STRING_LIT, span);
    lit->as.str.text = "";
    lit->as.str.text_span = span_make(span.file, text_start, text_start);
    return lit;
}

// The most common quoted string, one literal token or none ("abc", ""), as
// its STRING_LIT without the template machinery; NULL for any other (and
// in template files, whose parts resynchronise as they go).
static Node *plain_literal(Cursor *c)
{
    const Token *o = peek(c);
    uint32_t open = c->pos;
    if (o->kind != TOK_OQUOTE || c->template_file || c->fatal)
        return NULL;
    const Token *t = &c->toks[open + 1];
    bool one = t->kind == TOK_STRING_LIT && t->text[0];
    uint32_t close = one ? open + 2 : open + 1;
    if (c->toks[close].kind != TOK_CQUOTE || c->toks[close].partner != open)
        return NULL;
    Node *lit =
        new_node(c, NODE_STRING_LIT, span_join(tok_span(c, o), tok_span(c, &c->toks[close])));
    lit->as.str.text = one ? t->text : "";
    lit->as.str.len = one ? token_len(t) : 0;
    lit->as.str.text_span = one ? tok_span(c, t) : span_make(c->file, o->end, o->end);
    c->pos = close + 1;
    return lit;
}

// quoted template = OQUOTE , template parts , CQUOTE ;
// heredoc template = OHEREDOC , template parts , CHEREDOC ;
Node *parse_template_expr(Cursor *c)
{
    Node *lit = plain_literal(c);
    if (lit)
        return lit;
    uint32_t open = c->pos;
    const Token *o = advance(c);
    TokenKind closer = o->kind == TOK_OHEREDOC ? TOK_CHEREDOC : TOK_CQUOTE;
    bool saved = c->skip_nl;
    c->skip_nl = false;
    NodeVec parts = vec_open(c);
    bool ok = true;
    for (;;) {
        ok &= template_parts(c, &parts);
        const Token *t = &c->toks[c->pos];
        if (c->fatal) {
            ok = false;
            break;
        }
        if (t->kind == closer && c->toks[c->pos].partner == open) {
            advance(c);
            break;
        }
        if (t->kind == TOK_DIRECTIVE_OPEN) {
            stray_directive(c);
            ok = false;
            continue;
        }
        mute(c); // the lexer keeps templates balanced; anything else it reported
        jump_past(c, open);
        ok = false;
        break;
    }
    c->skip_nl = saved;
    if (!ok)
        return NULL;
    Span span = span_join(tok_span(c, o), prev_span(c));
    if (closer == TOK_CQUOTE && is_literal(c, parts))
        return quoted_literal(c, parts, span, o->end);
    Node *n = new_node(c, NODE_TEMPLATE, span);
    n->as.template.parts = vec_list(c, parts);
    n->as.template.heredoc = closer == TOK_CHEREDOC;
    return n;
}

// template file = template parts ;   (each stray directive reported, parsing resumes after it)
void parse_template_file(Cursor *c, NodeVec *parts)
{
    for (;;) {
        template_parts(c, parts);
        if (c->fatal || at(c, TOK_EOF))
            break;
        c->recovering = false;
        if (at(c, TOK_DIRECTIVE_OPEN))
            stray_directive(c);
        else
            advance(c); // cannot happen: the lexer emits nothing else here
    }
}
