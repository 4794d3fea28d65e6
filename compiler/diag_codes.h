// diag_codes.h - the registry of diagnostic codes (X-macro list).
//
// DIAG_CODE(number, NAME, "short description") - the number is the stable
// code shown as E%04d; a code is never reused or renumbered. Ranges:
//   E00xx lexical   E01xx syntax   E0200-0249 JSON/YAML readers
//   E0250-0299 functions   E03xx loading, inputs, evaluation
//   E05xx ECS schema (later)   E09xx files and limits
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
    X(200, BAD_JSON, "invalid JSON")                                                      \
    X(201, BAD_YAML, "invalid YAML")                                                      \
    X(202, DUPLICATE_KEY, "object key given twice")                                       \
    X(203, YAML_TAG, "unsupported or mismatched YAML tag")                                \
    X(204, NUMBER_RANGE, "number not representable in JSON")                              \
    X(205, YAML_ALIAS, "undefined YAML alias or alias expansion beyond the limit")        \
    X(206, YAML_MULTI_DOC, "more than one YAML document")                                  \
    X(207, YAML_KEY, "YAML mapping key that is not a scalar")                             \
    X(208, NUL_IN_STRING, "string holding a NUL character")                               \
    X(301, BAD_TYPE, "malformed type constraint")                                         \
    X(302, UNKNOWN_BLOCK, "unknown or misplaced block")                                    \
    X(303, UNKNOWN_ATTRIBUTE, "unknown or misplaced attribute")                            \
    X(304, DUPLICATE_DECLARATION, "the same name declared twice")                          \
    X(305, BAD_LABELS, "wrong number of block labels")                                     \
    X(306, MISSING_ATTRIBUTE, "required attribute missing")                                \
    X(307, NOT_CONSTANT, "value must be a constant")                                       \
    X(310, UNKNOWN_REFERENCE, "reference to something not declared")                        \
    X(311, CYCLE, "values that depend on themselves")                                      \
    X(312, OPERAND_TYPE, "operand of the wrong type")                                      \
    X(313, BAD_INDEX, "index out of range or of the wrong type")                           \
    X(314, NO_ATTRIBUTE, "attribute access on a value without it")                         \
    X(315, DUPLICATE_MEMBER, "the same key twice in one object")                              \
    X(316, ARITHMETIC, "arithmetic with no finite result")                                 \
    X(317, BAD_INTERPOLATION, "value that cannot be interpolated")                         \
    X(318, UNKNOWN_FUNCTION, "call of a function that does not exist")                     \
    X(319, UNKNOWN_WORKSPACE, "workspace not declared")                                    \
    X(320, VARIABLE_TYPE, "variable value of the wrong type")                              \
    X(321, VALIDATION_FAILED, "variable value rejected by its validation")                 \
    X(322, MISSING_VARIABLE, "variable without a value")                                   \
    X(323, UNDECLARED_INPUT, "value given for a variable not declared")                    \
    X(324, EVAL_TOO_DEEP, "evaluation nested deeper than the limit")                       \
    X(325, BAD_CONDITION, "condition that is not a bool")                                  \
    X(326, BAD_VAR_FLAG, "malformed --var flag")                                           \
    X(327, TOO_MANY_ITEMS, "collection larger than the limit")                             \
    X(328, NULL_VALUE, "null where a value is required")                                   \
    X(329, BAD_KEY, "object key that is not a string")                                     \
    X(330, UNKNOWN_OUTPUT, "output not declared")                                          \
    X(250, FUNC_ARITY, "function called with the wrong number of arguments")              \
    X(251, FUNC_ARG, "function argument of the wrong type or value")                      \
    X(252, BAD_REGEX, "invalid regular expression")                                       \
    X(253, REGEX_NO_MATCH, "regular expression did not match")                            \
    X(254, FUNC_LIMIT, "function result or work beyond the limit")                        \
    X(255, FILE_OUTSIDE_ROOT, "file path outside the project root")                       \
    X(256, FILE_READ, "file missing, unreadable or not text")                             \
    X(257, ENV_UNSET, "environment variable not set")                                     \
    X(258, DECODE_ARG, "malformed text given to a decoding function")                     \
    X(331, BAD_TARGET, "unknown build target")                                             \
    X(901, IO_ERROR, "file could not be read or written")                                 \
    X(902, FILE_TOO_LARGE, "file larger than the limit")                                  \
    X(903, TOO_MANY_ERRORS, "more errors than are shown")
