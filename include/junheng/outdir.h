/*
 * junheng - all-or-nothing output folders.
 *
 * jh_outdir_open() creates a hidden staging folder inside the target folder;
 * exporters write there; jh_outdir_commit() renames each file into place
 * (same file system, so each rename is atomic) and removes the staging
 * folder; jh_outdir_abort() removes everything staged.  Existing reports are
 * replaced only by complete new ones.
 */
#ifndef JUNHENG_OUTDIR_H
#define JUNHENG_OUTDIR_H

#include <stddef.h>

#include "junheng/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A staging folder. */
typedef struct jh_outdir {
    char *target;  /**< folder the user asked for */
    char *staging; /**< hidden folder inside it */
} jh_outdir;

/** Create @p target if needed and a staging folder inside it. */
jh_status jh_outdir_open(jh_outdir **out, const char *target, jh_error *err);

/** Path of @p name (may contain "sub/" folders) in the staging folder;
 * malloc'd, the caller frees it; NULL on failure.  Creates the folders.
 * Exporters may write any file under the staging folder: commit moves all
 * of them except names starting with "." (scratch files), which it removes. */
char *jh_outdir_path(jh_outdir *dir, const char *name);

/**
 * Move everything staged into the target and free @p dir.  A staged file
 * replaces the target's; a staged folder replaces the target's folder as a
 * whole.  @p owned (NULL-terminated, may be NULL) names the outputs this
 * kind of run owns: one that was not staged (or is an empty folder) is
 * removed from the target, so no output of an earlier run is left beside
 * the new ones.
 */
jh_status jh_outdir_commit(jh_outdir *dir, const char *const *owned,
                           jh_error *err);

/** Remove every staged file and free @p dir (tolerates NULL). */
void jh_outdir_abort(jh_outdir *dir);

#ifdef __cplusplus
}
#endif

#endif
