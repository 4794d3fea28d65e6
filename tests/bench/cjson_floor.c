// tests/bench/cjson_floor.c - the floor for any tool that prints JSON.
//
//   cjson_floor FILE             read FILE, parse it with cJSON, print it with
//                                cJSON_Print to stdout
//   cjson_floor --compare A B    exit 0 when A and B hold the same JSON value
//                                (object member order ignored, array order
//                                kept), else print the first difference's
//                                path and exit 1
//   cjson_floor --out-dir OUT IN parse and print every IN/NAME.json to
//                                OUT/NAME.json, one at a time: the floor of a
//                                build writing one file per task definition
//   cjson_floor --parse FILE     parse FILE only: the floor of a validator of
//                                existing JSON
//
// The floor does the least a JSON-printing tool must: read the text, build
// the tree, print it. It does not free the tree or the text before exiting
// (the operating system does), as a tool in a hurry need not either.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dirent.h>

#include <cjson/cJSON.h>

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return NULL;
    }
    size_t cap = 1 << 16, len = 0;
    if (fseek(f, 0, SEEK_END) == 0) {
        long n = ftell(f);
        if (n > 0)
            cap = (size_t)n + 1;
        rewind(f);
    }
    char *buf = malloc(cap);
    for (;;) {
        if (!buf) {
            fprintf(stderr, "%s: out of memory\n", path);
            fclose(f);
            return NULL;
        }
        len += fread(buf + len, 1, cap - len, f);
        if (len < cap)
            break;
        cap *= 2;
        buf = realloc(buf, cap);
    }
    if (ferror(f)) {
        perror(path);
        fclose(f);
        free(buf);
        return NULL;
    }
    fclose(f);
    buf[len] = '\0';
    return buf;
}

static cJSON *parse_file(const char *path)
{
    char *text = read_file(path);
    if (!text)
        return NULL;
    cJSON *json = cJSON_Parse(text);
    if (!json) {
        const char *at = cJSON_GetErrorPtr();
        fprintf(stderr, "%s: not JSON (at byte %ld)\n", path, at ? (long)(at - text) : -1L);
    }
    free(text);
    return json;
}

// Path of the value being compared, for the report.
static char path[4096];

static int differ(const char *what)
{
    printf("differ at %s: %s\n", path[0] ? path : "(top)", what);
    return 0;
}

static int same(const cJSON *a, const cJSON *b)
{
    int ta = a->type & 0xff, tb = b->type & 0xff;
    if (ta != tb)
        return differ("types differ");
    size_t plen = strlen(path);
    switch (ta) {
    case cJSON_False:
    case cJSON_True:
    case cJSON_NULL:
        return 1;
    case cJSON_Number:
        return a->valuedouble == b->valuedouble ? 1 : differ("numbers differ");
    case cJSON_String:
        return strcmp(a->valuestring, b->valuestring) == 0 ? 1 : differ("strings differ");
    case cJSON_Array: {
        int i = 0;
        const cJSON *x = a->child, *y = b->child;
        for (; x && y; x = x->next, y = y->next, i++) {
            snprintf(path + plen, sizeof path - plen, "[%d]", i);
            if (!same(x, y))
                return 0;
        }
        path[plen] = '\0';
        return !x && !y ? 1 : differ("array lengths differ");
    }
    case cJSON_Object: {
        int na = cJSON_GetArraySize(a), nb = cJSON_GetArraySize(b);
        for (const cJSON *x = a->child; x; x = x->next) {
            snprintf(path + plen, sizeof path - plen, ".%s", x->string);
            const cJSON *y = cJSON_GetObjectItemCaseSensitive(b, x->string);
            if (!y)
                return differ("member missing from the second file");
            if (!same(x, y))
                return 0;
        }
        path[plen] = '\0';
        return na == nb ? 1 : differ("the second file has more members");
    }
    default:
        return differ("unexpected cJSON type");
    }
}

// Parses FILE and prints it to OUT (NULL: stdout, and nothing freed), as
// cJSON_Print writes it and with a final newline, as hclc does.
static int reprint(const char *file, const char *out)
{
    cJSON *json = parse_file(file);
    if (!json)
        return 1;
    char *text = cJSON_Print(json);
    if (!text) {
        fprintf(stderr, "cjson_floor: out of memory\n");
        return 1;
    }
    FILE *f = out ? fopen(out, "wb") : stdout;
    if (!f) {
        perror(out);
        return 1;
    }
    size_t n = strlen(text);
    if (fwrite(text, 1, n, f) != n || fputc('\n', f) == EOF || fflush(f) != 0) {
        perror(out ? out : "cjson_floor: stdout");
        return 1;
    }
    if (!out)
        return 0;
    cJSON_Delete(json);
    free(text);
    return fclose(f) == 0 ? 0 : 1;
}

// Every IN/NAME.json printed to OUT/NAME.json.
static int reprint_dir(const char *out, const char *in)
{
    DIR *d = opendir(in);
    if (!d) {
        perror(in);
        return 1;
    }
    char from[4096], to[4096];
    struct dirent *e;
    int rc = 0;
    while (rc == 0 && (e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 5, ".json") != 0)
            continue;
        snprintf(from, sizeof from, "%s/%s", in, e->d_name);
        snprintf(to, sizeof to, "%s/%s", out, e->d_name);
        rc = reprint(from, to);
    }
    closedir(d);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "--out-dir") == 0)
        return reprint_dir(argv[2], argv[3]);
    if (argc == 3 && strcmp(argv[1], "--parse") == 0)
        return parse_file(argv[2]) ? 0 : 1;
    if (argc == 4 && strcmp(argv[1], "--compare") == 0) {
        cJSON *a = parse_file(argv[2]), *b = parse_file(argv[3]);
        if (!a || !b)
            return 2;
        int ok = same(a, b);
        cJSON_Delete(a);
        cJSON_Delete(b);
        if (ok)
            printf("same\n");
        return ok ? 0 : 1;
    }
    if (argc != 2 || argv[1][0] == '-') {
        fprintf(stderr,
                "usage: cjson_floor FILE | --compare A B | --out-dir OUT IN | --parse FILE\n");
        return 2;
    }
    return reprint(argv[1], NULL);
}
