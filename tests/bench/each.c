// tests/bench/each.c - runs one command per file, one process each, as a
// user importing many files does (`make bench`, the import path).
//
//   each LIST CMD [ARG]...
//
// For every line of the file LIST (a path), runs CMD ARG... PATH with this
// program's stdin, stdout and stderr, one after the other. Exits 1 at the
// first run that fails (or cannot start), 2 on a usage error, else 0.
// A C loop rather than a shell one, so that the harness costs both sides
// of a comparison next to nothing.
#define _DEFAULT_SOURCE
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

extern char **environ;

// Runs argv (whose last slot is the file) to its end; true when it exits 0.
static bool run(char **argv)
{
    pid_t pid;
    if (posix_spawnp(&pid, argv[0], NULL, NULL, argv, environ) != 0) {
        perror(argv[0]);
        return false;
    }
    int status;
    if (waitpid(pid, &status, 0) < 0)
        return false;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: each LIST CMD [ARG]...\n");
        return 2;
    }
    FILE *list = fopen(argv[1], "r");
    if (!list) {
        perror(argv[1]);
        return 2;
    }
    int n = argc - 2;
    char **cmd = calloc((size_t)n + 2, sizeof(char *));
    if (!cmd)
        return 2;
    memcpy(cmd, argv + 2, (size_t)n * sizeof(char *));
    char line[4096];
    bool ok = true;
    while (ok && fgets(line, sizeof line, list)) {
        line[strcspn(line, "\n")] = '\0';
        if (!line[0])
            continue;
        cmd[n] = line;
        fflush(stdout);
        ok = run(cmd);
        if (!ok)
            fprintf(stderr, "each: %s %s failed\n", cmd[0], line);
    }
    fclose(list);
    free(cmd);
    return ok ? 0 : 1;
}
