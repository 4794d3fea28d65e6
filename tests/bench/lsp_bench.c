// lsp_bench.c - `make bench` for hclc lsp: the time from a didChange to
// the publishDiagnostics it causes, on a generated project of about 1,000
// lines, and the server's memory over many edits.
//
//   lsp_bench HCLC DIR [EDITS]
//
// Writes DIR/main.hcl (variables, workspaces and task definitions, about
// 1,000 lines), starts `HCLC lsp` on pipes, opens the file, then sends
// EDITS (10,000) full-text changes, each waiting for its diagnostics (so
// every edit is compiled: none is debounced away). Prints the median, 95th
// percentile and largest latency, and the server's resident memory (VmRSS)
// after the first 1,000 edits and at the end; with LSP_BENCH_RAW set, only
// the median in seconds and the server's peak VmHWM in KiB (run.sh). Every
// other edit makes a Fargate size error: exits 1 when an edit's diagnostics
// are not as expected, or when the server fails or exits with a status
// other than 0 after shutdown and exit.
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define NTASKS 17

static FILE *to_server, *from_server;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

// The project's text; `memory` changes with every edit.
static char *project_text(int memory, size_t *len)
{
    char *text;
    FILE *f = open_memstream(&text, len);
    fprintf(f, "variable \"image_tag\" {\n  type    = string\n  default = \"1.0.0\"\n}\n\n"
               "variable \"cpu\" {\n  type    = number\n  default = 512\n}\n\n"
               "workspace \"dev\" { cpu = 256 }\n\nworkspace \"prod\" { cpu = 1024 }\n\n");
    for (int i = 0; i < NTASKS; i++) {
        fprintf(f,
                "task_definition \"svc%d\" {\n"
                "  family                   = \"svc%d-$<workspace.name>\"\n"
                "  network_mode             = \"awsvpc\"\n"
                "  requires_compatibilities = [\"FARGATE\"]\n"
                "  cpu                      = var.cpu\n"
                "  memory                   = %d\n"
                "  execution_role_arn       = \"arn:aws:iam::123456789012:role/exec\"\n\n",
                i, i, i == 0 ? memory : 2048);
        for (int c = 0; c < 2; c++)
            fprintf(f,
                    "  container \"app%d\" {\n"
                    "    image     = \"repo/svc%d:$<var.image_tag>\"\n"
                    "    essential = %s\n"
                    "    command   = [\"serve\", \"--port\", \"%d\"]\n\n"
                    "    port_mapping {\n      container_port = %d\n    }\n\n"
                    "    environment = {\n      SERVICE = \"svc%d\"\n      SLOT = \"%d\"\n    }\n\n"
                    "    log_configuration {\n      log_driver = \"awslogs\"\n"
                    "      options = {\n        \"awslogs-group\"         = \"/ecs/svc%d\"\n"
                    "        \"awslogs-region\"        = \"eu-west-1\"\n"
                    "        \"awslogs-stream-prefix\" = \"app%d\"\n      }\n    }\n  }\n\n",
                    c, i, c == 0 ? "true" : "false", 8000 + c, 8000 + c, i, c, i, c);
        fprintf(f, "}\n\n");
    }
    fclose(f);
    return text;
}

static void send(const char *body)
{
    fprintf(to_server, "Content-Length: %zu\r\n\r\n%s", strlen(body), body);
    fflush(to_server);
}

// Reads one message body (heap); NULL at the end of the output.
static char *receive(void)
{
    char line[256];
    long len = -1;
    while (fgets(line, sizeof line, from_server)) {
        if (strcmp(line, "\r\n") == 0)
            break;
        if (strncmp(line, "Content-Length: ", 16) == 0)
            len = strtol(line + 16, NULL, 10);
    }
    if (len < 0)
        return NULL;
    char *body = malloc((size_t)len + 1);
    if (!body || fread(body, 1, (size_t)len, from_server) != (size_t)len) {
        free(body);
        return NULL;
    }
    body[len] = '\0';
    return body;
}

// Waits for the diagnostics of main.hcl: 1 when there are some, 0 when
// the list is empty, -1 when the server ended.
static int await_diagnostics(void)
{
    char *m;
    while ((m = receive()) != NULL) {
        bool mine = strstr(m, "publishDiagnostics") && strstr(m, "/main.hcl\"");
        bool none = strstr(m, "\"diagnostics\":[]") != NULL;
        free(m);
        if (mine)
            return none ? 0 : 1;
    }
    return -1;
}

// A JSON string of `text` (quotes, backslashes and newlines escaped).
static char *json_string(const char *text)
{
    char *out;
    size_t len;
    FILE *f = open_memstream(&out, &len);
    fputc('"', f);
    for (const char *p = text; *p; p++) {
        if (*p == '\n')
            fputs("\\n", f);
        else if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else
            fputc(*p, f);
    }
    fputc('"', f);
    fclose(f);
    return out;
}

static void change(const char *uri, int version, int memory)
{
    size_t len;
    char *text = project_text(memory, &len);
    char *js = json_string(text);
    char *msg;
    size_t mlen;
    FILE *f = open_memstream(&msg, &mlen);
    fprintf(f,
            "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{"
            "\"textDocument\":{\"uri\":\"%s\",\"version\":%d},\"contentChanges\":[{\"text\":%s}]}}",
            uri, version, js);
    fclose(f);
    send(msg);
    free(msg);
    free(js);
    free(text);
}

// The server's VmRSS (now) or VmHWM (its peak) in KiB, from /proc.
static long rss_kib(pid_t pid, const char *field)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    FILE *f = fopen(path, "r");
    long kib = -1;
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, field, strlen(field)) == 0)
            kib = strtol(line + strlen(field), NULL, 10);
    if (f)
        fclose(f);
    return kib;
}

static pid_t start(const char *hclc, const char *dir)
{
    int in[2], out[2];
    if (pipe(in) != 0 || pipe(out) != 0)
        return -1;
    pid_t pid = fork();
    if (pid == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        close(in[1]);
        close(out[0]);
        if (chdir(dir) == 0)
            execl(hclc, hclc, "lsp", (char *)NULL);
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    to_server = fdopen(in[1], "w");
    from_server = fdopen(out[0], "r");
    return pid;
}

static int compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: lsp_bench HCLC DIR [EDITS]\n");
        return 2;
    }
    int edits = argc > 3 ? atoi(argv[3]) : 10000;
    if (edits < 1)
        edits = 1;
    char path[4096], uri[4200];
    snprintf(path, sizeof path, "%s/main.hcl", argv[2]);
    snprintf(uri, sizeof uri, "file://%s", path);
    size_t len;
    char *text = project_text(2048, &len);
    FILE *f = fopen(path, "w");
    if (!f)
        return perror(path), 1;
    fwrite(text, 1, len, f);
    fclose(f);
    int lines = 0;
    for (size_t i = 0; i < len; i++)
        lines += text[i] == '\n';
    free(text);
    signal(SIGPIPE, SIG_IGN);
    pid_t pid = start(argv[1], argv[2]);
    send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}"
         "}");
    free(receive());
    text = project_text(2048, &len);
    char *js = json_string(text);
    char *open_msg;
    size_t olen;
    FILE *o = open_memstream(&open_msg, &olen);
    fprintf(o,
            "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":"
            "{\"uri\":\"%s\",\"languageId\":\"hcl\",\"version\":1,\"text\":%s}}}",
            uri, js);
    fclose(o);
    send(open_msg);
    free(open_msg);
    free(js);
    free(text);
    if (await_diagnostics() != 0)
        return fprintf(stderr, "lsp_bench: no diagnostics, or some, after didOpen\n"), 1;
    double *lat = malloc((size_t)edits * sizeof(double));
    long rss_first = -1;
    int wrong = 0;
    for (int i = 0; i < edits; i++) {
        double t0 = now();
        change(uri, i + 2, i % 2 ? 2048 : 4096);
        int found = await_diagnostics();
        if (found < 0)
            return fprintf(stderr, "lsp_bench: the server ended at edit %d\n", i + 1), 1;
        wrong += found != (i % 2 == 0); // 4096 MiB with 256 CPU units is an error
        lat[i] = (now() - t0) * 1000;
        if (i + 1 == (edits < 1000 ? edits : 1000))
            rss_first = rss_kib(pid, "VmRSS:");
    }
    long rss_last = rss_kib(pid, "VmRSS:"), peak = rss_kib(pid, "VmHWM:");
    send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}");
    send("{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
    fclose(to_server);
    while ((text = receive()) != NULL)
        free(text);
    int status;
    waitpid(pid, &status, 0);
    qsort(lat, (size_t)edits, sizeof(double), compare);
    bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    if (wrong)
        fprintf(stderr, "lsp_bench: %d of %d edits had the wrong diagnostics\n", wrong, edits);
    if (getenv("LSP_BENCH_RAW")) { // for tests/bench/run.sh: seconds and KiB
        printf("%.6f %ld\n", lat[edits / 2] / 1000, peak);
        free(lat);
        return ok && !wrong ? 0 : 1;
    }
    printf("hclc lsp, %d lines, %d edits: didChange -> publishDiagnostics median %.1f ms, "
           "p95 %.1f ms, max %.1f ms\n",
           lines, edits, lat[edits / 2], lat[edits * 95 / 100], lat[edits - 1]);
    printf("hclc lsp memory (VmRSS): %ld KiB after %d edits, %ld KiB after %d\n", rss_first,
           edits < 1000 ? edits : 1000, rss_last, edits);
    free(lat);
    if (!ok)
        fprintf(stderr, "lsp_bench: the server's exit status is %d\n",
                WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    return ok && !wrong ? 0 : 1;
}
