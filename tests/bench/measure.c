// tests/bench/measure.c - wall time and peak RSS of a command.
//
//   measure [-r MAX_RUNS] [-b BUDGET_S] [-t TIMEOUT_S] [-o OUT] [-e ERR] -- CMD [ARG]...
//
// Runs CMD (stdin /dev/null, stdout to OUT, stderr to ERR; /dev/null when
// not given) at least once, and again while fewer than MAX_RUNS runs were
// made (default 1) and less than BUDGET_S seconds were spent in all
// (default 0). Prints one line:
//
//   ok MEDIAN_WALL_S PEAK_RSS_MB RUNS
//   timeout - - RUNS          (a run took longer than TIMEOUT_S: killed)
//   fail:STATUS - - RUNS      (a run exited with a non-zero status)
//   fail:signal:N - - RUNS
//
// Wall time runs from just before the process is spawned to just after it
// is reaped (clock_gettime(CLOCK_MONOTONIC)); peak RSS is the child's
// ru_maxrss from wait4, the largest over the runs (MB = 2^20 bytes). The
// same harness measures every tool, so spawning costs the same for each.
// Instead of /usr/bin/time: its %e has 10 ms resolution, too coarse for the
// small sizes, and this needs no package.
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static volatile sig_atomic_t timed_out;

static void on_alarm(int sig)
{
    (void)sig;
    timed_out = 1;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void usage(void)
{
    fprintf(stderr, "usage: measure [-r MAX_RUNS] [-b BUDGET_S] [-t TIMEOUT_S] [-o OUT] [-e ERR] "
                    "-- CMD [ARG]...\n");
    exit(2);
}

int main(int argc, char **argv)
{
    int max_runs = 1;
    double budget = 0, timeout = 0;
    const char *out = "/dev/null", *err = "/dev/null";
    int opt;
    while ((opt = getopt(argc, argv, "r:b:t:o:e:")) != -1) {
        switch (opt) {
        case 'r':
            max_runs = atoi(optarg);
            break;
        case 'b':
            budget = atof(optarg);
            break;
        case 't':
            timeout = atof(optarg);
            break;
        case 'o':
            out = optarg;
            break;
        case 'e':
            err = optarg;
            break;
        default:
            usage();
        }
    }
    if (optind >= argc || max_runs < 1 || max_runs > 1000)
        usage();
    char **cmd = argv + optind;

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm; // no SA_RESTART: wait4 returns EINTR
    sigaction(SIGALRM, &sa, NULL);

    double walls[1000];
    long peak_kb = 0;
    int runs = 0;
    double start_all = now();
    do {
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&fa, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        posix_spawn_file_actions_addopen(&fa, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        timed_out = 0;
        double t0 = now();
        pid_t pid;
        int rc = posix_spawnp(&pid, cmd[0], &fa, NULL, cmd, environ);
        posix_spawn_file_actions_destroy(&fa);
        if (rc != 0) {
            fprintf(stderr, "measure: %s: %s\n", cmd[0], strerror(rc));
            printf("fail:spawn - - %d\n", runs);
            return 1;
        }
        if (timeout > 0) {
            struct itimerval it = {
                {0, 0},
                {(time_t)timeout, (suseconds_t)((timeout - (double)(time_t)timeout) * 1e6)}};
            setitimer(ITIMER_REAL, &it, NULL);
        }
        int status;
        struct rusage ru;
        pid_t w;
        while ((w = wait4(pid, &status, 0, &ru)) < 0 && errno == EINTR) {
            if (timed_out)
                kill(pid, SIGKILL);
        }
        double t1 = now();
        if (timeout > 0) {
            struct itimerval off = {{0, 0}, {0, 0}};
            setitimer(ITIMER_REAL, &off, NULL);
        }
        runs++;
        if (w < 0) {
            perror("measure: wait4");
            printf("fail:wait - - %d\n", runs);
            return 1;
        }
        if (timed_out) {
            printf("timeout - - %d\n", runs);
            return 1;
        }
        if (WIFSIGNALED(status)) {
            printf("fail:signal:%d - - %d\n", WTERMSIG(status), runs);
            return 1;
        }
        if (WEXITSTATUS(status) != 0) {
            printf("fail:%d - - %d\n", WEXITSTATUS(status), runs);
            return 1;
        }
        walls[runs - 1] = t1 - t0;
        if (ru.ru_maxrss > peak_kb)
            peak_kb = ru.ru_maxrss;
    } while (runs < max_runs && now() - start_all < budget);

    qsort(walls, (size_t)runs, sizeof walls[0], cmp_double);
    double median = runs % 2 ? walls[runs / 2] : (walls[runs / 2 - 1] + walls[runs / 2]) / 2;
    printf("ok %.6f %.1f %d\n", median, (double)peak_kb / 1024.0, runs);
    return 0;
}
