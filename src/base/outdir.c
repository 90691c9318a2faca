/*
 * junheng - output folders junheng owns only in part, replaced all or
 * nothing.
 *
 * Contract of the swap (jh_outdir_commit()), for an output folder DIR and
 * its staging folder S = DIR/.junheng-staging-<pid>-XXXXXX:
 *
 *  1. Check, changing nothing (list_staged(), check_in_the_way()): every
 *     top-level name the run writes (N, the entries of S) or removes (R,
 *     the manifest's entries of this kind that were not written again) is
 *     looked at in DIR without following symlinks.  Anything there the
 *     manifest does not list, with the same type (a symlink never is
 *     junheng's), is the user's: under a name of N it stops the run (exit
 *     4, naming the path) unless --force; under a name of R only junheng's
 *     own files in it are removed, after the swap.  An input of the run
 *     under a name of N stops the run even with --force; under R it is
 *     kept.
 *  2. Write the new manifest to S/.junheng-manifest and the names of N to
 *     S/.junheng-swap (the journal), then create S/.junheng-old: from here
 *     on the swap has begun (compose_manifest(), begin_swap()).
 *  3. Move every existing name of N and R from DIR into S/.junheng-old
 *     (move_names()).
 *  4. Move every name of N from S into DIR (never over anything;
 *     move_names()).
 *  5. Rename S/.junheng-manifest over DIR/.junheng-manifest: the commit
 *     point (commit_point()).  Then remove S with the old set (finish()).
 *
 * Any failure in 3-5 rolls back (finish() calls rollback()): each name of
 * the journal no longer in S is moved back from DIR into S, then
 * everything in S/.junheng-old back into DIR; DIR holds the old set
 * again.  A run killed in 3-5 leaves S behind; the next run into DIR
 * (holding the lock, so no other run owns S) finds it in jh_outdir_open():
 * with S/.junheng-old and S/.junheng-manifest still there (before the
 * commit point) it rolls back the same way, else (no swap begun, or
 * committed) it removes S.  So DIR holds the complete old set or the
 * complete new set, whatever fails and whenever the process dies; what a
 * crash of the whole machine does to the file system's own order of
 * writes is not covered (no fsync).
 *
 * The lock: flock(2) on DIR itself, taken without waiting in
 * jh_outdir_open() and held until commit or abort; a second run is
 * refused at once ("in use", exit 4) rather than made to wait for a batch
 * that may run for minutes.  The lock dies with its process.
 *
 * The file-system helpers (making, walking, removing trees; moving
 * without replacing; reading the manifest) are in outdir_fs.c.
 */
#include "junheng/outdir.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "outdir_fs.h"
#include "util.h"

#define STAGING_PREFIX ".junheng-staging-"
#define OLD_NAME ".junheng-old"
#define JOURNAL_NAME ".junheng-swap"

/* ---------------------------------------------------------------------- */
/* Inputs                                                                  */

typedef struct jh__outdir_inputs {
    struct stat *v; /* st_dev and st_ino used */
    size_t n;
} jh__outdir_inputs;

static bool
is_input(const jh__outdir_inputs *in, dev_t dev, ino_t ino)
{
    for (size_t i = 0; in != NULL && i < in->n; i++) {
        if (in->v[i].st_dev == dev && in->v[i].st_ino == ino)
            return true;
    }
    return false;
}

/* The Chinese text of @p e, or its English one when it has none.  A
 * message that quotes another error's takes both: "%s%.0s" in the English
 * format and "%.0s%s" in the Chinese one (each skips the other's text),
 * with the arguments e->message, zh_text(e). */
static const char *
zh_text(const jh_error *e)
{
    return e->message_zh[0] != '\0' ? e->message_zh : e->message;
}

/* ---------------------------------------------------------------------- */
/* Rollback and recovery                                                   */

/*
 * Undo a swap that began in staging folder @p staging of @p target (see
 * the contract at the top).  JH_OK when the old set is back in place.
 */
static jh_status
rollback(const char *target, const char *staging, jh_error *err)
{
    char *journal = jh__asprintf("%s/" JOURNAL_NAME, staging);
    char *old = jh__asprintf("%s/" OLD_NAME, staging);
    char *text = NULL;
    size_t len = 0;
    jh_status st = JH_OK;
    DIR *d;
    struct dirent *e;

    if (journal == NULL || old == NULL) {
        free(journal);
        free(old);
        return jh_error_set2(err, JH_ERR_NOMEM, target, 0, 0, "内存不足",
                             "out of memory");
    }
    /* The new entries moved in: back into the staging folder. */
    if (jh__path_exists(journal) &&
        jh__read_file(journal, JH__MANIFEST_MAX, &text, &len, NULL) == JH_OK) {
        for (char *line = text; line < text + len;) {
            char *nl = memchr(line, '\n', (size_t)(text + len - line));
            char *end = nl != NULL ? nl : text + len;
            *end = '\0';
            if (line[0] != '\0' && jh__safe_path(line, strlen(line))) {
                char *in_dir = jh__asprintf("%s/%s", target, line);
                char *in_stage = jh__asprintf("%s/%s", staging, line);
                if (in_dir != NULL && in_stage != NULL &&
                    !jh__path_exists(in_stage) && jh__path_exists(in_dir) &&
                    jh__move_noreplace(in_dir, in_stage) != 0 && st == JH_OK)
                    st = jh_error_errno2(err, JH_ERR_IO, in_dir, errno,
                                         "无法撤回新写入的输出",
                                         "cannot take back a new output");
                free(in_dir);
                free(in_stage);
            }
            line = end + 1;
        }
    }
    free(text);
    /* The old entries: back in place. */
    d = opendir(old);
    while (d != NULL && (e = readdir(d)) != NULL) {
        char *from, *to;
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        from = jh__asprintf("%s/%s", old, e->d_name);
        to = jh__asprintf("%s/%s", target, e->d_name);
        if (from == NULL || to == NULL) {
            if (st == JH_OK)
                st = jh_error_set2(err, JH_ERR_NOMEM, target, 0, 0, "内存不足",
                                   "out of memory");
        } else if (jh__move_noreplace(from, to) != 0 && st == JH_OK) {
            st = jh_error_errno2(err, JH_ERR_IO, to, errno,
                                 "无法把原来的输出放回原处（它现在在“%s”）",
                                 "cannot put the earlier output back (it is "
                                 "in %s)",
                                 from);
        }
        free(from);
        free(to);
    }
    if (d != NULL)
        closedir(d);
    free(journal);
    free(old);
    return st;
}

/*
 * Finish what killed runs left in @p target: each staging folder found
 * (we hold the lock: no live run owns one) is rolled back when its swap
 * began and did not reach the commit point, then removed.
 */
static jh_status
recover(const char *target, jh_error *err)
{
    DIR *d = opendir(target);
    struct dirent *e;
    jh_status st = JH_OK;

    if (d == NULL)
        return jh_error_errno2(err, JH_ERR_IO, target, errno,
                               "无法列出文件夹的内容", "cannot list");
    while (st == JH_OK && (e = readdir(d)) != NULL) {
        char *s, *old, *man;
        if (strncmp(e->d_name, STAGING_PREFIX, sizeof(STAGING_PREFIX) - 1) != 0)
            continue;
        s = jh__asprintf("%s/%s", target, e->d_name);
        old = jh__asprintf("%s/%s/" OLD_NAME, target, e->d_name);
        man = jh__asprintf("%s/%s/" JH_OUTDIR_MANIFEST, target, e->d_name);
        if (s == NULL || old == NULL || man == NULL)
            st = jh_error_set2(err, JH_ERR_NOMEM, target, 0, 0, "内存不足",
                               "out of memory");
        else if (jh__path_exists(old) && jh__path_exists(man))
            st = rollback(target, s, err);
        if (st == JH_OK) {
            jh__remove_tree(s);
        } else if (s != NULL && err != NULL) {
            jh_error why;
            why = *err; /* its texts go into the new ones */
            jh_error_set2(err, st, s, 0, 0,
                          "无法还原上次中断的运行：%.0s%s；原来的输出保留在"
                          "这个文件夹中",
                          "cannot undo an interrupted run: %s%.0s; the "
                          "earlier outputs are kept in this folder",
                          why.message, zh_text(&why));
        }
        free(s);
        free(old);
        free(man);
    }
    closedir(d);
    return st;
}

/* ---------------------------------------------------------------------- */
/* Open, stage, abort                                                      */

static void
outdir_free(jh_outdir *d)
{
    if (d == NULL)
        return;
    if (d->lock_fd >= 0)
        close(d->lock_fd); /* releases the lock */
    if (d->inputs != NULL)
        free(d->inputs->v);
    free(d->inputs);
    free(d->kind);
    free(d->staging);
    free(d->target);
    free(d);
}

jh_status
jh_outdir_open(jh_outdir **out, const char *target,
               const jh_outdir_options *opts, jh_error *err)
{
    jh_outdir *d;
    jh_status st;
    size_t n = 0;

    *out = NULL;
    if (target == NULL || target[0] == '\0')
        return jh_error_set2(err, JH_ERR_ARG, NULL, 0, 0,
                             "输出文件夹的名称是空的；请在 --out 后写一个"
                             "文件夹名称",
                             "the output folder name is empty");
    st = jh__mkdir_p(target, err);
    if (st != JH_OK)
        return st;
    d = calloc(1, sizeof(*d));
    if (d == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, target, 0, 0, "内存不足",
                             "out of memory");
    d->lock_fd = -1;
    d->target = jh__strdup(target);
    d->kind =
        jh__strdup(opts != NULL && opts->kind != NULL ? opts->kind : "output");
    d->inputs = calloc(1, sizeof(*d->inputs));
    if (opts != NULL) {
        d->force = opts->force;
        d->handover = opts->handover;
        d->fail_rename = opts->fail_rename;
        d->kill_rename = opts->kill_rename;
        n = opts->inputs != NULL ? opts->ninputs : 0;
    }
    if (d->target == NULL || d->kind == NULL || d->inputs == NULL ||
        (n > 0 && (d->inputs->v = calloc(n, sizeof(struct stat))) == NULL)) {
        outdir_free(d);
        return jh_error_set2(err, JH_ERR_NOMEM, target, 0, 0, "内存不足",
                             "out of memory");
    }
    for (size_t i = 0; i < n; i++) {
        if (opts->inputs[i] != NULL &&
            stat(opts->inputs[i], &d->inputs->v[d->inputs->n]) == 0)
            d->inputs->n++;
    }
    d->lock_fd = open(target, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (d->lock_fd < 0) {
        st = jh_error_errno2(err, JH_ERR_IO, target, errno,
                             "无法打开输出文件夹", "cannot open");
    } else if (flock(d->lock_fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno == EWOULDBLOCK)
            st = jh_error_set2(err, JH_ERR_IO, target, 0, 0,
                               "输出文件夹正被另一次 junheng 运行使用，未作"
                               "任何改动；请等那次运行结束后再试，或用 --out "
                               "换一个文件夹",
                               "the output folder is in use by another "
                               "junheng run; nothing was changed (try "
                               "again when it ends)");
        else
            st = jh_error_errno2(err, JH_ERR_IO, target, errno,
                                 "无法锁定输出文件夹",
                                 "cannot lock the output folder");
    }
    if (st == JH_OK)
        st = recover(target, err);
    if (st == JH_OK) {
        d->staging = jh__asprintf("%s/" STAGING_PREFIX "%ld-XXXXXX", target,
                                  (long)getpid());
        if (d->staging == NULL)
            st = jh_error_set2(err, JH_ERR_NOMEM, target, 0, 0, "内存不足",
                               "out of memory");
        else if (mkdtemp(d->staging) == NULL)
            st = jh_error_errno2(err, JH_ERR_IO, target, errno,
                                 "无法在输出文件夹中建立临时文件夹",
                                 "cannot create a staging folder");
    }
    if (st != JH_OK) {
        free(d->staging);
        d->staging = NULL;
        outdir_free(d);
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
        char *sub =
            jh__asprintf("%s/%.*s", dir->staging, (int)(slash - name), name);
        jh_status st = sub != NULL ? jh__mkdir_p(sub, NULL) : JH_ERR_NOMEM;
        free(sub);
        if (st != JH_OK)
            return NULL;
    }
    return jh__asprintf("%s/%s", dir->staging, name);
}

void
jh_outdir_abort(jh_outdir *dir)
{
    if (dir == NULL)
        return;
    if (dir->staging != NULL)
        jh__remove_tree(dir->staging);
    outdir_free(dir);
}

/* ---------------------------------------------------------------------- */
/* Commit                                                                  */

/* Write @p text to the new file @p path. */
static jh_status
write_text(const char *path, const char *text, size_t len, jh_error *err)
{
    FILE *f = fopen(path, "wx");
    jh_status st = JH_OK;

    if (f == NULL)
        return jh_error_errno2(err, JH_ERR_IO, path, errno, "无法创建文件",
                               "cannot create");
    if (fwrite(text, 1, len, f) != len)
        st = jh_error_errno2(err, JH_ERR_IO, path, errno, "无法写入文件",
                             "cannot write");
    if (fclose(f) != 0 && st == JH_OK)
        st = jh_error_errno2(err, JH_ERR_IO, path, errno, "无法写入文件",
                             "cannot write");
    return st;
}

/* A growing text buffer. */
typedef struct textbuf {
    char *p;
    size_t len, cap;
    bool failed;
} textbuf;

static void
text_add(textbuf *t, const char *s, size_t n)
{
    if (t->failed)
        return;
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap == 0 ? 4096 : t->cap;
        char *grown;
        while (cap < t->len + n + 1)
            cap *= 2;
        grown = realloc(t->p, cap);
        if (grown == NULL) {
            t->failed = true;
            return;
        }
        t->p = grown;
        t->cap = cap;
    }
    memcpy(t->p + t->len, s, n);
    t->len += n;
    t->p[t->len] = '\0';
}

static void
text_line(textbuf *t, const char *kind, const char *path, bool dir)
{
    text_add(t, kind, strlen(kind));
    text_add(t, " ", 1);
    text_add(t, path, strlen(path));
    if (dir)
        text_add(t, "/", 1);
    text_add(t, "\n", 1);
}

/* Remove the files and then the empty folders that manifest @p m lists
 * under top-level name @p top, leaving everything else (the user's). */
static void
remove_listed(const char *target, const jh__manifest *m, const char *top,
              const jh__outdir_inputs *inputs)
{
    size_t tl = strlen(top);

    /* Sorted by path, a folder comes before what it holds: walk back. */
    for (size_t i = m->n; i-- > 0;) {
        const jh__manifest_entry *e = &m->v[i];
        char *path;
        struct stat sb;
        if (strncmp(e->path, top, tl) != 0 ||
            (e->path[tl] != '\0' && e->path[tl] != '/'))
            continue;
        path = jh__asprintf("%s/%s", target, e->path);
        if (path == NULL || lstat(path, &sb) != 0) {
            free(path);
            continue;
        }
        if (e->dir && S_ISDIR(sb.st_mode))
            rmdir(path); /* fails, as it should, when not empty */
        else if (!e->dir && S_ISREG(sb.st_mode) &&
                 !is_input(inputs, sb.st_dev, sb.st_ino))
            unlink(path);
        free(path);
    }
}

/* What one jh_outdir_commit() works with, step by step. */
typedef struct commit {
    jh_outdir *dir;
    unsigned renames;     /* of the swap so far, for the test hooks */
    jh__manifest old;     /* DIR's manifest before this run */
    jh__foundvec staged;  /* everything written, under the names of N */
    jh__strvec tops;      /* N: the names written, sorted */
    jh__strvec touched;   /* N and R, sorted */
    jh__strvec move_out;  /* names of N and R to move aside */
    jh__strvec partial;   /* names of R holding the user's files */
    textbuf man, journal; /* the new manifest and the journal */
    size_t listed;        /* entries of the new manifest */
    char *old_dir;        /* S/.junheng-old */
    bool began;           /* old_dir exists: the swap has begun */
} commit;

static void
commit_release(commit *c)
{
    free(c->old_dir);
    free(c->man.p);
    free(c->journal.p);
    jh__strvec_release(&c->tops);
    jh__strvec_release(&c->touched);
    jh__strvec_release(&c->move_out);
    jh__strvec_release(&c->partial);
    jh__foundvec_release(&c->staged);
    jh__manifest_release(&c->old);
}

static jh_status
commit_nomem(commit *c, jh_error *err)
{
    return jh_error_set2(err, JH_ERR_NOMEM, c->dir->target, 0, 0, "内存不足",
                         "out of memory");
}

/* One rename of the swap (steps 3-5), through the test hooks. */
static int
swap_rename(commit *c, const char *from, const char *to, bool replace)
{
    c->renames++;
    if (c->dir->kill_rename == c->renames)
        raise(SIGKILL);
    if (c->dir->fail_rename == c->renames) {
        errno = EIO;
        return -1;
    }
    return replace ? rename(from, to) : jh__move_noreplace(from, to);
}

/*
 * The names the run wrote (N, into c->tops, sorted) and everything under
 * them (c->staged).  Scratch files (top-level dot names) and empty
 * folders are not outputs: removed here.
 */
static jh_status
list_staged(commit *c, jh_error *err)
{
    jh_outdir *dir = c->dir;
    jh_status st = JH_OK;
    DIR *d = opendir(dir->staging);
    struct dirent *e;

    if (d == NULL)
        st = jh_error_errno2(err, JH_ERR_IO, dir->staging, errno,
                             "无法列出文件夹的内容", "cannot list");
    while (st == JH_OK && (e = readdir(d)) != NULL) {
        char *sub;
        struct stat sb;
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        sub = jh__asprintf("%s/%s", dir->staging, e->d_name);
        if (sub == NULL)
            st = commit_nomem(c, err);
        else if (e->d_name[0] == '.')
            jh__remove_tree(sub);
        else if (lstat(sub, &sb) == 0 && S_ISDIR(sb.st_mode) &&
                 jh__prune_empty(sub))
            ;
        else if (!jh__strvec_push(&c->tops, jh__strdup(e->d_name)))
            st = commit_nomem(c, err);
        free(sub);
    }
    if (d != NULL)
        closedir(d);
    if (c->tops.n > 0)
        qsort(c->tops.v, c->tops.n, sizeof(*c->tops.v), jh__cmp_str);
    for (size_t i = 0; st == JH_OK && i < c->tops.n; i++)
        st = jh__walk(dir->staging, c->tops.v[i], &c->staged, err);
    for (size_t i = 0; st == JH_OK && i < c->staged.n; i++) {
        const jh__found *f = &c->staged.v[i];
        if (strchr(f->path, '\n') != NULL || f->type == 'o')
            st = jh_error_set2(err, JH_ERR_INTERNAL, f->path, 0, 0,
                               "这个输出无法记入输出清单（名称中有换行，或"
                               "不是普通文件或文件夹）",
                               "an output that cannot be recorded");
    }
    return st;
}

/* The names the swap touches (c->touched, sorted): N, and R, the
 * manifest's names of this kind not written again (repeated once per
 * entry under them). */
static jh_status
list_touched(commit *c, jh_error *err)
{
    for (size_t i = 0; i < c->tops.n; i++)
        if (!jh__strvec_push(&c->touched, jh__strdup(c->tops.v[i])))
            return commit_nomem(c, err);
    for (size_t i = 0; i < c->old.n; i++) {
        const jh__manifest_entry *me = &c->old.v[i];
        char *t;
        if (strcmp(me->kind, c->dir->kind) != 0)
            continue;
        t = strndup(me->path, jh__top_len(me->path));
        if (t != NULL && jh__strvec_has(&c->tops, t))
            free(t); /* written again: already there */
        else if (!jh__strvec_push(&c->touched, t)) /* frees t */
            return commit_nomem(c, err);
    }
    if (c->touched.n > 0)
        qsort(c->touched.v, c->touched.n, sizeof(*c->touched.v), jh__cmp_str);
    return JH_OK;
}

/*
 * Step 1 for the name @p t of N or R, present in DIR at @p path: stop on
 * an input (under N) or a foreign entry (under N, without --force); else
 * note it to move aside, or, under R with the user's files in it, to
 * clean.
 */
static jh_status
check_name(commit *c, const char *t, jh_error *err)
{
    jh_outdir *dir = c->dir;
    bool written = jh__strvec_has(&c->tops, t);
    jh__foundvec here = {NULL, 0, 0};
    const char *foreign = NULL, *input = NULL;
    jh_status st = jh__walk(dir->target, t, &here, err);

    for (size_t k = 0; st == JH_OK && k < here.n; k++) {
        const jh__found *f = &here.v[k];
        const jh__manifest_entry *me = jh__manifest_find(&c->old, f->path);
        if (f->type == 'f' && is_input(dir->inputs, f->dev, f->ino) &&
            input == NULL)
            input = f->path;
        if ((me == NULL || me->dir != (f->type == 'd') || f->type == 'o') &&
            foreign == NULL)
            foreign = f->path;
    }
    if (st == JH_OK && written && input != NULL)
        st = jh_error_set2(err, JH_ERR_IO, NULL, 0, 0,
                           "输出文件夹“%s”中的“%s”是这次运行读取的文件，"
                           "写出结果会替换它；未作任何改动。请用 --out 换一个"
                           "输出文件夹",
                           "%s/%s: an input of this run would be "
                           "replaced by an output; nothing was changed "
                           "(choose another --out folder)",
                           dir->target, input);
    else if (st == JH_OK && written && foreign != NULL && !dir->force)
        st = jh_error_set2(
            err, JH_ERR_IO, NULL, 0, 0,
            "输出文件夹“%s”中的“%s”不是 junheng 写的，挡住了要写出的结果；"
            "未作任何改动。请把它移走，或换一个输出文件夹（--out），或加 "
            "--force 替换它",
            "%s/%s: not written by junheng (not in " JH_OUTDIR_MANIFEST
            "), in the way of an "
            "output; nothing was changed (move it away, "
            "or rerun with --force to replace it)",
            dir->target, foreign);
    else if (st == JH_OK && !written && (foreign != NULL || input != NULL)) {
        if (!jh__strvec_push(&c->partial, jh__strdup(t)))
            st = commit_nomem(c, err);
    } else if (st == JH_OK && !jh__strvec_push(&c->move_out, jh__strdup(t))) {
        st = commit_nomem(c, err);
    }
    jh__foundvec_release(&here);
    return st;
}

/* Step 1: what is in the way, changing nothing. */
static jh_status
check_in_the_way(commit *c, jh_error *err)
{
    jh_status st = list_touched(c, err);

    for (size_t i = 0; st == JH_OK && i < c->touched.n; i++) {
        const char *t = c->touched.v[i];
        char *path;
        if (i > 0 && strcmp(c->touched.v[i - 1], t) == 0)
            continue; /* a stale name listed twice */
        path = jh__asprintf("%s/%s", c->dir->target, t);
        if (path == NULL)
            return commit_nomem(c, err);
        if (jh__path_exists(path))
            st = check_name(c, t, err);
        free(path);
    }
    return st;
}

/* Step 2, in memory: the new manifest (the old one's entries under names
 * this run leaves alone, if still there, and the new ones) and the
 * journal (the names of N). */
static jh_status
compose_manifest(commit *c, jh_error *err)
{
    static const char head[] = "# junheng: the files and folders junheng "
                               "wrote here; it replaces only these\n";
    jh__manifest next = {NULL, 0, 0};
    textbuf *man = &c->man;

    text_add(man, head, sizeof(head) - 1);
    for (size_t i = 0; i < c->old.n && !man->failed; i++) {
        const jh__manifest_entry *me = &c->old.v[i];
        char *t = strndup(me->path, jh__top_len(me->path));
        struct stat sb;
        char *p = jh__asprintf("%s/%s", c->dir->target, me->path);
        bool keep = t != NULL && p != NULL && !jh__strvec_has(&c->touched, t) &&
                    lstat(p, &sb) == 0 &&
                    (me->dir ? S_ISDIR(sb.st_mode) : S_ISREG(sb.st_mode));
        if (keep && !jh__manifest_push(&next, me->path, strlen(me->path),
                                       me->kind, me->dir))
            man->failed = true;
        free(t);
        free(p);
    }
    for (size_t i = 0; i < c->staged.n && !man->failed && !c->dir->handover;
         i++) {
        const jh__found *f = &c->staged.v[i];
        if (!jh__manifest_push(&next, f->path, strlen(f->path), c->dir->kind,
                               f->type == 'd'))
            man->failed = true;
    }
    c->listed = next.n;
    if (next.n > 0)
        qsort(next.v, next.n, sizeof(*next.v), jh__manifest_cmp);
    for (size_t i = 0; i < next.n; i++)
        text_line(man, next.v[i].kind, next.v[i].path, next.v[i].dir);
    jh__manifest_release(&next);
    for (size_t i = 0; i < c->tops.n; i++) {
        text_add(&c->journal, c->tops.v[i], strlen(c->tops.v[i]));
        text_add(&c->journal, "\n", 1);
    }
    return man->failed || c->journal.failed ? commit_nomem(c, err) : JH_OK;
}

/* Step 2, on disk: S/.junheng-manifest, the journal S/.junheng-swap, then
 * S/.junheng-old; from here on the swap has begun. */
static jh_status
begin_swap(commit *c, jh_error *err)
{
    const char *staging = c->dir->staging;
    char *path = jh__asprintf("%s/" JH_OUTDIR_MANIFEST, staging);
    jh_status st = path != NULL ? write_text(path, c->man.p, c->man.len, err)
                                : JH_ERR_NOMEM;

    free(path);
    if (st != JH_OK)
        return st;
    path = jh__asprintf("%s/" JOURNAL_NAME, staging);
    st = path != NULL ? write_text(path, c->journal.len > 0 ? c->journal.p : "",
                                   c->journal.len, err)
                      : JH_ERR_NOMEM;
    free(path);
    if (st != JH_OK)
        return st;
    c->old_dir = jh__asprintf("%s/" OLD_NAME, staging);
    if (c->old_dir == NULL || mkdir(c->old_dir, 0700) != 0)
        return jh_error_errno2(err, JH_ERR_IO, staging, errno,
                               "无法开始替换输出", "cannot begin the swap");
    c->began = true;
    return JH_OK;
}

/* Steps 3 and 4: move each name of @p names from folder @p from_dir to
 * folder @p to_dir.  A failure of step 4 (@p into_place) names the
 * destination, of step 3 the source. */
static jh_status
move_names(commit *c, const jh__strvec *names, const char *from_dir,
           const char *to_dir, bool into_place, jh_error *err)
{
    jh_status st = JH_OK;

    for (size_t i = 0; st == JH_OK && i < names->n; i++) {
        char *from = jh__asprintf("%s/%s", from_dir, names->v[i]);
        char *to = jh__asprintf("%s/%s", to_dir, names->v[i]);
        if (from != NULL && to != NULL && !swap_rename(c, from, to, false))
            ;
        else if (into_place)
            st = jh_error_errno2(err, JH_ERR_IO, to, errno,
                                 "无法把写好的输出移入输出文件夹",
                                 "cannot move the finished output into "
                                 "place");
        else
            st = jh_error_errno2(err, JH_ERR_IO, from, errno,
                                 "无法把原来的输出移开",
                                 "cannot move the earlier output aside");
        free(from);
        free(to);
    }
    return st;
}

/* Step 5: the new manifest over the old one, the commit point. */
static jh_status
commit_point(commit *c, jh_error *err)
{
    char *from = jh__asprintf("%s/" JH_OUTDIR_MANIFEST, c->dir->staging);
    char *to = jh__asprintf("%s/" JH_OUTDIR_MANIFEST, c->dir->target);
    jh_status st = JH_OK;

    if (from == NULL || to == NULL || swap_rename(c, from, to, true))
        st = jh_error_errno2(err, JH_ERR_IO, to, errno, "无法记录输出清单",
                             "cannot record the outputs");
    free(from);
    free(to);
    return st;
}

/* After step 5 or a failure with status @p st: clean up after a
 * committed swap, roll back a begun one, or just drop the staging
 * folder.  Returns @p st. */
static jh_status
finish(commit *c, jh_status st, jh_error *err)
{
    jh_outdir *dir = c->dir;

    if (st == JH_OK) {
        for (size_t i = 0; i < c->partial.n; i++)
            remove_listed(dir->target, &c->old, c->partial.v[i], dir->inputs);
        jh__remove_tree(dir->staging);
        /* A manifest that lists nothing (a template handed over into the
         * current folder) says no more than a missing one: leave none. */
        if (c->listed == 0) {
            char *m = jh__asprintf("%s/" JH_OUTDIR_MANIFEST, dir->target);
            if (m != NULL)
                unlink(m);
            free(m);
        }
    } else if (c->began) {
        jh_error keep;
        jh_error_clear(&keep);
        if (rollback(dir->target, dir->staging, &keep) == JH_OK)
            jh__remove_tree(dir->staging);
        else if (err != NULL) {
            jh_error why;
            why = *err; /* its texts go into the new ones */
            jh_error_set2(err, st, keep.file, 0, 0,
                          "%.0s%s；撤销也失败了：%.0s%s（原来的输出保留在"
                          "“%s”中）",
                          "%s%.0s; undoing it failed too: %s%.0s (the "
                          "earlier outputs are kept in %s)",
                          why.message, zh_text(&why), keep.message,
                          zh_text(&keep), dir->staging);
        }
    } else {
        jh__remove_tree(dir->staging);
    }
    return st;
}

/* The swap: see the contract at the top of this file. */
jh_status
jh_outdir_commit(jh_outdir *dir, jh_error *err)
{
    commit c;
    jh_status st;

    memset(&c, 0, sizeof(c));
    c.dir = dir;
    st = list_staged(&c, err);
    if (st == JH_OK)
        st = jh__manifest_load(&c.old, dir->target, JH_OUTDIR_MANIFEST, err);
    if (st == JH_OK)
        st = check_in_the_way(&c, err);
    if (st == JH_OK)
        st = compose_manifest(&c, err);
    if (st == JH_OK)
        st = begin_swap(&c, err);
    if (st == JH_OK) /* Step 3: the old entries aside. */
        st = move_names(&c, &c.move_out, dir->target, c.old_dir, false, err);
    if (st == JH_OK) /* Step 4: the new entries in. */
        st = move_names(&c, &c.tops, dir->staging, dir->target, true, err);
    if (st == JH_OK)
        st = commit_point(&c, err);
    st = finish(&c, st, err);
    commit_release(&c);
    outdir_free(dir);
    return st;
}

/* ---------------------------------------------------------------------- */
/* Outputs are not inputs                                                  */

jh_status
jh_outdir_owned_names(const char *folder, char ***out, size_t *n, jh_error *err)
{
    char *real = realpath(folder, NULL);
    jh__strvec names = {NULL, 0, 0};
    char *rel = NULL;
    jh_status st = JH_OK;

    *out = NULL;
    *n = 0;
    if (real == NULL)
        return JH_OK; /* the caller reports an unreadable folder */
    /* From the folder up to the root: a manifest at each level may list
     * entries of the folder. */
    for (int depth = 0; st == JH_OK && depth < 256; depth++) {
        jh__manifest m;
        char *slash;
        size_t rl = rel != NULL ? strlen(rel) : 0;
        if (jh__manifest_load(&m, real[0] != '\0' ? real : "",
                              JH_OUTDIR_MANIFEST, NULL) == JH_OK) {
            for (size_t i = 0; i < m.n; i++) {
                const char *p = m.v[i].path;
                if (rl > 0 && (strncmp(p, rel, rl) != 0 || p[rl] != '/'))
                    continue;
                p += rl > 0 ? rl + 1 : 0;
                if (strchr(p, '/') == NULL &&
                    !jh__strvec_push(&names, jh__strdup(p)))
                    st = jh_error_set2(err, JH_ERR_NOMEM, folder, 0, 0,
                                       "内存不足", "out of memory");
            }
            jh__manifest_release(&m);
        }
        slash = strrchr(real, '/');
        if (slash == NULL || real[0] == '\0')
            break;
        {
            char *up = rel != NULL ? jh__asprintf("%s/%s", slash + 1, rel)
                                   : jh__strdup(slash + 1);
            free(rel);
            rel = up;
        }
        *slash = '\0'; /* "/a" becomes "": the root, read as "/" below */
        if (rel == NULL)
            st = jh_error_set2(err, JH_ERR_NOMEM, folder, 0, 0, "内存不足",
                               "out of memory");
    }
    free(rel);
    free(real);
    if (st != JH_OK) {
        jh__strvec_release(&names);
        return st;
    }
    if (names.n > 0)
        qsort(names.v, names.n, sizeof(*names.v), jh__cmp_str);
    *out = names.v;
    *n = names.n;
    return JH_OK;
}

void
jh_outdir_names_free(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}
