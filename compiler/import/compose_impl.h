// compose_impl.h - what compose.c takes from compose_interp.c: compose's
// ${VAR} interpolation of the values of a compose file.
#ifndef HCLC_IMPORT_COMPOSE_IMPL_H
#define HCLC_IMPORT_COMPOSE_IMPL_H

#include "import/import_impl.h"

// `doc` with compose's interpolation applied to every string value (keys
// starting with x- are left as they are): $$ is a $, ${VAR:-default} and
// ${VAR-default} take the default, and ${VAR}, $VAR, ${VAR:?message} stay
// as written. Each string that names a variable gets one warning at it.
Value *compose_interpolate(Importer *im, Value *doc);

#endif
