// validate.c - runs the schema checks and the rules on a task definition in
// one of its forms. The rules themselves live in the other files of ecs/.
#include "ecs/ecs_impl.h"

static void check_request(EcsCtx *c, Value *task, const SchemaShape *shape)
{
    if (task->kind != VAL_OBJECT) {
        ecs_report(c, E_ECS_FORM, false, task, "a task definition must be a JSON object, not a %s",
                   value_type_name(task));
        return;
    }
    // The rules skip values of the wrong type, which the schema check reports.
    ecs_check_schema(c, task, shape);
    ecs_check_rules(c, task);
}

static void check_containers(EcsCtx *c, Value *list)
{
    if (list->kind != VAL_LIST) {
        Diag *g = ecs_report(c, E_ECS_FORM, false, list,
                             "container definitions must be a JSON array, not a %s",
                             value_type_name(list));
        if (list->kind == VAL_OBJECT && ecs_get(list, "containerDefinitions"))
            diag_help(c->diags, g,
                      "this looks like a whole task definition; validate it as one "
                      "or pass its containerDefinitions array");
        return;
    }
    for (uint32_t i = 0; i < list->as.list.count; i++) {
        Value *item = list->as.list.items[i];
        if (item->kind != VAL_OBJECT) {
            ecs_report(c, E_ECS_FORM, false, item,
                       "a container definition must be an object, not a %s", value_type_name(item));
            continue;
        }
        ecs_check_schema_at(c, item, schema_container_definition(),
                            arena_printf(c->arena, "[%u]", i));
    }
    ecs_check_container_rules(c, list);
}

// True when `obj` has a member that only describe-task-definition returns.
static bool has_read_only(const Value *obj)
{
    const SchemaShape *shape = schema_described_task_definition();
    for (uint32_t i = 0; i < shape->count; i++)
        if (shape->members[i].read_only && ecs_get(obj, shape->members[i].api))
            return true;
    return false;
}

EcsForm ecs_json_form(Arena *a, Value **v)
{
    if ((*v)->kind == VAL_LIST)
        return ECS_FORM_CONTAINERS;
    Value *td = ecs_get(*v, "taskDefinition");
    if (td && td->kind == VAL_OBJECT) {
        Value *tags = ecs_get(*v, "tags");
        if (tags && !ecs_get(td, "tags")) {
            Value *copy = value_object_new(a, td->origin, td->as.object.count + 1);
            for (uint32_t i = 0; i < td->as.object.count; i++)
                value_object_put_ref(a, copy, td->as.object.keys[i].ptr, td->as.object.keys[i].len,
                                     td->as.object.vals[i]);
            value_object_put_ref(a, copy, "tags", 4, tags);
            td = copy;
        }
        *v = td;
        return ECS_FORM_DESCRIBED;
    }
    return has_read_only(*v) ? ECS_FORM_DESCRIBED : ECS_FORM_REQUEST;
}

bool ecs_validate(Arena *a, Diags *diags, Value *v, EcsForm form, const EcsOptions *opt)
{
    static const EcsOptions none = {0};
    size_t errors = diags->errors;
    EcsCtx c = {a, diags, opt ? opt : &none, form, false, 0};
    switch (form) {
    case ECS_FORM_REQUEST:
        check_request(&c, v, schema_task_definition());
        break;
    case ECS_FORM_DESCRIBED:
        check_request(&c, v, schema_described_task_definition());
        break;
    case ECS_FORM_CONTAINERS:
        check_containers(&c, v);
        break;
    }
    // Warnings that --strict made errors do not stop the after-check.
    if (c.opt->after && diags->errors - errors == c.promoted)
        c.opt->after(c.opt->after_ctx, a, diags, v, form);
    return !c.failed;
}
