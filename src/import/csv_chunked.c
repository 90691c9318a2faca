/*
 * junheng - parsing one large CSV file on several threads, each a run of
 * whole lines, when that gives the table one parser would (see
 * csv_chunked.h).
 */
#include "csv_chunked.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "junheng/csv.h"
#include "junheng/pool.h"
#include "util.h"

static double
now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Files smaller than this are parsed on one thread. */
#define CHUNKED_MIN_BYTES ((size_t)4 << 20)

typedef struct chunk {
    const char *data;
    size_t len;
    long lines; /* lines in the chunk */
    bool plain; /* no double quote, and valid UTF-8 where it must be */
    jh_table *table;
} chunk;

typedef struct chunk_ctx {
    chunk *chunks;
    const char *path;
    int fd;
    char *buf;    /* the whole file */
    size_t size;  /* its size */
    size_t nread; /* pieces read in the first pass */
    jh_csv_options copts;
} chunk_ctx;

/* First pass: piece @p i of the file into the buffer (each thread reads
 * and faults in its own part). */
static jh_status
read_piece(void *data, size_t i, jh_error *err)
{
    chunk_ctx *cc = data;
    size_t from = cc->size / cc->nread * i;
    size_t to = i + 1 == cc->nread ? cc->size : cc->size / cc->nread * (i + 1);

    while (from < to) {
        ssize_t got = pread(cc->fd, cc->buf + from, to - from, (off_t)from);
        if (got <= 0) /* an error, or the file shrank: read it again */
            return jh_error_set2(
                err, JH_ERR_IO, cc->path, 0, 0,
                "读取文件时没有读完（文件可能正被改写）；请稍后重试",
                "short read");
        from += (size_t)got;
    }
    return JH_OK;
}

/* Second pass: check, count and parse chunk @p i (a run of whole lines). */
static jh_status
chunk_task(void *data, size_t i, jh_error *err)
{
    chunk_ctx *cc = data;
    chunk *c = &cc->chunks[i];
    jh_status st;

    /* A quoted field may span lines: then the chunks are not independent
     * and the file is read the ordinary way, as it is when a byte is not
     * UTF-8 (with --encoding auto the file may be GB18030; with
     * --encoding utf-8 the ordinary reader names the line). */
    if (memchr(c->data, '"', c->len) != NULL ||
        !jh__utf8_valid(c->data, c->len))
        return JH_OK; /* c->plain stays false */
    c->plain = true;
    st = jh_csv_parse(&c->table, c->data, c->len, cc->path, &cc->copts, err);
    /* Every chunk but the last ends with its newline: its lines are the
     * lines before the next chunk. */
    if (st == JH_OK)
        c->lines = c->table->lines;
    return st;
}

/*
 * Bring the whole of the regular file cc->path (open as cc->fd) into
 * cc->buf, @p nchunks pieces on as many threads, and decide the
 * delimiter.  False when the file does not qualify (too small or too
 * large, not a regular file, it changed, a workbook) or memory is short:
 * the caller then reads it the ordinary way.
 */
static bool
load_file(chunk_ctx *cc, unsigned nchunks, double *read_bytes)
{
    struct stat sb;
    char probe;
    double t0;
    const char *nl;
    size_t first;

    if (fstat(cc->fd, &sb) != 0 || !S_ISREG(sb.st_mode) ||
        (size_t)sb.st_size < CHUNKED_MIN_BYTES ||
        (size_t)sb.st_size > JH_CSV_MAX_FILE)
        return false;
    cc->size = (size_t)sb.st_size;
    cc->buf = jh__big_alloc(cc->size + 1);
    if (cc->buf == NULL)
        return false;
    cc->nread = nchunks;
    t0 = now_seconds();
    if (jh_pool_run(cc->nread, nchunks, read_piece, cc, NULL, NULL, NULL,
                    NULL) != JH_OK ||
        pread(cc->fd, &probe, 1, (off_t)cc->size) != 0 || /* it grew */
        memcmp(cc->buf, "PK\3\4", 4) == 0)
        return false;
    cc->buf[cc->size] = '\0';
    *read_bytes = now_seconds() - t0;
    cc->copts.encoding = JH_ENC_UTF8;
    cc->copts.utf8_checked = true; /* each chunk checks before it parses */
    nl = memchr(cc->buf, '\n', cc->size);
    first = nl != NULL ? (size_t)(nl - cc->buf) : cc->size;
    cc->copts.delimiter = memchr(cc->buf, '\t', first) != NULL &&
                                  memchr(cc->buf, ',', first) == NULL
                              ? '\t'
                              : ',';
    return true;
}

/* Cut cc->buf into at most @p nchunks runs of whole lines, into
 * @p chunks; returns how many. */
static size_t
cut_chunks(chunk *chunks, const chunk_ctx *cc, unsigned nchunks)
{
    size_t start = 0, n = 0;

    while (start < cc->size && n < nchunks) {
        size_t end = n + 1 == nchunks
                         ? cc->size
                         : start + (cc->size - start) / (nchunks - n);
        if (end < cc->size) {
            const char *nl = memchr(cc->buf + end, '\n', cc->size - end);
            end = nl != NULL ? (size_t)(nl - cc->buf) + 1 : cc->size;
        }
        chunks[n].data = cc->buf + start;
        chunks[n].len = end - start;
        start = end;
        n++;
    }
    return n;
}

/*
 * The tables of the @p n parsed chunks joined into one, *out; the chunks'
 * tables are consumed (freed or adopted) whatever happens.
 */
static jh_status
join_chunks(jh_table **out, chunk *chunks, size_t n, const char *path,
            jh_error *err)
{
    jh_table *t = NULL;
    size_t total = 0;
    long lines = 0;
    jh_status st;

    st = jh_table_new(&t, path, NULL) == JH_OK
             ? JH_OK
             : jh_error_set2(err, JH_ERR_NOMEM, path, 0, 0, "内存不足",
                             "out of memory");
    for (size_t i = 0; st == JH_OK && i < n; i++)
        total += chunks[i].table->nrows;
    if (st == JH_OK && jh_table_reserve(t, total > 0 ? total : 1) != JH_OK)
        st = jh_error_set2(err, JH_ERR_NOMEM, path, 0, 0, "内存不足",
                           "out of memory");
    for (size_t i = 0; i < n; i++) {
        jh_table *c = chunks[i].table;
        chunks[i].table = NULL;
        /* The rows and their arena move to the whole table (room for them
         * is reserved above, so this cannot fail); lines are counted from
         * the start of the file. */
        if (st == JH_OK)
            st = jh_table_adopt(t, c, lines);
        else
            jh_table_free(c);
        lines += chunks[i].lines;
    }
    if (st != JH_OK) {
        jh_table_free(t);
        return st;
    }
    *out = t;
    return JH_OK;
}

jh_status
jh__csv_read_chunked(jh_table **out, const char *path, jh_encoding enc,
                     unsigned nchunks, bool *done, double *read_bytes,
                     jh_error *err)
{
    chunk chunks[64];
    chunk_ctx cc;
    size_t n = 0;
    bool plain = true;
    jh_status st = JH_OK;

    *done = false;
    if (nchunks < 2 || (enc != JH_ENC_AUTO && enc != JH_ENC_UTF8))
        return JH_OK;
    if (nchunks > 64)
        nchunks = 64;
    memset(&cc, 0, sizeof(cc));
    memset(chunks, 0, sizeof(chunks));
    cc.path = path;
    /* O_NONBLOCK: a FIFO without a writer must not block the open (the
     * ordinary reader then refuses it); no effect on a regular file. */
    cc.fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (cc.fd < 0)
        return JH_OK; /* the ordinary reader reports it */
    if (load_file(&cc, nchunks, read_bytes)) {
        n = cut_chunks(chunks, &cc, nchunks);
        cc.chunks = chunks;
        st = jh_pool_run(n, nchunks, chunk_task, &cc, NULL, NULL, NULL, NULL);
        for (size_t i = 0; i < n; i++)
            plain = plain && chunks[i].plain;
        /* A fault of the file (st, or not plain): the ordinary reader
         * says where, with the line of the whole file. */
        if (st == JH_OK && plain) {
            st = join_chunks(out, chunks, n, path, err);
            *done = st == JH_OK;
            n = 0; /* consumed */
        } else {
            st = JH_OK;
        }
    }
    for (size_t i = 0; i < n; i++)
        jh_table_free(chunks[i].table);
    close(cc.fd);
    jh__big_free(cc.buf);
    return st;
}
