// decode.h - JSON (read as cJSON reads it) and YAML (libyaml) text to values with positions.
//
// Used by var files (.json, .yaml/.yml), jsondecode()/yamldecode(),
// `hclc validate FILE.json` and CloudFormation templates. The text must
// be a file of the SourceSet: every value's origin is the span of its text
// in that file, so errors can point at the line of a var file. Duplicate
// object keys are errors (cJSON accepts them; hclc does not). YAML is typed
// with the YAML 1.2 core schema: `no`, `on`, `yes` stay strings; `true`,
// `false`, `null`, `~`, numbers (decimal, 0o, 0x, .inf, .nan rejected) are
// typed. YAML anchors/aliases are expanded (with a limit against alias
// bombs); tags other than the core ones are errors, except in
// decode_yaml_cfn_file, which reads CloudFormation's short forms.
#ifndef HCLC_DECODE_H
#define HCLC_DECODE_H

#include <stdint.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"
#include "base/value.h"

// Parses all of file `file` as one JSON document. On a syntax error,
// reports it at the file's line:col and returns NULL.
Value *decode_json_file(Arena *a, const SourceSet *src, uint32_t file, Diags *diags);
// Parses all of file `file` as one YAML document (an empty document is null).
Value *decode_yaml_file(Arena *a, const SourceSet *src, uint32_t file, Diags *diags);
// The same for a CloudFormation template: the short-form tags (!Ref, !Sub,
// !GetAtt, !Join, !Select, !If ...) read as their long form ({"Ref": ...},
// {"Fn::Sub": ...}; "!GetAtt a.b" as ["a", "b"]), flagged VALF_INTRINSIC.
Value *decode_yaml_cfn_file(Arena *a, const SourceSet *src, uint32_t file, Diags *diags);

#endif
