// diag_codes.h - the registry of diagnostic codes (X-macro list).
//
// DIAG_CODE(number, NAME, "short description") - the number is the stable
// code shown as E%04d; a code is never reused or renumbered. Ranges:
//   E00xx lexical   E01xx syntax   E02xx loading and evaluation (later)
//   E03xx ECS schema (later)       E09xx files and limits
#define DIAG_CODE_LIST(X)                                                                    \
    X(1, BAD_UTF8, "invalid UTF-8 in the source")                                         \
    X(2, NUL_BYTE, "NUL byte in the source")                                              \
    X(3, BAD_CHAR, "character not allowed here")                                          \
    X(4, UNTERMINATED_STRING, "string without its closing quote")                         \
    X(5, BAD_ESCAPE, "invalid escape sequence in a string")                               \
    X(6, UNTERMINATED_COMMENT, "block comment without its closing */")                    \
    X(7, UNTERMINATED_HEREDOC, "heredoc without its closing marker")                      \
    X(8, BAD_HEREDOC, "malformed heredoc opener")                                         \
    X(9, UNTERMINATED_TEMPLATE, "interpolation or directive without its closing >")       \
    X(10, BAD_NUMBER, "malformed number")                                                 \
    X(11, STRING_TOO_LONG, "string literal longer than the limit")                        \
    X(12, NEWLINE_IN_STRING, "line break inside a quoted string")                         \
    X(101, UNEXPECTED_TOKEN, "token not expected here")                                   \
    X(102, UNCLOSED_BRACKET, "bracket or brace never closed")                             \
    X(103, UNCLOSED_BLOCK, "block never closed")                                          \
    X(104, MISMATCHED_CLOSER, "closing bracket does not match the opener")                \
    X(105, EXPECTED_EXPRESSION, "an expression was expected")                             \
    X(106, EXPECTED_NEWLINE, "an attribute or block must end at a line break")            \
    X(107, NESTING_TOO_DEEP, "nesting deeper than the limit")                             \
    X(108, BAD_TEMPLATE_DIRECTIVE, "malformed or unmatched template directive")           \
    X(109, BAD_BLOCK_LABEL, "block label must be a quoted string or an identifier")       \
    X(110, DUPLICATE_ATTRIBUTE, "attribute defined twice in one body")                    \
    X(111, NEAR_MISS_OPERATOR, "operator from another language")                          \
    X(112, BAD_OBJECT_KEY, "malformed object key")                                        \
    X(113, EMPTY_INPUT, "no blocks or attributes in the input")                           \
    X(901, IO_ERROR, "file could not be read or written")                                 \
    X(902, FILE_TOO_LARGE, "file larger than the limit")                                  \
    X(903, TOO_MANY_ERRORS, "more errors than are shown")
