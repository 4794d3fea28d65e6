// parse.h - tokens to syntax tree: bodies, expressions and templates.
//
// Recursive descent, one function per grammar production (grammar/hclc.ebnf),
// with a precedence-climbing loop for binary operators. Errors go to the
// Diags; the parser recovers at line breaks and matching closers and mutes
// follow-on errors, so one run reports every independent error of a file.
#ifndef HCLC_PARSE_H
#define HCLC_PARSE_H

#include "base/arena.h"
#include "base/diag.h"
#include "syntax/ast.h"
#include "syntax/lex.h"

#define PARSE_MAX_DEPTH 256     // nesting of blocks, brackets and templates
#define PARSE_CHAIN_PER_LEVEL 4 // links of a flat operator chain that count one level

// Every parse_* call pairs the list's openers and closers first: it writes
// the tokens' `partner` fields (the list is otherwise left as it was).

// Parses a whole file's tokens as a body. Never returns NULL; on errors the
// returned body holds what could be parsed (callers must not evaluate a file
// whose parse reported errors).
Body *parse_file(Arena *arena, const TokenList *tokens, Diags *diags);
// The same with the tree in an arena of its own: the nodes, lists, bodies,
// blocks and attributes go in `tree`, every text a value may point to
// (joined literals, the lexer's texts) stays in `arena`. Freeing `tree`
// leaves the texts alive: a json build releases its trees before printing.
Body *parse_file_split(Arena *arena, Arena *tree, const TokenList *tokens, Diags *diags);
// Parses the tokens of lex_template_file into one NODE_TEMPLATE.
Node *parse_template(Arena *arena, const TokenList *tokens, Diags *diags);
// Parses tokens holding exactly one expression (for --var values and tests).
// Returns NULL after reporting an error.
Node *parse_expression(Arena *arena, const TokenList *tokens, Diags *diags);

// Display name of a node kind, and of an operator ("+", "&&").
const char *ast_kind_name(NodeKind kind);
const char *ast_op_text(Operator op);
// The text of a string literal or of a template that holds no
// interpolation or directive ("abc", a bare object key, a literal heredoc),
// with its length in *len (len may be NULL); NULL for any other node.
const char *ast_literal_text(const Node *n, uint32_t *len);

#endif
