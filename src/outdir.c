/* junheng - all-or-nothing output folders. */
#include "junheng/outdir.h"

#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <stdbool.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

static jh_status
mkdir_p(const char *path, jh_error *err)
{
    char *copy = jh__strdup(path);
    jh_status st = JH_OK;
    struct stat sb;

    if (copy == NULL)
        return jh_error_set(err, JH_ERR_NOMEM, path, 0, 0, "out of memory");
    for (char *p = copy + 1;; p++) {
        if (*p == '/' || *p == '\0') {
            char c = *p;
            *p = '\0';
            if (mkdir(copy, 0777) != 0 && errno != EEXIST) {
                st = jh_error_set(err, JH_ERR_IO, copy, 0, 0,
                                  "cannot create folder: %s",
                                  strerror(errno));
                break;
            }
            *p = c;
            if (c == '\0')
                break;
        }
    }
    free(copy);
    if (st == JH_OK && (stat(path, &sb) != 0 || !S_ISDIR(sb.st_mode)))
        st = jh_error_set(err, JH_ERR_IO, path, 0, 0,
                          "output path exists and is not a folder");
    return st;
}

static void remove_tree(const char *path);

/*
 * Remove staging folders left by runs that were killed: their names carry
 * the process id, and a process that no longer exists will not finish.
 */
static void
remove_stale_staging(const char *target)
{
    DIR *d = opendir(target);
    struct dirent *e;

    if (d == NULL)
        return;
    while ((e = readdir(d)) != NULL) {
        static const char prefix[] = ".junheng-staging-";
        char *end = NULL;
        long pid;
        if (strncmp(e->d_name, prefix, sizeof(prefix) - 1) != 0)
            continue;
        pid = strtol(e->d_name + sizeof(prefix) - 1, &end, 10);
        if (end == NULL || *end != '-' || pid <= 0)
            continue;
        if (kill((pid_t)pid, 0) != 0 && errno == ESRCH) {
            char *path = jh__asprintf("%s/%s", target, e->d_name);
            if (path != NULL)
                remove_tree(path);
            free(path);
        }
    }
    closedir(d);
}

jh_status
jh_outdir_open(jh_outdir **out, const char *target, jh_error *err)
{
    jh_outdir *d;
    jh_status st = mkdir_p(target, err);

    if (st != JH_OK)
        return st;
    d = calloc(1, sizeof(*d));
    if (d == NULL)
        return jh_error_set(err, JH_ERR_NOMEM, target, 0, 0,
                            "out of memory");
    d->target = jh__strdup(target);
    remove_stale_staging(target);
    d->staging = jh__asprintf("%s/.junheng-staging-%ld-XXXXXX", target,
                              (long)getpid());
    if (d->target == NULL || d->staging == NULL) {
        st = jh_error_set(err, JH_ERR_NOMEM, target, 0, 0, "out of memory");
    } else if (mkdtemp(d->staging) == NULL) {
        st = jh_error_set(err, JH_ERR_IO, target, 0, 0,
                          "cannot create a staging folder: %s",
                          strerror(errno));
    }
    if (st != JH_OK) {
        free(d->target);
        free(d->staging);
        free(d);
        return st;
    }
    *out = d;
    return JH_OK;
}

char *
jh_outdir_path(jh_outdir *dir, const char *name)
{
    const char *slash = strrchr(name, '/');

    if (slash != NULL) {
        char *sub = jh__asprintf("%s/%.*s", dir->staging,
                                 (int)(slash - name), name);
        jh_status st = sub != NULL ? mkdir_p(sub, NULL) : JH_ERR_NOMEM;
        free(sub);
        if (st != JH_OK)
            return NULL;
    }
    return jh__asprintf("%s/%s", dir->staging, name);
}

static int
remove_entry(const char *path, const struct stat *sb, int flag,
             struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    remove(path);
    return 0;
}

/* Remove a folder and everything in it. */
static void
remove_tree(const char *path)
{
    nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* True when @p path is a folder with nothing in it. */
static bool
is_empty_dir(const char *path)
{
    DIR *d = opendir(path);
    struct dirent *e;
    bool empty = true;

    if (d == NULL)
        return false;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
            empty = false;
            break;
        }
    }
    closedir(d);
    return empty;
}

/*
 * Put one staged entry in place.  A file replaces the target file; a
 * folder replaces the target folder as a whole (the old one is renamed
 * aside, the new one renamed in, the old one removed), so that charts of
 * an earlier run never sit next to a new report.
 */
static jh_status
place(const char *src, const char *dst, const char *target, jh_error *err)
{
    struct stat sb;
    char *aside = NULL;
    jh_status st = JH_OK;

    if (lstat(src, &sb) != 0)
        return jh_error_set(err, JH_ERR_IO, src, 0, 0, "%s", strerror(errno));
    if (S_ISDIR(sb.st_mode) && lstat(dst, &sb) == 0) {
        aside = jh__asprintf("%s/.junheng-old-%ld", target, (long)getpid());
        if (aside == NULL)
            return jh_error_set(err, JH_ERR_NOMEM, dst, 0, 0,
                                "out of memory");
        remove_tree(aside);
        if (rename(dst, aside) != 0) {
            st = jh_error_set(err, JH_ERR_IO, dst, 0, 0,
                              "cannot replace the folder: %s",
                              strerror(errno));
            free(aside);
            return st;
        }
    }
    if (rename(src, dst) != 0)
        st = jh_error_set(err, JH_ERR_IO, dst, 0, 0,
                          "cannot move the finished output into place: %s",
                          strerror(errno));
    if (aside != NULL) {
        if (st == JH_OK)
            remove_tree(aside);
        else
            rename(aside, dst); /* put the old folder back */
        free(aside);
    }
    return st;
}

/* True when @p name was staged (and is not an empty folder). */
static bool
staged(const jh_outdir *dir, const char *name)
{
    char *path = jh__asprintf("%s/%s", dir->staging, name);
    struct stat sb;
    bool yes = path != NULL && lstat(path, &sb) == 0 && !is_empty_dir(path);

    free(path);
    return yes;
}

jh_status
jh_outdir_commit(jh_outdir *dir, const char *const *owned, jh_error *err)
{
    DIR *d;
    struct dirent *e;
    jh_status st = JH_OK;
    size_t nowned = 0;
    bool *absent = NULL;

    /* What an earlier run wrote and this one did not (charts skipped, a
     * level gone) must not stay next to the new report: note it now,
     * remove it once the new outputs are in place. */
    while (owned != NULL && owned[nowned] != NULL)
        nowned++;
    if (nowned > 0) {
        absent = calloc(nowned, sizeof(*absent));
        if (absent == NULL)
            st = jh_error_set(err, JH_ERR_NOMEM, dir->target, 0, 0,
                              "out of memory");
        for (size_t i = 0; absent != NULL && i < nowned; i++)
            absent[i] = !staged(dir, owned[i]);
    }
    d = st == JH_OK ? opendir(dir->staging) : NULL;
    if (st == JH_OK && d == NULL)
        st = jh_error_set(err, JH_ERR_IO, dir->staging, 0, 0,
                          "cannot list: %s", strerror(errno));
    while (st == JH_OK && (e = readdir(d)) != NULL) {
        char *src, *dst;
        if (e->d_name[0] == '.')
            continue;
        src = jh__asprintf("%s/%s", dir->staging, e->d_name);
        dst = jh__asprintf("%s/%s", dir->target, e->d_name);
        if (src == NULL || dst == NULL)
            st = jh_error_set(err, JH_ERR_NOMEM, dir->target, 0, 0,
                              "out of memory");
        else if (!is_empty_dir(src))
            st = place(src, dst, dir->target, err);
        free(src);
        free(dst);
    }
    if (d != NULL)
        closedir(d);
    for (size_t i = 0; st == JH_OK && i < nowned; i++) {
        char *dst;
        if (!absent[i])
            continue;
        dst = jh__asprintf("%s/%s", dir->target, owned[i]);
        if (dst != NULL)
            remove_tree(dst);
        free(dst);
    }
    free(absent);
    remove_tree(dir->staging);
    free(dir->staging);
    free(dir->target);
    free(dir);
    return st;
}

void
jh_outdir_abort(jh_outdir *dir)
{
    if (dir == NULL)
        return;
    remove_tree(dir->staging);
    free(dir->staging);
    free(dir->target);
    free(dir);
}
