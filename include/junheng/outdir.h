/*
 * junheng - output folders junheng owns only in part, replaced all or
 * nothing.
 *
 * The folder the user names with --out may hold anything of the user's
 * (their inputs, notes, other programs' files).  junheng records what it
 * wrote there in DIR/.junheng-manifest and replaces or removes only that:
 *
 * - jh_outdir_open() creates DIR if needed, takes an exclusive lock on it
 *   (flock(2) on the folder itself: a second run into the same folder is
 *   refused at once, exit 4, "in use"; the lock dies with the process),
 *   finishes or undoes a swap a killed run left half done, and creates a
 *   hidden staging folder DIR/.junheng-staging-<pid>-XXXXXX;
 * - exporters write into the staging folder (jh_outdir_path());
 * - jh_outdir_commit() checks every top-level name it would write or
 *   remove before changing anything, then swaps the whole set: see the
 *   contract in src/base/outdir.c.  A name the manifest does not list (the
 *   user's file, folder or symlink, or a user's file inside junheng's
 *   folder) stops the run with exit 4 naming the path, unless --force
 *   (jh_outdir_options.force); an input of the run inside a name to be
 *   replaced stops it even with --force.
 */
#ifndef JUNHENG_OUTDIR_H
#define JUNHENG_OUTDIR_H

#include <stdbool.h>
#include <stddef.h>

#include "junheng/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The manifest's file name inside an output folder. */
#define JH_OUTDIR_MANIFEST ".junheng-manifest"

/** How jh_outdir_open() treats the folder. */
typedef struct jh_outdir_options {
    /** What kind of run writes (analyze, plan, batch...): the manifest
     * tags each entry with it, and a commit removes the entries of its
     * own kind that it did not write again.  Lower-case letters only. */
    const char *kind;
    /** Replace names junheng would write even when they are not its own
     * (--force).  Inputs are never replaced. */
    bool force;
    /** The @p ninputs files this run reads (NULL entries skipped): never
     * replaced or removed, whatever @p force says. */
    const char *const *inputs;
    size_t ninputs;
    /** Test hooks (0: off): the Nth rename of the swap fails with EIO, or
     * the process kills itself (SIGKILL) just before it. */
    unsigned fail_rename, kill_rename;
    /** The outputs are handed over to the user once in place (a template
     * to fill in): the manifest does not list them, so a later run treats
     * them as the user's (never replaced without @p force) and batch reads
     * them as inputs. */
    bool handover;
} jh_outdir_options;

#define JH_OUTDIR_OPTIONS_INIT                                                 \
    {                                                                          \
        NULL, false, NULL, 0, 0, 0, false                                      \
    }

/** A staging folder and the lock on its output folder. */
typedef struct jh_outdir {
    char *target;  /**< folder the user asked for */
    char *staging; /**< hidden folder inside it */
    int lock_fd;   /**< the target, open and flock'ed */
    char *kind;
    bool force;
    unsigned fail_rename, kill_rename;
    struct jh__outdir_inputs *inputs; /**< device and inode of each input */
    bool handover;                    /**< jh_outdir_options.handover */
} jh_outdir;

/**
 * Create @p target if needed, lock it, recover what a killed run left,
 * and create a staging folder inside it.  JH_ERR_ARG for an empty
 * @p target; JH_ERR_IO when the folder cannot be made or is in use.
 */
jh_status jh_outdir_open(jh_outdir **out, const char *target,
                         const jh_outdir_options *opts, jh_error *err);

/** Path of @p name (may contain "sub/" folders) in the staging folder;
 * malloc'd, the caller frees it; NULL on failure.  Creates the folders.
 * Exporters may write any file under the staging folder: commit moves all
 * of them except top-level names starting with "." (scratch files), which
 * it removes, and empty folders. */
char *jh_outdir_path(jh_outdir *dir, const char *name);

/**
 * Replace what this kind of run wrote before by everything staged, all or
 * nothing, update the manifest, unlock and free @p dir (whatever the
 * result).  On failure the folder holds the old set, unchanged.
 */
jh_status jh_outdir_commit(jh_outdir *dir, jh_error *err);

/** Remove every staged file, unlock and free @p dir (tolerates NULL). */
void jh_outdir_abort(jh_outdir *dir);

/**
 * The names in folder @p folder that junheng wrote there as outputs: those
 * listed in the manifest of @p folder or of a folder above it (the
 * staging folders and the manifest are hidden names, which readers of a
 * folder skip anyway).  A malloc'd sorted array of malloc'd names in
 * @p *out (NULL when none), @p *n of them; free with
 * jh_outdir_names_free().  A folder that cannot be resolved has none.
 */
jh_status jh_outdir_owned_names(const char *folder, char ***out, size_t *n,
                                jh_error *err);

/** Free what jh_outdir_owned_names() returned. */
void jh_outdir_names_free(char **names, size_t n);

#ifdef __cplusplus
}
#endif

#endif
