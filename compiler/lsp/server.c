// server.c - the server's loop and state: JSON-RPC 2.0 messages in and out,
// the lifecycle (initialize, shutdown, exit), cancellation, the open
// documents (full text sync) and the projects they belong to.
//
// Messages are read in batches: everything already waiting is read before
// any is handled, so a $/cancelRequest cancels a request of the same batch,
// and a project is compiled for diagnostics only when the input is idle
// (edits typed quickly are debounced into one compilation). Requests about a
// document compile its project first when it changed.
#include "lsp/lsp.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "lsp/lsp_impl.h"
#include "lsp/server_impl.h"

enum {
    RPC_PARSE_ERROR = -32700,
    RPC_INVALID_REQUEST = -32600,
    RPC_METHOD_NOT_FOUND = -32601,
    RPC_INVALID_PARAMS = -32602,
    RPC_NOT_INITIALIZED = -32002,
    RPC_REQUEST_CANCELLED = -32800,
};

// --- sending ----------------------------------------------------------------

static void send(Server *s, cJSON *msg)
{
    if (!cJSON_AddStringToObject(msg, "jsonrpc", "2.0") || !lsp_write(s->out, msg))
        s->broken = true;
    cJSON_Delete(msg);
}

static void respond(Server *s, const cJSON *id, cJSON *result)
{
    cJSON *msg = cJSON_CreateObject();
    cJSON_AddItemToObject(msg, "id", id ? cJSON_Duplicate(id, true) : cJSON_CreateNull());
    cJSON_AddItemToObject(msg, "result", result ? result : cJSON_CreateNull());
    send(s, msg);
}

static void respond_error(Server *s, const cJSON *id, int code, const char *message)
{
    cJSON *msg = cJSON_CreateObject();
    cJSON_AddItemToObject(msg, "id", id ? cJSON_Duplicate(id, true) : cJSON_CreateNull());
    cJSON *err = cJSON_AddObjectToObject(msg, "error");
    cJSON_AddNumberToObject(err, "code", code);
    cJSON_AddStringToObject(err, "message", message);
    send(s, msg);
}

void server_notify(Server *s, const char *method, cJSON *params)
{
    cJSON *msg = cJSON_CreateObject();
    cJSON_AddStringToObject(msg, "method", method);
    cJSON_AddItemToObject(msg, "params", params);
    send(s, msg);
}

// --- the lifecycle ----------------------------------------------------------

static bool client_offers_utf8(const cJSON *params)
{
    const cJSON *caps = cJSON_GetObjectItemCaseSensitive(params, "capabilities");
    const cJSON *general = cJSON_GetObjectItemCaseSensitive(caps, "general");
    const cJSON *encs = cJSON_GetObjectItemCaseSensitive(general, "positionEncodings");
    const cJSON *e;
    cJSON_ArrayForEach(e, encs)
    {
        if (cJSON_IsString(e) && strcmp(e->valuestring, "utf-8") == 0)
            return true;
    }
    return false;
}

// Reads the settings object of initializationOptions or of
// workspace/didChangeConfiguration: {"workspace": "prod"}, also nested
// under "hclc".
static void read_settings(Server *s, const cJSON *settings)
{
    const cJSON *nested = cJSON_GetObjectItemCaseSensitive(settings, "hclc");
    if (cJSON_IsObject(nested))
        settings = nested;
    const cJSON *ws = cJSON_GetObjectItemCaseSensitive(settings, "workspace");
    if (cJSON_IsString(ws)) {
        free(s->workspace);
        s->workspace = *ws->valuestring ? server_strdup(ws->valuestring) : NULL;
        server_mark_all_stale(s);
    }
    const cJSON *url = cJSON_GetObjectItemCaseSensitive(settings, "diagnosticsUrl");
    if (cJSON_IsString(url)) {
        free(s->docs_url);
        s->docs_url = *url->valuestring ? server_strdup(url->valuestring) : NULL;
        server_mark_all_stale(s);
    }
}

static cJSON *capabilities(const Server *s)
{
    cJSON *caps = cJSON_CreateObject();
    cJSON_AddStringToObject(caps, "positionEncoding", s->utf8 ? "utf-8" : "utf-16");
    cJSON *sync = cJSON_AddObjectToObject(caps, "textDocumentSync");
    cJSON_AddBoolToObject(sync, "openClose", true);
    cJSON_AddNumberToObject(sync, "change", 1); // full text
    cJSON_AddObjectToObject(sync, "save");
    cJSON_AddBoolToObject(caps, "hoverProvider", true);
    cJSON *comp = cJSON_AddObjectToObject(caps, "completionProvider");
    cJSON *triggers = cJSON_AddArrayToObject(comp, "triggerCharacters");
    cJSON_AddItemToArray(triggers, cJSON_CreateString("."));
    cJSON_AddItemToArray(triggers, cJSON_CreateString("\""));
    cJSON_AddBoolToObject(caps, "definitionProvider", true);
    cJSON_AddBoolToObject(caps, "referencesProvider", true);
    cJSON_AddBoolToObject(caps, "documentSymbolProvider", true);
    cJSON_AddBoolToObject(caps, "documentFormattingProvider", true);
    cJSON *actions = cJSON_AddObjectToObject(caps, "codeActionProvider");
    cJSON *kinds = cJSON_AddArrayToObject(actions, "codeActionKinds");
    cJSON_AddItemToArray(kinds, cJSON_CreateString("quickfix"));
    return caps;
}

static void initialize(Server *s, const cJSON *id, const cJSON *params)
{
    s->utf8 = client_offers_utf8(params);
    read_settings(s, cJSON_GetObjectItemCaseSensitive(params, "initializationOptions"));
    s->initialized = true;
    cJSON *result = cJSON_CreateObject();
    cJSON_AddItemToObject(result, "capabilities", capabilities(s));
    cJSON *info = cJSON_AddObjectToObject(result, "serverInfo");
    cJSON_AddStringToObject(info, "name", "hclc");
    cJSON_AddStringToObject(info, "version", s->version);
    respond(s, id, result);
}

// --- dispatch ---------------------------------------------------------------

typedef cJSON *RequestFn(Server *s, const cJSON *params, const char **error);
typedef void NotificationFn(Server *s, const cJSON *params);

static const struct {
    const char *method;
    RequestFn *fn;
} REQUESTS[] = {
    {"textDocument/hover", server_hover},
    {"textDocument/completion", server_completion},
    {"textDocument/definition", server_definition},
    {"textDocument/references", server_references},
    {"textDocument/documentSymbol", server_document_symbols},
    {"textDocument/codeAction", server_code_actions},
    {"textDocument/formatting", server_formatting},
};

static const struct {
    const char *method;
    NotificationFn *fn;
} NOTIFICATIONS[] = {
    {"textDocument/didOpen", server_did_open},
    {"textDocument/didChange", server_did_change},
    {"textDocument/didClose", server_did_close},
    {"textDocument/didSave", server_did_save},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static bool is_cancelled(Server *s, const cJSON *id)
{
    for (uint32_t i = 0; i < s->ncancelled; i++)
        if (cJSON_Compare(s->cancelled[i], id, true)) {
            cJSON_Delete(s->cancelled[i]);
            s->cancelled[i] = s->cancelled[--s->ncancelled];
            return true;
        }
    return false;
}

static void run_request(Server *s, const char *method, const cJSON *id, const cJSON *params)
{
    for (size_t i = 0; i < COUNT(REQUESTS); i++) {
        if (strcmp(method, REQUESTS[i].method) != 0)
            continue;
        const char *error = NULL;
        cJSON *result = REQUESTS[i].fn(s, params, &error);
        if (error)
            respond_error(s, id, RPC_INVALID_PARAMS, error);
        else
            respond(s, id, result);
        return;
    }
    respond_error(s, id, RPC_METHOD_NOT_FOUND, "unknown method");
}

static void handle_request(Server *s, const char *method, const cJSON *id, const cJSON *params)
{
    if (strcmp(method, "initialize") == 0) {
        if (s->initialized)
            respond_error(s, id, RPC_INVALID_REQUEST, "initialize was already called");
        else
            initialize(s, id, params);
        return;
    }
    if (!s->initialized) {
        respond_error(s, id, RPC_NOT_INITIALIZED, "the server is not initialized");
    } else if (s->shut_down) {
        respond_error(s, id, RPC_INVALID_REQUEST, "the server was shut down");
    } else if (strcmp(method, "shutdown") == 0) {
        s->shut_down = true;
        respond(s, id, NULL);
    } else if (is_cancelled(s, id)) {
        respond_error(s, id, RPC_REQUEST_CANCELLED, "the request was cancelled");
    } else {
        run_request(s, method, id, params);
    }
}

static void handle_notification(Server *s, const char *method, const cJSON *params)
{
    if (strcmp(method, "exit") == 0) {
        s->exit_status = s->shut_down ? 0 : 1;
        s->exiting = true;
        return;
    }
    if (!s->initialized || s->shut_down)
        return;
    if (strcmp(method, "workspace/didChangeConfiguration") == 0) {
        read_settings(s, cJSON_GetObjectItemCaseSensitive(params, "settings"));
        return;
    }
    for (size_t i = 0; i < COUNT(NOTIFICATIONS); i++)
        if (strcmp(method, NOTIFICATIONS[i].method) == 0) {
            NOTIFICATIONS[i].fn(s, params);
            return;
        }
    // other notifications ($/setTrace, initialized, ...) need nothing
}

static bool valid_id(const cJSON *id)
{
    return cJSON_IsString(id) || cJSON_IsNumber(id);
}

static void handle(Server *s, const cJSON *msg)
{
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(msg, "id");
    const cJSON *method = cJSON_GetObjectItemCaseSensitive(msg, "method");
    const cJSON *version = cJSON_GetObjectItemCaseSensitive(msg, "jsonrpc");
    bool ok_version = cJSON_IsString(version) && strcmp(version->valuestring, "2.0") == 0;
    if (!cJSON_IsObject(msg) || !ok_version || !cJSON_IsString(method) || (id && !valid_id(id))) {
        // A response (no method) answers a request of ours: none is sent.
        if (!(cJSON_IsObject(msg) && !method && id))
            respond_error(s, valid_id(id) ? id : NULL, RPC_INVALID_REQUEST,
                          "not a JSON-RPC 2.0 request or notification");
        return;
    }
    const cJSON *params = cJSON_GetObjectItemCaseSensitive(msg, "params");
    if (id)
        handle_request(s, method->valuestring, id, params);
    else
        handle_notification(s, method->valuestring, params);
}

// --- the loop ---------------------------------------------------------------

// Records the ids that $/cancelRequest messages of the batch name.
static void note_cancellations(Server *s, cJSON **batch, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        const cJSON *method = cJSON_GetObjectItemCaseSensitive(batch[i], "method");
        if (!cJSON_IsString(method) || strcmp(method->valuestring, "$/cancelRequest") != 0)
            continue;
        const cJSON *params = cJSON_GetObjectItemCaseSensitive(batch[i], "params");
        const cJSON *id = cJSON_GetObjectItemCaseSensitive(params, "id");
        if (!valid_id(id) || s->ncancelled >= SERVER_MAX_CANCELLED)
            continue;
        s->cancelled[s->ncancelled++] = cJSON_Duplicate(id, true);
    }
}

// Reads one message (waiting when `wait`) and appends it to the batch;
// false when none came.
static bool read_one(Server *s, bool wait, cJSON ***batch, uint32_t *n, uint32_t *cap)
{
    for (;;) {
        char *body;
        size_t len;
        const char *why;
        LspRead r = lsp_read(&s->in, wait, &body, &len, &why);
        if (r == LSP_READ_EOF || r == LSP_READ_NONE)
            return false;
        if (r == LSP_READ_BAD) {
            fprintf(s->log, "hclc lsp: skipped %s\n", why);
            continue;
        }
        cJSON *msg = cJSON_ParseWithLength(body, len);
        free(body);
        BUF_RESERVE_HEAP(*batch, *n, *cap);
        (*batch)[(*n)++] = msg; // NULL: not JSON, answered in its turn
        return true;
    }
}

static void handle_batch(Server *s, cJSON **batch, uint32_t n)
{
    note_cancellations(s, batch, n);
    for (uint32_t i = 0; i < n; i++) {
        if (s->exiting || s->broken)
            ;
        else if (!batch[i])
            respond_error(s, NULL, RPC_PARSE_ERROR, "the message is not valid JSON");
        else
            handle(s, batch[i]);
        cJSON_Delete(batch[i]);
    }
    // A cancellation for a request answered earlier names nothing pending.
    for (uint32_t i = 0; i < s->ncancelled; i++)
        cJSON_Delete(s->cancelled[i]);
    s->ncancelled = 0;
}

int lsp_serve(int in_fd, int out_fd, FILE *log, const char *version, const char *diagnostics_page)
{
    Server s;
    server_init(&s, in_fd, out_fd, log, version);
    if (diagnostics_page) {
        Arena a;
        arena_init(&a);
        s.docs_url = server_strdup(lsp_path_to_uri(&a, diagnostics_page));
        arena_free(&a);
    }
    cJSON **batch = NULL;
    uint32_t cap = 0;
    while (!s.exiting && !s.broken) {
        uint32_t n = 0;
        if (!read_one(&s, true, &batch, &n, &cap) && s.in.eof)
            break;
        while (read_one(&s, false, &batch, &n, &cap))
            ;
        handle_batch(&s, batch, n);
        if (!s.exiting && !s.broken && !lsp_reader_pending(&s.in))
            server_publish(&s);
    }
    free(batch);
    int status = s.exiting ? s.exit_status : 1;
    server_free(&s);
    return status;
}
