/* junheng - the file-system side of output folders (src/base/outdir.c):
 * making, walking and removing trees without following symlinks, moving
 * without replacing, and the manifest of what junheng wrote. */
#ifndef JH_OUTDIR_FS_H
#define JH_OUTDIR_FS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "junheng/error.h"

/* The longest manifest or journal junheng reads back. */
#define JH__MANIFEST_MAX ((size_t)256 << 20)

/* Create folder @p path and its parents (as `mkdir -p`); fails when
 * @p path ends up not a folder. */
jh_status jh__mkdir_p(const char *path, jh_error *err);

/* Remove @p path and, for a folder, everything in it, never following a
 * symlink; failures are ignored. */
void jh__remove_tree(const char *path);

/* True when @p path exists (a dangling symlink does). */
bool jh__path_exists(const char *path);

/* Move @p from to @p to, never over an existing @p to.  0 or -1 (errno). */
int jh__move_noreplace(const char *from, const char *to);

/* qsort/bsearch order of two `char *`. */
int jh__cmp_str(const void *a, const void *b);

/* A growing array of malloc'd strings; {NULL, 0, 0} is empty. */
typedef struct jh__strvec {
    char **v;
    size_t n, cap;
} jh__strvec;

/* Append @p str, which the vector then owns; false (and @p str freed)
 * when @p str is NULL or out of memory. */
bool jh__strvec_push(jh__strvec *s, char *str);
void jh__strvec_release(jh__strvec *s);
/* Whether sorted @p s holds @p str. */
bool jh__strvec_has(const jh__strvec *s, const char *str);

/* One line of a manifest: "<kind> <path>", a folder's path ending in
 * '/'; lines sorted by path. */
typedef struct jh__manifest_entry {
    char *path; /* relative, without a trailing '/' */
    char *kind;
    bool dir;
} jh__manifest_entry;

typedef struct jh__manifest {
    jh__manifest_entry *v;
    size_t n, cap;
} jh__manifest;

/* qsort/bsearch order of two entries: by path. */
int jh__manifest_cmp(const void *a, const void *b);
void jh__manifest_release(jh__manifest *m);
/* Append an entry (the first @p plen bytes of @p path); false when out of
 * memory. */
bool jh__manifest_push(jh__manifest *m, const char *path, size_t plen,
                       const char *kind, bool dir);
/* The entry of @p path in sorted @p m, or NULL. */
const jh__manifest_entry *jh__manifest_find(const jh__manifest *m,
                                            const char *path);
/* True when @p path (@p len bytes) is a plain relative path inside the
 * folder: no empty, "." or ".." part, not absolute, not junheng's own
 * hidden files. */
bool jh__safe_path(const char *path, size_t len);
/*
 * Read the manifest @p name (JH_OUTDIR_MANIFEST) of folder @p folder into
 * @p m, sorted by path.  A missing
 * manifest is an empty one; lines that are not "<kind> <safe path>" are
 * ignored (a hand-edited manifest claims nothing outside the folder).
 */
jh_status jh__manifest_load(jh__manifest *m, const char *folder,
                            const char *name, jh_error *err);

/* The length of the first part of @p path (its top-level name). */
size_t jh__top_len(const char *path);

/* One file system object a walk found. */
typedef struct jh__found {
    char *path; /* relative to the walk's base */
    char type;  /* 'd' folder, 'f' regular file, 'o' anything else */
    dev_t dev;
    ino_t ino;
} jh__found;

typedef struct jh__foundvec {
    jh__found *v;
    size_t n, cap;
} jh__foundvec;

void jh__foundvec_release(jh__foundvec *f);
/*
 * Add @p rel (relative to @p base) and, for a folder, everything under it
 * to @p out, never following a symlink.
 */
jh_status jh__walk(const char *base, const char *rel, jh__foundvec *out,
                   jh_error *err);
/* Remove the empty folders under @p path (and @p path itself when it
 * ends up empty); true when @p path is gone. */
bool jh__prune_empty(const char *path);

#endif
