/* junheng - all-or-nothing output folders. */
#include "junheng/outdir.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

/* Files staged so far, by name relative to the folder. */
typedef struct staged {
    char **names;
    size_t count, cap;
} staged;

struct jh_outdir_private {
    jh_outdir pub;
    staged files;
};

static jh_status
mkdir_p(const char *path, jh_error *err)
{
    char *copy = jh__strdup(path);
    jh_status st = JH_OK;

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
    if (st == JH_OK) {
        struct stat sb;
        if (stat(path, &sb) != 0 || !S_ISDIR(sb.st_mode))
            st = jh_error_set(err, JH_ERR_IO, path, 0, 0,
                              "output path exists and is not a folder");
    }
    return st;
}

jh_status
jh_outdir_open(jh_outdir **out, const char *target, jh_error *err)
{
    struct jh_outdir_private *d;
    jh_status st = mkdir_p(target, err);

    if (st != JH_OK)
        return st;
    d = calloc(1, sizeof(*d));
    if (d == NULL)
        return jh_error_set(err, JH_ERR_NOMEM, target, 0, 0,
                            "out of memory");
    d->pub.target = jh__strdup(target);
    d->pub.staging = jh__asprintf("%s/.junheng-staging-XXXXXX", target);
    if (d->pub.target == NULL || d->pub.staging == NULL) {
        free(d->pub.target);
        free(d->pub.staging);
        free(d);
        return jh_error_set(err, JH_ERR_NOMEM, target, 0, 0,
                            "out of memory");
    }
    if (mkdtemp(d->pub.staging) == NULL) {
        st = jh_error_set(err, JH_ERR_IO, target, 0, 0,
                          "cannot create a staging folder: %s",
                          strerror(errno));
        free(d->pub.target);
        free(d->pub.staging);
        free(d);
        return st;
    }
    *out = &d->pub;
    return JH_OK;
}

char *
jh_outdir_path(jh_outdir *dir, const char *name)
{
    struct jh_outdir_private *d = (struct jh_outdir_private *)dir;
    const char *slash = strchr(name, '/');
    char *path;

    for (size_t i = 0; i < d->files.count; i++) {
        if (strcmp(d->files.names[i], name) == 0)
            return jh__asprintf("%s/%s", dir->staging, name);
    }
    if (slash != NULL) {
        char *sub = jh__asprintf("%s/%.*s", dir->staging,
                                 (int)(slash - name), name);
        if (sub == NULL)
            return NULL;
        if (mkdir(sub, 0777) != 0 && errno != EEXIST) {
            free(sub);
            return NULL;
        }
        free(sub);
    }
    if (d->files.count == d->files.cap) {
        size_t ncap = d->files.cap == 0 ? 32 : d->files.cap * 2;
        char **names = realloc(d->files.names, ncap * sizeof(*names));
        if (names == NULL)
            return NULL;
        d->files.names = names;
        d->files.cap = ncap;
    }
    path = jh__asprintf("%s/%s", dir->staging, name);
    d->files.names[d->files.count] = jh__strdup(name);
    if (path == NULL || d->files.names[d->files.count] == NULL) {
        free(path);
        free(d->files.names[d->files.count]);
        return NULL;
    }
    d->files.count++;
    return path;
}

/* Remove staged files, sub-folders and the staging folder; free @p d. */
static void
cleanup(struct jh_outdir_private *d, bool unlink_files)
{
    for (size_t i = 0; i < d->files.count; i++) {
        const char *name = d->files.names[i];
        const char *slash = strchr(name, '/');
        char *p;
        if (unlink_files) {
            p = jh__asprintf("%s/%s", d->pub.staging, name);
            if (p != NULL)
                unlink(p);
            free(p);
        }
        if (slash != NULL) {
            p = jh__asprintf("%s/%.*s", d->pub.staging, (int)(slash - name),
                             name);
            if (p != NULL)
                rmdir(p); /* fails harmlessly until it is empty */
            free(p);
        }
        free(d->files.names[i]);
    }
    rmdir(d->pub.staging);
    free(d->files.names);
    free(d->pub.staging);
    free(d->pub.target);
    free(d);
}

jh_status
jh_outdir_commit(jh_outdir *dir, jh_error *err)
{
    struct jh_outdir_private *d = (struct jh_outdir_private *)dir;
    jh_status st = JH_OK;

    for (size_t i = 0; i < d->files.count && st == JH_OK; i++) {
        const char *name = d->files.names[i];
        const char *slash = strchr(name, '/');
        char *from = jh__asprintf("%s/%s", dir->staging, name);
        char *to = jh__asprintf("%s/%s", dir->target, name);
        struct stat sb;

        if (from == NULL || to == NULL) {
            st = jh_error_set(err, JH_ERR_NOMEM, dir->target, 0, 0,
                              "out of memory");
        } else if (stat(from, &sb) != 0) {
            /* Registered but never written: nothing to move. */
        } else {
            if (slash != NULL) {
                char *sub = jh__asprintf("%s/%.*s", dir->target,
                                         (int)(slash - name), name);
                if (sub == NULL || mkdir_p(sub, err) != JH_OK)
                    st = sub == NULL ? JH_ERR_NOMEM : JH_ERR_IO;
                free(sub);
            }
            if (st == JH_OK && rename(from, to) != 0)
                st = jh_error_set(err, JH_ERR_IO, to, 0, 0,
                                  "cannot move the finished file into "
                                  "place: %s",
                                  strerror(errno));
        }
        free(from);
        free(to);
    }
    cleanup(d, true);
    return st;
}

void
jh_outdir_abort(jh_outdir *dir)
{
    if (dir != NULL)
        cleanup((struct jh_outdir_private *)dir, true);
}
