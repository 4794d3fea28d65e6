// test_ecs_lower.c - lowering task_definition blocks (ecs_lower): what the
// golden cases cannot see, the provenance of every lowered value (`site`,
// the attribute, block or object item holding it, and `origin`, where the
// value was written) and sensitivity, plus the poison result on errors.
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
#include "ecs/ecs.h"
#include "eval/eval.h"
#include "project/inputs.h"
#include "project/load.h"
#include "project/module.h"

typedef struct Fixture {
    Arena arena;
    Diags diags;
    SourceSet src;
    LoadedFile file;
    Module mod;
    Inputs inputs;
    Eval ev;
    const char *text;
} Fixture;

// Loads `text` as main.hcl and lowers its only task definition.
static Value *lower(Fixture *f, const char *text)
{
    arena_init(&f->arena);
    diags_init(&f->diags, &f->arena);
    source_init(&f->src, &f->arena);
    f->text = text;
    uint32_t file = source_add(&f->src, "main.hcl", text, strlen(text));
    load_parse_file(&f->arena, &f->src, &f->diags, file, &f->file);
    LoadedFiles files = {&f->file, 1};
    assert_true(module_build(&f->arena, &f->diags, &files, &f->mod));
    InputOptions none = {NULL, 0, NULL, 0, NULL};
    bool io_error = false;
    assert_true(
        inputs_collect(&f->arena, &f->diags, &f->src, &f->mod, &none, &f->inputs, &io_error));
    assert_true(
        eval_init(&f->ev, &f->arena, &f->diags, &f->src, &f->mod, &f->inputs, NULL, NULL, "/"));
    assert_int_equal(f->mod.ntasks, 1);
    return ecs_lower(&f->ev, &f->mod.tasks[0]);
}

static void done(Fixture *f)
{
    eval_free(&f->ev);
    arena_free(&f->arena);
}

// The span of the first occurrence of `needle` in the source.
static Span at(const Fixture *f, const char *needle)
{
    const char *p = strstr(f->text, needle);
    assert_non_null(p);
    uint32_t start = (uint32_t)(p - f->text);
    return span_make(0, start, start + (uint32_t)strlen(needle));
}

static void assert_span(Span got, Span want)
{
    assert_int_equal(got.file, want.file);
    assert_int_equal(got.start, want.start);
    assert_int_equal(got.end, want.end);
}

static Value *get(Value *obj, const char *key)
{
    assert_non_null(obj);
    assert_int_equal(obj->kind, VAL_OBJECT);
    Value *v = value_object_get(obj, key, strlen(key));
    assert_non_null(v);
    return v;
}

static Value *item(Value *list, uint32_t i)
{
    assert_int_equal(list->kind, VAL_LIST);
    assert_true(i < list->as.list.count);
    return list->as.list.items[i];
}

static Value *container(Value *task, uint32_t i)
{
    return item(get(task, "containerDefinitions"), i);
}

static void test_ecs_lower_block_member_sits_at_its_attribute(void **state)
{
    (void)state;
    Fixture f;
    Value *t = lower(&f, "task_definition \"web\" {\n"
                         "  family = \"web\"\n"
                         "  container \"web\" {\n"
                         "    image = \"nginx\"\n"
                         "    port_mapping { container_port = 80 }\n"
                         "  }\n"
                         "}\n");
    assert_int_equal(t->kind, VAL_OBJECT);
    Value *port = get(item(get(container(t, 0), "portMappings"), 0), "containerPort");
    assert_span(port->site, at(&f, "container_port = 80"));
    assert_span(port->origin, at(&f, "80"));
    Value *mapping = item(get(container(t, 0), "portMappings"), 0);
    assert_span(mapping->site, at(&f, "port_mapping"));
    done(&f);
}

static void test_ecs_lower_label_gives_the_name_first(void **state)
{
    (void)state;
    Fixture f;
    Value *t = lower(&f, "task_definition \"web\" {\n"
                         "  container \"app\" { image = \"nginx\" }\n"
                         "  family = \"web\"\n"
                         "}\n");
    Value *c = container(t, 0);
    assert_string_equal(c->as.object.keys[0].ptr, "name");
    Value *name = get(c, "name");
    assert_string_equal(name->as.str.ptr, "app");
    assert_span(name->site, at(&f, "\"app\""));
    assert_span(c->site, at(&f, "container \"app\""));
    assert_span(t->site, at(&f, "task_definition \"web\""));
    done(&f);
}

static void test_ecs_lower_object_items_have_their_own_sites(void **state)
{
    (void)state;
    Fixture f;
    Value *t = lower(&f, "task_definition \"web\" {\n"
                         "  family = \"web\"\n"
                         "  container \"web\" {\n"
                         "    image = \"nginx\"\n"
                         "    health_check = { command = [\"CMD\", \"true\"], start_period = 10 }\n"
                         "  }\n"
                         "}\n");
    Value *hc = get(container(t, 0), "healthCheck");
    assert_span(hc->site,
                at(&f, "health_check = { command = [\"CMD\", \"true\"], start_period = 10 }"));
    Value *sp = get(get(container(t, 0), "healthCheck"), "startPeriod");
    assert_span(sp->site, at(&f, "start_period = 10"));
    Value *cmd = get(get(container(t, 0), "healthCheck"), "command");
    assert_span(item(cmd, 1)->site, at(&f, "\"true\""));
    done(&f);
}

static void test_ecs_lower_environment_entries_sit_at_their_keys(void **state)
{
    (void)state;
    Fixture f;
    Value *t = lower(&f, "task_definition \"web\" {\n"
                         "  family = \"web\"\n"
                         "  container \"web\" {\n"
                         "    image = \"nginx\"\n"
                         "    environment = { PORT = 8080 }\n"
                         "  }\n"
                         "}\n");
    Value *e = item(get(container(t, 0), "environment"), 0);
    assert_span(e->site, at(&f, "PORT = 8080"));
    assert_span(get(e, "name")->origin, at(&f, "PORT"));
    Value *v = get(e, "value");
    assert_int_equal(v->kind, VAL_STRING);
    assert_string_equal(v->as.str.ptr, "8080");
    assert_span(v->origin, at(&f, "8080"));
    assert_span(v->site, at(&f, "PORT = 8080"));
    done(&f);
}

static void test_ecs_lower_values_through_locals_sit_at_the_attribute(void **state)
{
    (void)state;
    Fixture f;
    Value *t = lower(&f, "locals { logging = { log_driver = \"awslogs\" } }\n"
                         "task_definition \"web\" {\n"
                         "  family = \"web\"\n"
                         "  container \"web\" {\n"
                         "    image = \"nginx\"\n"
                         "    log_configuration = local.logging\n"
                         "  }\n"
                         "}\n");
    Value *d = get(get(container(t, 0), "logConfiguration"), "logDriver");
    assert_span(d->site, at(&f, "log_configuration = local.logging"));
    assert_span(d->origin, at(&f, "\"awslogs\""));
    done(&f);
}

static void test_ecs_lower_variable_keeps_where_it_was_set(void **state)
{
    (void)state;
    Fixture f;
    Value *t = lower(&f, "variable \"family\" { default = \"web\" }\n"
                         "task_definition \"web\" {\n"
                         "  family = var.family\n"
                         "  container \"web\" { image = \"nginx\" }\n"
                         "}\n");
    Value *fam = get(t, "family");
    assert_span(fam->site, at(&f, "family = var.family"));
    assert_span(fam->origin, at(&f, "\"web\""));
    done(&f);
}

static void test_ecs_lower_keeps_sensitive_values_sensitive(void **state)
{
    (void)state;
    Fixture f;
    Value *t = lower(&f, "variable \"pin\" {\n"
                         "  default   = 1234\n"
                         "  sensitive = true\n"
                         "}\n"
                         "task_definition \"web\" {\n"
                         "  family = \"web\"\n"
                         "  container \"web\" {\n"
                         "    image = \"nginx\"\n"
                         "    environment = { PIN = var.pin }\n"
                         "    user = var.pin\n"
                         "  }\n"
                         "}\n");
    Value *v = get(item(get(container(t, 0), "environment"), 0), "value");
    assert_string_equal(v->as.str.ptr, "1234");
    assert_true(value_is_sensitive(v));
    assert_true(value_is_sensitive(get(container(t, 0), "user")));
    assert_false(value_is_sensitive(get(t, "family")));
    done(&f);
}

static void test_ecs_lower_error_gives_invalid_and_one_diagnostic(void **state)
{
    (void)state;
    Fixture f;
    Value *t = lower(&f, "task_definition \"web\" {\n"
                         "  family = \"web\"\n"
                         "  famly  = \"web\"\n"
                         "  container \"web\" { image = \"nginx\" }\n"
                         "}\n");
    assert_int_equal(t->kind, VAL_INVALID);
    assert_int_equal(f.diags.count, 1);
    assert_int_equal(f.diags.items[0]->code, E_ECS_UNKNOWN_NAME);
    assert_span(f.diags.items[0]->subject, at(&f, "famly"));
    done(&f);
}

static void test_ecs_lower_task_size_forms(void **state)
{
    (void)state;
    Fixture f;
    Value *t = lower(&f, "task_definition \"web\" {\n"
                         "  family = \"web\"\n"
                         "  cpu    = \"2 vCPU\"\n"
                         "  memory = \"4GB\"\n"
                         "  container \"web\" { image = \"nginx\" }\n"
                         "}\n");
    assert_string_equal(get(t, "cpu")->as.str.ptr, "2048");
    assert_string_equal(get(t, "memory")->as.str.ptr, "4096");
    assert_span(get(t, "cpu")->origin, at(&f, "\"2 vCPU\""));
    done(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ecs_lower_block_member_sits_at_its_attribute),
        cmocka_unit_test(test_ecs_lower_label_gives_the_name_first),
        cmocka_unit_test(test_ecs_lower_object_items_have_their_own_sites),
        cmocka_unit_test(test_ecs_lower_environment_entries_sit_at_their_keys),
        cmocka_unit_test(test_ecs_lower_values_through_locals_sit_at_the_attribute),
        cmocka_unit_test(test_ecs_lower_variable_keeps_where_it_was_set),
        cmocka_unit_test(test_ecs_lower_keeps_sensitive_values_sensitive),
        cmocka_unit_test(test_ecs_lower_error_gives_invalid_and_one_diagnostic),
        cmocka_unit_test(test_ecs_lower_task_size_forms),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
