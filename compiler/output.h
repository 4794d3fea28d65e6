// output.h - writing output files so that nothing is destroyed: the one
// home of every file hclc writes (build, tfvars; -o and --out-dir).
//
// A regular file is replaced atomically (a temporary file beside it, then
// rename), keeping its permission bits, and its owner and group when run as
// root; a symbolic link is followed and kept; a device, FIFO or socket is
// written into as it is, never replaced; a directory or a file the run
// reads is refused. A set of files is written all or nothing.
#ifndef HCLC_OUTPUT_H
#define HCLC_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/diag.h"
#include "base/source.h"

typedef struct OutputFile {
    const char *path; // as the user named it (-o FILE, or DIR/NAME.json)
    const char *text; // NULL: the output could not be produced (refused)
    size_t len;
} OutputFile;

// Checks the paths of `files` before anything is written. A path may not be
// a directory nor a symbolic link to a missing file, nor name a file the run
// reads: one of `read` (compared by device and inode; NULL for none) or of
// `inputs` (paths known before reading; a directory among them stands for
// its *.hcl files). Returns false after reporting E_OUTPUT_PATH, a usage
// error.
bool output_check(Diags *diags, const OutputFile *files, uint32_t n, const SourceSet *read,
                  const char *const *inputs, uint32_t ninputs);

// Writes every one of `files`, or none: each regular file goes to a
// temporary name first, and the temporary files are renamed into place only
// when all were written (a device or FIFO is written into before the
// renames). Missing directories on the way are created, and removed again
// on failure. A new file gets mode 0666 & ~umask, or 0600 when `sensitive`.
// Returns false after reporting (E_IO_ERROR, E_OUTPUT_NOT_PRODUCED); then
// no new file and no directory the call created remains, and the old files
// are untouched (unless a rename itself failed half-way).
bool output_write(Diags *diags, const OutputFile *files, uint32_t n, bool sensitive);

#endif
