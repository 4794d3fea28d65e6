// arena.h - bump allocation for tokens, syntax trees, strings and values.
//
// One Arena per compilation; everything allocated from it is released at
// once by arena_free, or everything since a mark by arena_reset (a build
// releases each task definition's values once its text is made). Built
// with -DHCLC_ARENA_DEBUG (make sanitize), every allocation is its own
// malloc so AddressSanitizer sees overruns between objects and any use of
// memory a reset released. Allocation failure prints "hclc: error: out of memory" and exits
// with status 3: no caller ever sees NULL.
#ifndef HCLC_ARENA_H
#define HCLC_ARENA_H

#include <stdarg.h>
#include <stddef.h>

typedef struct ArenaChunk ArenaChunk;

typedef struct ArenaOwned ArenaOwned;

typedef struct Arena {
    ArenaChunk *head;         // newest chunk (or newest debug allocation)
    unsigned char *cur, *end; // the free bytes of `head`, which arena_alloc
                              // bumps inline; NULL when there are none to
                              // bump (no chunk yet, HCLC_ARENA_DEBUG)
    ArenaChunk *spare;        // chunks emptied by arena_reset, zeroed, for reuse
    ArenaOwned *owned;        // heap blocks handed over with arena_adopt
    size_t total;             // bytes handed out (the budgets below measure it)
    size_t budget;            // 0, or the bytes the evaluator lets values take
                              // before it stops with a located error (E0910)
    size_t limit;             // 0, or the bytes past which any allocation stops
                              // the program: "hclc: error: ... --max-memory",
                              // status 3 (a backstop behind `budget`)
} Arena;

// A point in an arena's life that arena_reset returns it to.
typedef struct ArenaMark {
    ArenaChunk *head, *next; // the newest chunk then, and the one behind it
    size_t used;             // the bytes of `head` in use then
    ArenaOwned *owned;
    size_t total;
} ArenaMark;

// The default of --max-memory: `limit`, and three quarters of it `budget`.
#define ARENA_DEFAULT_MAX_MEMORY ((size_t)768 * 1024 * 1024)

// Prepares an empty arena with no budget and no limit; no memory is taken
// until the first allocation.
void arena_init(Arena *a);
// Releases every allocation of the arena; the arena is empty again after it.
void arena_free(Arena *a);
// Returns `size` bytes aligned to 8 (for pointers, doubles and 64-bit
// integers; hclc allocates no long double), zero-filled.
static inline void *arena_alloc(Arena *a, size_t size);
// arena_alloc's way when the current chunk cannot serve `size` (or past the
// limit): a new chunk, a chunk of its own, or the error.
void *arena_alloc_slow(Arena *a, size_t size);
// Takes ownership of heap block `p` (from malloc): arena_free frees it.
// Lets big buffers (file contents, printed output) join the arena's
// lifetime without being copied.
void arena_adopt(Arena *a, void *p);
// Counts `size` bytes held on the heap for the arena (an adopted block, a
// growing array about to be adopted) in `total`, against `budget` and
// `limit`, as if they were allocated from it; arena_uncount takes them back.
void arena_count(Arena *a, size_t size);
void arena_uncount(Arena *a, size_t size);
// A second arena (a syntax tree that is released early) counts in the
// first's budget: between arena_lend and arena_settle, `sub` counts from
// `a`'s total against `a`'s limit (so it stops where `a` would, with the
// same message); arena_settle adds the bytes `sub` handed out meanwhile to
// `a`'s total (checking the limit) and keeps them in `sub`'s own total
// again. Who frees `sub` takes its total off `a` with arena_uncount.
typedef struct ArenaLoan {
    size_t own;   // sub's own total before the loan
    size_t start; // the total it counted from
} ArenaLoan;
ArenaLoan arena_lend(Arena *sub, const Arena *a);
void arena_settle(Arena *sub, Arena *a, ArenaLoan loan);
// The arena's state now, for arena_reset.
ArenaMark arena_mark(const Arena *a);
// Releases everything allocated and adopted since `m` was taken (the
// memory is kept for reuse, zeroed again), and takes it off `total`. The
// caller guarantees that nothing older points into it. Marks taken after
// `m` are invalid afterwards.
void arena_reset(Arena *a, ArenaMark m);
// Frees adopted block `p` now, before the arena ends (a no-op for NULL).
void arena_release(Arena *a, void *p);
// Returns a NUL-terminated copy of the `len` bytes at `s`.
char *arena_strndup(Arena *a, const char *s, size_t len);
// Returns a NUL-terminated copy of the string `s`.
char *arena_strdup(Arena *a, const char *s);
// Returns a formatted string, like sprintf, allocated in the arena.
char *arena_printf(Arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
// The same with a va_list.
char *arena_vprintf(Arena *a, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
// Returns the `n` strings of `items` each written as `quote` ITEM `quote`,
// separated by `sep`, in one allocation (appending in a loop with
// arena_printf copies the text so far each time: quadratic).
char *arena_join(Arena *a, const char *const *items, size_t n, const char *sep, const char *quote);
// Grows an array allocated in the arena: returns a new array of `new_cap`
// elements of `elem` bytes holding the first `count` elements of `old`.
void *arena_grow(Arena *a, void *old, size_t count, size_t new_cap, size_t elem);

// Tokens, nodes and values are millions of small allocations: the common
// case, room in the current chunk within the limit, is a bump here.
static inline void *arena_alloc(Arena *a, size_t size)
{
    size_t need = (size + 7) & ~(size_t)7;
    if (a->cur && need >= size && need <= (size_t)(a->end - a->cur) &&
        (!a->limit || a->total + need <= a->limit)) {
        void *p = a->cur;
        a->cur += need;
        a->total += need;
        return p;
    }
    return arena_alloc_slow(a, size);
}

// Heap helpers for the few buffers that outlive no arena (file contents read
// by main). Both exit with status 3 when memory runs out.
void *xmalloc(size_t size);
void *xrealloc(void *p, size_t size);
// Prints "hclc: error: out of memory" (followed by " (WHAT)" when `what` is
// not NULL) and exits with status 3. Every out-of-memory path ends here, also
// those of the libraries (cJSON, libyaml, PCRE2) that allocate on their own.
_Noreturn void arena_out_of_memory(const char *what);

#endif
