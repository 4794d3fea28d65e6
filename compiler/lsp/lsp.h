// lsp.h - `hclc lsp`: a Language Server Protocol 3.17 server over two file
// descriptors (standard input and output), for editors.
//
// The server reads Content-Length framed JSON-RPC messages, keeps the open
// documents, compiles their project (the directory of each file, open
// buffers standing for the files on disk) and answers with diagnostics,
// hover, completion, navigation and code actions. It writes nothing but
// protocol messages to `out_fd`; its own troubles go to `log` (stderr).
#ifndef HCLC_LSP_H
#define HCLC_LSP_H

#include <stdio.h>

// Serves until `exit` or the end of input. Returns the process exit status
// the protocol asks for: 0 after shutdown then exit, 1 otherwise. `version`
// is reported as serverInfo.version; `diagnostics_page` is the absolute path
// of docs/diagnostics.md, which each diagnostic's codeDescription links to
// (NULL: no link unless the client sets the option "diagnosticsUrl").
int lsp_serve(int in_fd, int out_fd, FILE *log, const char *version, const char *diagnostics_page);

#endif
