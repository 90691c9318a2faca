/* junheng - all-or-nothing output folders. */
#include "junheng/outdir.h"

#include <dirent.h>
#include <errno.h>
#include <ftw.h>
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

/*
 * Move every file under @p from (a folder of the staging tree) to the same
 * place under @p to.  Names starting with "." are scratch files of the
 * exporters and are not moved.
 */
static jh_status
move_tree(const char *from, const char *to, jh_error *err)
{
    DIR *d = opendir(from);
    struct dirent *e;
    jh_status st = JH_OK;

    if (d == NULL)
        return jh_error_set(err, JH_ERR_IO, from, 0, 0, "cannot list: %s",
                            strerror(errno));
    /* Sorted order is not needed: each rename stands alone. */
    while (st == JH_OK && (e = readdir(d)) != NULL) {
        char *src, *dst;
        struct stat sb;
        if (e->d_name[0] == '.')
            continue;
        src = jh__asprintf("%s/%s", from, e->d_name);
        dst = jh__asprintf("%s/%s", to, e->d_name);
        if (src == NULL || dst == NULL) {
            st = jh_error_set(err, JH_ERR_NOMEM, to, 0, 0, "out of memory");
        } else if (lstat(src, &sb) != 0) {
            st = jh_error_set(err, JH_ERR_IO, src, 0, 0, "%s",
                              strerror(errno));
        } else if (S_ISDIR(sb.st_mode)) {
            st = mkdir_p(dst, err);
            if (st == JH_OK)
                st = move_tree(src, dst, err);
        } else if (rename(src, dst) != 0) {
            st = jh_error_set(err, JH_ERR_IO, dst, 0, 0,
                              "cannot move the finished file into place: %s",
                              strerror(errno));
        }
        free(src);
        free(dst);
    }
    closedir(d);
    return st;
}

jh_status
jh_outdir_commit(jh_outdir *dir, jh_error *err)
{
    jh_status st = move_tree(dir->staging, dir->target, err);

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
