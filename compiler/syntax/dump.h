// dump.h - the hidden `hclc debug tokens|ast FILE` printers.
//
// One line per token or node, with its span as line:col-line:col, so lexer
// and parser changes get golden tests. The format is for tests and for
// people debugging hclc; it is not a stable interface.
#ifndef HCLC_DUMP_H
#define HCLC_DUMP_H

#include <stdio.h>

#include "base/source.h"
#include "syntax/ast.h"
#include "syntax/lex.h"

// Prints every token: "1:1-1:4 IDENT \"name\"" (text escaped as JSON would).
void dump_tokens(FILE *out, const SourceSet *src, const TokenList *tokens);
// Prints a body as an indented tree: blocks, attributes, then expressions
// one node per line with its kind, operator or value, and span.
void dump_body(FILE *out, const SourceSet *src, const Body *body);
// Prints one expression tree at the given indentation depth.
void dump_node(FILE *out, const SourceSet *src, const Node *node, int depth);

#endif
