// replay.c - runs a libFuzzer target without libFuzzer: main() feeds each
// file named on the command line to LLVMFuzzerTestOneInput once. Linked
// with every tests/fuzz/fuzz_*.c by `make unit-bins`, it replays the inputs
// kept in tests/fuzz/regress/TARGET/ (tests/checks/fuzz-regress.sh), so a
// crash fuzzing found stays fixed under make check and make sanitize.
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

// The bytes of `path` (malloc'd, *len set), or NULL.
static uint8_t *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    uint8_t *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            uint8_t *bigger = realloc(buf, cap *= 2);
            if (!bigger)
                free(buf);
            buf = bigger;
        }
    }
    if (ferror(f)) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    int failed = 0;
    for (int i = 1; i < argc; i++) {
        size_t len;
        uint8_t *data = read_all(argv[i], &len);
        if (!data) {
            fprintf(stderr, "replay: cannot read %s\n", argv[i]);
            failed = 1;
            continue;
        }
        LLVMFuzzerTestOneInput(data, len);
        free(data);
    }
    return failed;
}
