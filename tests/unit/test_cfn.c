// test_cfn.c - reading CloudFormation templates: the YAML short-form tags
// as long-form intrinsics (decode.h), finding intrinsics in a value and
// validating the task definitions of a template (cfn.h).
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
// cmocka needs the four headers above first.
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/source.h"
#include "base/value.h"
#include "cfn/cfn.h"
#include "decode/decode.h"

typedef struct Fixture {
    Arena arena;
    Diags diags;
    SourceSet src;
} Fixture;

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof(Fixture));
    if (!f)
        return -1;
    arena_init(&f->arena);
    diags_init(&f->diags, &f->arena);
    source_init(&f->src, &f->arena);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    arena_free(&f->arena);
    free(f);
    return 0;
}

static Value *read_yaml(Fixture *f, const char *text, bool cfn)
{
    uint32_t file = source_add(&f->src, "t.yaml", text, strlen(text));
    return cfn ? decode_yaml_cfn_file(&f->arena, &f->src, file, &f->diags)
               : decode_yaml_file(&f->arena, &f->src, file, &f->diags);
}

static Value *get(const Value *obj, const char *key)
{
    assert_int_equal(obj->kind, VAL_OBJECT);
    Value *v = value_object_get(obj, key, strlen(key));
    assert_non_null(v);
    return v;
}

static void short_forms_become_long_forms(void **state)
{
    Fixture *f = *state;
    Value *v = read_yaml(f,
                         "a: !Ref Env\n"
                         "b: !GetAtt Role.Arn\n"
                         "c: !Join [':', [!Ref Repo, '1.0']]\n"
                         "d: !Sub '${AWS::Region}'\n",
                         true);
    assert_non_null(v);
    assert_int_equal(f->diags.count, 0);
    Value *a = get(v, "a");
    assert_true(a->flags & VALF_INTRINSIC);
    assert_string_equal(get(a, "Ref")->as.str.ptr, "Env");
    Value *b = get(get(v, "b"), "Fn::GetAtt");
    assert_int_equal(b->kind, VAL_LIST);
    assert_int_equal(b->as.list.count, 2);
    assert_string_equal(b->as.list.items[0]->as.str.ptr, "Role");
    assert_string_equal(b->as.list.items[1]->as.str.ptr, "Arn");
    Value *c = get(get(v, "c"), "Fn::Join");
    assert_int_equal(c->as.list.count, 2);
    Value *inner = c->as.list.items[1]->as.list.items[0];
    assert_true(inner->flags & VALF_INTRINSIC);
    assert_string_equal(get(get(v, "d"), "Fn::Sub")->as.str.ptr, "${AWS::Region}");
}

static void plain_reader_still_refuses_tags(void **state)
{
    Fixture *f = *state;
    assert_null(read_yaml(f, "a: !Ref Env\n", false));
    assert_int_equal(f->diags.count, 1);
    assert_int_equal(f->diags.items[0]->code, E_YAML_TAG);
}

static void unknown_tag_in_template(void **state)
{
    Fixture *f = *state;
    assert_null(read_yaml(f, "a: !Foo x\n", true));
    assert_int_equal(f->diags.count, 1);
    assert_int_equal(f->diags.items[0]->code, E_YAML_TAG);
}

static void finds_intrinsics(void **state)
{
    Fixture *f = *state;
    Value *v = read_yaml(f, "a: [1, {b: !Ref X}]\nc: plain\n", true);
    assert_non_null(v);
    const Value *x = value_find_intrinsic(v);
    assert_non_null(x);
    assert_string_equal(get(x, "Ref")->as.str.ptr, "X");
    assert_null(value_find_intrinsic(get(v, "c")));
}

static void intrinsics_are_unknown_not_errors(void **state)
{
    Fixture *f = *state;
    Value *v = read_yaml(f,
                         "Resources:\n"
                         "  T:\n"
                         "    Type: AWS::ECS::TaskDefinition\n"
                         "    Properties:\n"
                         "      Family: !Sub 'app-${AWS::StackName}'\n"
                         "      Memory: 512\n"
                         "      ContainerDefinitions:\n"
                         "        - Name: app\n"
                         "          Image: !Ref Image\n"
                         "          Memory: !Ref Memory\n"
                         "          Essential: 'true'\n",
                         true);
    assert_non_null(v);
    assert_true(cfn_is_template(v));
    EcsOptions eo = {.strict = false};
    assert_true(cfn_validate_template(&f->arena, &f->diags, v, &eo));
    assert_int_equal(f->diags.errors, 0);
}

static void template_without_task_definition(void **state)
{
    Fixture *f = *state;
    Value *v = read_yaml(f, "Resources:\n  B:\n    Type: AWS::S3::Bucket\n", true);
    EcsOptions eo = {.strict = false};
    assert_false(cfn_validate_template(&f->arena, &f->diags, v, &eo));
    assert_int_equal(f->diags.items[0]->code, E_CFN_TEMPLATE);
}

static void parameter_variables_refer_by_logical_id(void **state)
{
    Fixture *f = *state;
    Span at = span_make(0, 4, 9);
    Variable param = {.name = "app-image", .cfn_parameter = true};
    Variable plain = {.name = "cpu"};
    Value *ref = cfn_variable_ref(NULL, &f->arena, &param, at);
    assert_non_null(ref);
    assert_ptr_equal(value_find_intrinsic(ref), ref);
    assert_string_equal(get(ref, "Ref")->as.str.ptr, "AppImage");
    assert_int_equal(ref->origin.start, 4);
    assert_null(cfn_variable_ref(NULL, &f->arena, &plain, at));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(short_forms_become_long_forms, setup, teardown),
        cmocka_unit_test_setup_teardown(plain_reader_still_refuses_tags, setup, teardown),
        cmocka_unit_test_setup_teardown(unknown_tag_in_template, setup, teardown),
        cmocka_unit_test_setup_teardown(finds_intrinsics, setup, teardown),
        cmocka_unit_test_setup_teardown(parameter_variables_refer_by_logical_id, setup, teardown),
        cmocka_unit_test_setup_teardown(intrinsics_are_unknown_not_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(template_without_task_definition, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
