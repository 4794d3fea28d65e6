// eval_scope.c - releasing what evaluating one part of a module (a task
// definition) allocated, when nothing older can point into it: the
// evaluator's state, its diagnostics and its files are compared before and
// after (eval.h, EvalScope).
#include <stdlib.h>
#include <string.h>

#include "eval/eval.h"

void eval_scope_init(EvalScope *s, const Eval *ev)
{
    const Module *m = ev->mod;
    *s = (EvalScope){.nstates = (size_t)m->nvars + m->nlocals + m->noutputs};
    s->states = xmalloc(2 * s->nstates);
}

void eval_scope_free(EvalScope *s)
{
    free(s->states);
    free(s->dirs);
}

static void states_of(const Eval *ev, uint8_t *to)
{
    const Module *m = ev->mod;
    memcpy(to, ev->var_state, m->nvars);
    memcpy(to + m->nvars, ev->local_state, m->nlocals);
    memcpy(to + m->nvars + m->nlocals, ev->output_state, m->noutputs);
}

void eval_scope_begin(EvalScope *s, const Eval *ev, const Diags *diags)
{
    s->mark = arena_mark(ev->arena);
    memcpy(&s->ev, ev, sizeof *ev);
    memcpy(&s->diags, diags, sizeof *diags);
    memcpy(&s->src, ev->src, sizeof *ev->src);
    states_of(ev, s->states);
    if (ev->ndirs > s->ndirs) {
        s->dirs = xrealloc(s->dirs, ev->ndirs * sizeof(char *));
        s->ndirs = ev->ndirs;
    }
    if (ev->ndirs)
        memcpy(s->dirs, ev->dirs, ev->ndirs * sizeof(char *));
}

void eval_scope_end(EvalScope *s, const Eval *ev, const Diags *diags)
{
    uint8_t *now = s->states + s->nstates;
    states_of(ev, now);
    s->ev.charged = ev->charged; // what templatefile() calls cost the budget: no memory
    if (memcmp(&s->ev, ev, sizeof *ev) == 0 && memcmp(&s->diags, diags, sizeof *diags) == 0 &&
        memcmp(&s->src, ev->src, sizeof *ev->src) == 0 && memcmp(s->states, now, s->nstates) == 0 &&
        (!ev->ndirs || memcmp(s->dirs, ev->dirs, ev->ndirs * sizeof(char *)) == 0))
        arena_reset(ev->arena, s->mark);
}
