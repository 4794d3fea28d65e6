// server_impl.h - the server's state, shared by server.c (the loop and the
// lifecycle) and documents.c (open documents, projects, diagnostics and the
// requests about a position).
#ifndef HCLC_LSP_SERVER_IMPL_H
#define HCLC_LSP_SERVER_IMPL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "lsp/lsp_impl.h"

#define SERVER_MAX_CANCELLED 256

typedef struct Document {
    char *uri;  // heap
    char *path; // heap; NULL for a URI that is not a file:
    char *text; // heap, NUL-terminated
    uint32_t len;
} Document;

typedef struct Project {
    char *dir;   // heap: the directory of the documents
    Analysis an; // valid when analyzed
    bool analyzed;
    bool stale;       // a document changed since the analysis
    bool unpublished; // its diagnostics are not sent yet
    char **published; // heap: URIs given diagnostics last time
    uint32_t npublished;
} Project;

typedef struct Server {
    LspReader in;
    int out;
    FILE *log;
    const char *version;
    bool initialized, shut_down, exiting, broken;
    int exit_status;
    bool utf8;       // positions count bytes (the client offered utf-8)
    char *workspace; // heap, or NULL: the first declared
    char *docs_url;  // heap: the diagnostics page for codeDescription, or NULL
    Document *docs;
    uint32_t ndocs, capdocs;
    Project *projects;
    uint32_t nprojects, capprojects;
    cJSON *cancelled[SERVER_MAX_CANCELLED];
    uint32_t ncancelled;
} Server;

void server_init(Server *s, int in_fd, int out_fd, FILE *log, const char *version);
void server_free(Server *s);
char *server_strdup(const char *text);
void server_notify(Server *s, const char *method, cJSON *params);
// Marks every project for a new analysis (the workspace changed).
void server_mark_all_stale(Server *s);
// Analyses the stale projects and publishes the diagnostics not sent yet.
void server_publish(Server *s);

void server_did_open(Server *s, const cJSON *params);
void server_did_change(Server *s, const cJSON *params);
void server_did_close(Server *s, const cJSON *params);
void server_did_save(Server *s, const cJSON *params);

cJSON *server_hover(Server *s, const cJSON *params, const char **error);
cJSON *server_completion(Server *s, const cJSON *params, const char **error);
cJSON *server_definition(Server *s, const cJSON *params, const char **error);
cJSON *server_references(Server *s, const cJSON *params, const char **error);
cJSON *server_document_symbols(Server *s, const cJSON *params, const char **error);
cJSON *server_code_actions(Server *s, const cJSON *params, const char **error);
cJSON *server_formatting(Server *s, const cJSON *params, const char **error);

#endif
