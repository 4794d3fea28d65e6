// compose_impl.h - what the files of the compose import share: the state
// of one import (Compose) and the value helpers of compose.c; ports and
// volumes (compose_ports.c); values written as text (compose_text.c); the
// keys ECS has only off Fargate, and secrets (compose_keys.c); and
// compose's ${VAR} interpolation (compose_interp.c).
#ifndef HCLC_IMPORT_COMPOSE_IMPL_H
#define HCLC_IMPORT_COMPOSE_IMPL_H

#include "import/import_impl.h"

typedef struct Compose {
    Importer *im;
    Value *volumes; // the task's volumes, by name
    uint32_t cpu;   // the containers' sums, for the task size
    uint32_t memory;
    HclBody vars;        // a variable block per compose secret
    Value *secret_names; // their names, as an object (name -> true)
    Value *services;     // the file's services, by name
} Compose;

// Value helpers (compose.c): a member of an object (NULL when `obj` is no
// object), a string or list item made at `at`'s place, a member set, a
// warning E0821 at `at` with its help, a scalar as text (NULL for lists,
// objects and null), an item appended to a list (made when NULL).
Value *compose_get(Value *obj, const char *key);
Value *compose_str(Compose *C, Value *at, const char *s);
Value *compose_num(Compose *C, Value *at, double n);
void compose_put(Compose *C, Value *obj, const char *key, Value *v);
void compose_warn(Compose *C, Value *at, const char *help, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
const char *compose_text_of(Compose *C, Value *v);
Value *compose_push(Compose *C, Value *list, Value *item);
// A list with its scalars as strings; a scalar a list of one, anything
// else an empty list.
Value *compose_strings(Compose *C, Value *list);

// compose_text.c: a command line as a list of words, split as compose
// splits it; a duration in whole seconds; a byte size in MiB (false when
// the text is none).
Value *compose_split_words(Compose *C, Value *v);
bool compose_duration(const char *s, double *out);
bool compose_mebibytes(Compose *C, Value *v, double *out);

// compose_ports.c: one `ports` item (short or long form) as a port
// mapping, or NULL after a warning; a port mapping added to container
// `ct` (a second protocol on one port a warning); one `volumes` item as a
// mount point, its task volume added, or NULL after a warning.
Value *compose_port_mapping(Compose *C, Value *p);
void compose_add_port(Compose *C, Value *ct, Value *pm, const char *service);
Value *compose_mount_point(Compose *C, Value *v);

// compose_keys.c: extra_hosts, dns and dns_search (a warning with the
// member to write off Fargate); a service's secrets (ECS secrets read from
// NAME_secret_arn variables); the top-level secrets' sources; and, for a
// key without ECS meaning, what to do instead (NULL for keys it knows).
void compose_host_key(Compose *C, const char *service, const char *k, Value *v);
void compose_secrets(Compose *C, Value *ct, const char *service, Value *v);
void compose_secret_sources(Compose *C, Value *top);
const char *compose_no_equivalent(const char *key);

// `doc` with compose's interpolation applied to every string value (keys
// starting with x- are left as they are): $$ is a $, ${VAR:-default} and
// ${VAR-default} take the default, and ${VAR}, $VAR, ${VAR:?message} stay
// as written. Each string that names a variable gets one warning at it.
Value *compose_interpolate(Importer *im, Value *doc);

#endif
