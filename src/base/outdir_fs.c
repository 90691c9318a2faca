/*
 * junheng - the file-system side of output folders: making, walking and
 * removing trees without following symlinks, moving without replacing,
 * and reading the manifest (see outdir_fs.h; the swap is outdir.c's).
 */
#include "outdir_fs.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"
/* ---------------------------------------------------------------------- */
/* Small helpers                                                           */

jh_status
jh__mkdir_p(const char *path, jh_error *err)
{
    size_t len = strlen(path);
    char *copy;
    jh_status st = JH_OK;
    struct stat sb;

    if (len == 0)
        return jh_error_set2(err, JH_ERR_ARG, NULL, 0, 0,
                             "输出文件夹的名称是空的；请在 --out 后写一个"
                             "文件夹名称",
                             "the output folder name is empty");
    copy = jh__strdup(path);
    if (copy == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, path, 0, 0, "内存不足",
                             "out of memory");
    /* From the second byte: a leading '/' is the root, not a folder to
     * make; len >= 1, so copy + 1 is at most the terminating NUL. */
    for (char *p = copy + 1;; p++) {
        if (*p == '/' || *p == '\0') {
            char c = *p;
            *p = '\0';
            if (mkdir(copy, 0777) != 0 && errno != EEXIST) {
                st = jh_error_errno2(err, JH_ERR_IO, copy, errno,
                                     "无法创建文件夹", "cannot create folder");
                break;
            }
            *p = c;
            if (c == '\0')
                break;
        }
    }
    free(copy);
    if (st == JH_OK && (stat(path, &sb) != 0 || !S_ISDIR(sb.st_mode)))
        st = jh_error_set2(err, JH_ERR_IO, path, 0, 0,
                           "这是一个已有的文件，不是文件夹；--out 要写一个"
                           "文件夹（不存在时会新建），请换一个名称",
                           "output path exists and is not a folder");
    return st;
}

/* Remove a folder and everything in it, never following a symlink. */
void
jh__remove_tree(const char *path)
{
    struct stat sb;

    if (lstat(path, &sb) != 0)
        return;
    if (!S_ISDIR(sb.st_mode)) {
        unlink(path);
        return;
    }
    {
        DIR *d = opendir(path);
        struct dirent *e;
        while (d != NULL && (e = readdir(d)) != NULL) {
            char *sub;
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            sub = jh__asprintf("%s/%s", path, e->d_name);
            if (sub != NULL)
                jh__remove_tree(sub);
            free(sub);
        }
        if (d != NULL)
            closedir(d);
    }
    rmdir(path);
}

bool
jh__path_exists(const char *path)
{
    struct stat sb;
    return lstat(path, &sb) == 0;
}

/* Move @p from to @p to, never over an existing @p to.  0 or -1 (errno). */
int
jh__move_noreplace(const char *from, const char *to)
{
    struct stat sb;

    if (renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
        return 0;
    if (errno != EINVAL && errno != ENOSYS)
        return -1;
    /* A file system without RENAME_NOREPLACE: we hold the lock, so only
     * the user could race us here. */
    if (lstat(to, &sb) == 0) {
        errno = EEXIST;
        return -1;
    }
    return rename(from, to);
}

int
jh__cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

bool
jh__strvec_push(jh__strvec *s, char *str)
{
    if (str == NULL)
        return false;
    if (s->n == s->cap) {
        size_t cap = s->cap == 0 ? 16 : s->cap * 2;
        char **grown = realloc(s->v, cap * sizeof(*grown));
        if (grown == NULL) {
            free(str);
            return false;
        }
        s->v = grown;
        s->cap = cap;
    }
    s->v[s->n++] = str;
    return true;
}

void
jh__strvec_release(jh__strvec *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->v[i]);
    free(s->v);
    s->v = NULL;
    s->n = s->cap = 0;
}

bool
jh__strvec_has(const jh__strvec *s, const char *str)
{
    return s->n > 0 &&
           bsearch(&str, s->v, s->n, sizeof(*s->v), jh__cmp_str) != NULL;
}

/* ---------------------------------------------------------------------- */
/* The manifest                                                            */

/* One line of a manifest: "<kind> <path>", a folder's path ending in
 * '/'; lines sorted by path. */
int
jh__manifest_cmp(const void *a, const void *b)
{
    return strcmp(((const jh__manifest_entry *)a)->path,
                  ((const jh__manifest_entry *)b)->path);
}

void
jh__manifest_release(jh__manifest *m)
{
    for (size_t i = 0; i < m->n; i++) {
        free(m->v[i].path);
        free(m->v[i].kind);
    }
    free(m->v);
    m->v = NULL;
    m->n = m->cap = 0;
}

bool
jh__manifest_push(jh__manifest *m, const char *path, size_t plen,
                  const char *kind, bool dir)
{
    jh__manifest_entry *e;

    if (m->n == m->cap) {
        size_t cap = m->cap == 0 ? 64 : m->cap * 2;
        jh__manifest_entry *grown = realloc(m->v, cap * sizeof(*grown));
        if (grown == NULL)
            return false;
        m->v = grown;
        m->cap = cap;
    }
    e = &m->v[m->n];
    e->path = strndup(path, plen);
    e->kind = jh__strdup(kind);
    e->dir = dir;
    if (e->path == NULL || e->kind == NULL) {
        free(e->path);
        free(e->kind);
        return false;
    }
    m->n++;
    return true;
}

const jh__manifest_entry *
jh__manifest_find(const jh__manifest *m, const char *path)
{
    jh__manifest_entry key = {(char *)path, NULL, false};
    return m->n > 0 ? bsearch(&key, m->v, m->n, sizeof(*m->v), jh__manifest_cmp)
                    : NULL;
}

/* True when @p path (@p len bytes) is a plain relative path inside the
 * folder: no empty, "." or ".." part, not absolute, not junheng's own
 * hidden files. */
bool
jh__safe_path(const char *path, size_t len)
{
    size_t i = 0;

    if (len == 0 || path[0] == '/' || strncmp(path, ".junheng-", 9) == 0)
        return false;
    while (i < len) {
        size_t j = i;
        while (j < len && path[j] != '/')
            j++;
        if (j == i || (j - i == 1 && path[i] == '.') ||
            (j - i == 2 && path[i] == '.' && path[i + 1] == '.'))
            return false;
        i = j + 1;
    }
    return path[len - 1] != '/';
}

static bool
safe_kind(const char *k, size_t len)
{
    if (len == 0 || len > 32)
        return false;
    for (size_t i = 0; i < len; i++) {
        if (k[i] < 'a' || k[i] > 'z')
            return false;
    }
    return true;
}

/*
 * Read DIR/.junheng-manifest into @p m, sorted by path.  A missing
 * manifest is an empty one; lines that are not "<kind> <safe path>" are
 * ignored (a hand-edited manifest claims nothing outside the folder).
 */
jh_status
jh__manifest_load(jh__manifest *m, const char *folder, const char *name,
                  jh_error *err)
{
    char *path = jh__asprintf("%s/%s", folder, name);
    char *text = NULL, *line;
    size_t len = 0;
    struct stat sb;
    jh_status st;

    memset(m, 0, sizeof(*m));
    if (path == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, folder, 0, 0, "内存不足",
                             "out of memory");
    if (lstat(path, &sb) != 0 && errno == ENOENT) {
        free(path);
        return JH_OK;
    }
    if (lstat(path, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        st = jh_error_set2(err, JH_ERR_IO, path, 0, 0,
                           "junheng 的输出清单不是普通文件；请删除它或换一个"
                           "输出文件夹",
                           "junheng's manifest is not a plain file");
        free(path);
        return st;
    }
    st = jh__read_file(path, JH__MANIFEST_MAX, &text, &len, err);
    free(path);
    if (st != JH_OK)
        return st;
    for (line = text; line < text + len;) {
        char *nl = memchr(line, '\n', (size_t)(text + len - line));
        char *end = nl != NULL ? nl : text + len;
        char *sp = memchr(line, ' ', (size_t)(end - line));
        if (line[0] != '#' && sp != NULL &&
            safe_kind(line, (size_t)(sp - line))) {
            const char *p = sp + 1;
            size_t plen = (size_t)(end - p);
            bool dir = plen > 0 && p[plen - 1] == '/';
            if (dir)
                plen--;
            if (jh__safe_path(p, plen) && memchr(p, '\0', plen) == NULL) {
                char kind[33];
                memcpy(kind, line, (size_t)(sp - line));
                kind[sp - line] = '\0';
                if (!jh__manifest_push(m, p, plen, kind, dir)) {
                    free(text);
                    jh__manifest_release(m);
                    return jh_error_set2(err, JH_ERR_NOMEM, folder, 0, 0,
                                         "内存不足", "out of memory");
                }
            }
        }
        line = end + 1;
    }
    free(text);
    if (m->n > 0)
        qsort(m->v, m->n, sizeof(*m->v), jh__manifest_cmp);
    return JH_OK;
}

/* The length of the first part of @p path (its top-level name). */
size_t
jh__top_len(const char *path)
{
    const char *slash = strchr(path, '/');
    return slash != NULL ? (size_t)(slash - path) : strlen(path);
}

/* ---------------------------------------------------------------------- */
/* Walking a tree                                                          */

void
jh__foundvec_release(jh__foundvec *f)
{
    for (size_t i = 0; i < f->n; i++)
        free(f->v[i].path);
    free(f->v);
    f->v = NULL;
    f->n = f->cap = 0;
}

/*
 * Add @p rel (relative to @p base) and, for a folder, everything under it
 * to @p out, never following a symlink.
 */
jh_status
jh__walk(const char *base, const char *rel, jh__foundvec *out, jh_error *err)
{
    char *full = jh__asprintf("%s/%s", base, rel);
    struct stat sb;
    jh__found *f;
    jh_status st = JH_OK;

    if (full == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, base, 0, 0, "内存不足",
                             "out of memory");
    if (lstat(full, &sb) != 0) {
        int e = errno;
        /* The English text is strerror's alone, the Chinese one its own. */
        st = jh_error_set2(err, JH_ERR_IO, full, 0, 0, "无法访问%.0s：%s",
                           "%s%.0s", strerror(e), jh_errno_zh(e));
        free(full);
        return st;
    }
    if (out->n == out->cap) {
        size_t cap = out->cap == 0 ? 64 : out->cap * 2;
        jh__found *grown = realloc(out->v, cap * sizeof(*grown));
        if (grown == NULL) {
            free(full);
            return jh_error_set2(err, JH_ERR_NOMEM, base, 0, 0, "内存不足",
                                 "out of memory");
        }
        out->v = grown;
        out->cap = cap;
    }
    f = &out->v[out->n];
    f->path = jh__strdup(rel);
    if (f->path == NULL) {
        free(full);
        return jh_error_set2(err, JH_ERR_NOMEM, base, 0, 0, "内存不足",
                             "out of memory");
    }
    f->type = S_ISDIR(sb.st_mode) ? 'd' : S_ISREG(sb.st_mode) ? 'f' : 'o';
    f->dev = sb.st_dev;
    f->ino = sb.st_ino;
    out->n++;
    if (S_ISDIR(sb.st_mode)) {
        DIR *d = opendir(full);
        struct dirent *e;
        if (d == NULL)
            st = jh_error_errno2(err, JH_ERR_IO, full, errno,
                                 "无法列出文件夹的内容", "cannot list");
        while (st == JH_OK && (e = readdir(d)) != NULL) {
            char *sub;
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            sub = jh__asprintf("%s/%s", rel, e->d_name);
            st = sub != NULL ? jh__walk(base, sub, out, err)
                             : jh_error_set2(err, JH_ERR_NOMEM, base, 0, 0,
                                             "内存不足", "out of memory");
            free(sub);
        }
        if (d != NULL)
            closedir(d);
    }
    free(full);
    return st;
}

/* Remove the empty folders under @p path (and @p path itself when it
 * ends up empty); true when @p path is gone. */
bool
jh__prune_empty(const char *path)
{
    DIR *d = opendir(path);
    struct dirent *e;
    bool empty = true;

    if (d == NULL)
        return false;
    while ((e = readdir(d)) != NULL) {
        char *sub;
        struct stat sb;
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        sub = jh__asprintf("%s/%s", path, e->d_name);
        if (sub != NULL && lstat(sub, &sb) == 0 && S_ISDIR(sb.st_mode) &&
            jh__prune_empty(sub)) {
            free(sub);
            continue;
        }
        free(sub);
        empty = false;
    }
    closedir(d);
    return empty && rmdir(path) == 0;
}
