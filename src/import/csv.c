/* junheng - delimited text files through libcsv. */
#include "junheng/csv.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

typedef struct reader {
    jh_table *table;
    char *buf;           /* the current row's field bytes, back to back */
    size_t used, bufcap;
    size_t *offs, *lens; /* each field's offset and length in buf */
    const char **ptrs;   /* scratch for jh_table_append_copy */
    size_t ncells, cap;
    long line;           /* line being fed to the parser */
    long row_line;       /* line where the current record started */
    long start;          /* first non-blank line fed since the last row */
    jh_status status;    /* first failure inside a callback */
    long bad_line;
    size_t bad_column;
} reader;

static void
on_field(void *s, size_t len, void *data)
{
    reader *r = data;

    if (r->status != JH_OK)
        return;
    if (len > JH_CSV_MAX_CELL) {
        r->status = JH_ERR_DATA;
        r->bad_line = r->row_line != 0 ? r->row_line : r->line;
        r->bad_column = r->ncells + 1;
        return;
    }
    if (r->ncells == r->cap) {
        size_t ncap = r->cap == 0 ? 32 : r->cap * 2;
        size_t *no = realloc(r->offs, ncap * sizeof(*no));
        size_t *nl = no != NULL ? realloc(r->lens, ncap * sizeof(*nl)) : NULL;
        const char **np =
            nl != NULL ? realloc(r->ptrs, ncap * sizeof(*np)) : NULL;
        if (no != NULL)
            r->offs = no;
        if (nl != NULL)
            r->lens = nl;
        if (np == NULL) {
            r->status = JH_ERR_NOMEM;
            return;
        }
        r->ptrs = np;
        r->cap = ncap;
    }
    if (r->bufcap - r->used < len) {
        size_t ncap = r->bufcap == 0 ? 4096 : r->bufcap;
        char *nb;
        while (ncap - r->used < len)
            ncap *= 2;
        nb = realloc(r->buf, ncap);
        if (nb == NULL) {
            r->status = JH_ERR_NOMEM;
            return;
        }
        r->buf = nb;
        r->bufcap = ncap;
    }
    if (len > 0)
        memcpy(r->buf + r->used, s, len);
    r->offs[r->ncells] = r->used;
    r->lens[r->ncells] = len;
    r->used += len;
    r->ncells++;
    if (r->row_line == 0)
        r->row_line = r->start != 0 ? r->start : r->line;
}

static void
on_row(int c, void *data)
{
    reader *r = data;

    (void)c;
    if (r->status != JH_OK)
        return;
    if (r->ncells > 0) {
        /* A row of empty fields never allocated the buffer: point them at
         * "" rather than doing arithmetic on a null pointer (found by
         * fuzz_claims). */
        for (size_t i = 0; i < r->ncells; i++)
            r->ptrs[i] = r->buf != NULL ? r->buf + r->offs[i] : "";
        r->status = jh_table_append_copy(
            r->table, r->ptrs, r->lens, r->ncells,
            r->row_line != 0 ? r->row_line : r->line);
    }
    r->ncells = 0;
    r->used = 0;
    r->row_line = 0;
    r->start = 0;
}

static void
reader_release(reader *r)
{
    free(r->buf);
    free(r->offs);
    free(r->lens);
    free(r->ptrs);
}

static int
space_only(unsigned char c)
{
    return c == ' ';
}

/*
 * Length of the line at @p text (at most @p len bytes) with its end: LF,
 * CRLF, or a CR alone (what Excel for Mac writes), so that every line end
 * a spreadsheet program writes counts as one line.
 */
static size_t
line_length(const char *text, size_t len)
{
    const char *lf = memchr(text, '\n', len);
    size_t n = lf != NULL ? (size_t)(lf - text) : len;
    const char *cr = memchr(text, '\r', n);

    if (cr != NULL) {
        size_t k = (size_t)(cr - text);
        /* CRLF: the line ends at the LF */
        if (k + 1 < len && text[k + 1] == '\n')
            return k + 2;
        return k + 1;
    }
    return lf != NULL ? n + 1 : len;
}

static char
guess_delimiter(const char *text, size_t len)
{
    size_t n = line_length(text, len);

    if (memchr(text, '\t', n) != NULL && memchr(text, ',', n) == NULL)
        return '\t';
    return ',';
}

/*
 * The text of @p data in UTF-8, without a byte-order mark, into *text and
 * *tlen.  Valid UTF-8 (what iconv would give back unchanged) is parsed
 * where it is, without iconv's copy: *owned is then NULL, else the copy
 * the caller frees.  *used receives the encoding read.
 */
static jh_status
decode_text(char **text, size_t *tlen, char **owned, jh_encoding *used,
            const char *data, size_t len, const char *source,
            const jh_csv_options *opts, jh_error *err)
{
    jh_status st;

    *owned = NULL;
    if ((opts->utf8_checked && opts->encoding == JH_ENC_UTF8) ||
        ((opts->encoding == JH_ENC_AUTO || opts->encoding == JH_ENC_UTF8) &&
         jh__utf8_valid(data, len))) {
        *text = (char *)data; /* not freed: *owned stays NULL */
        *tlen = len;
        if (*tlen >= 3 && memcmp(*text, "\xEF\xBB\xBF", 3) == 0) {
            *text += 3;
            *tlen -= 3;
        }
        return JH_OK;
    }
    st = jh_encoding_to_utf8(text, tlen, used, data, len, opts->encoding,
                             source, err);
    *owned = *text;
    return st;
}

jh_status
jh_csv_parse(jh_table **out, const char *data, size_t len,
             const char *source, const jh_csv_options *opts, jh_error *err)
{
    jh_csv_options defaults = {0};
    struct csv_parser p;
    reader r = {0};
    char *text = NULL, *owned = NULL; /* owned: iconv's copy, freed */
    size_t tlen = 0, pos = 0;
    jh_encoding used = JH_ENC_UTF8;
    jh_status st;
    char delim;

    if (opts == NULL)
        opts = &defaults;
    st = decode_text(&text, &tlen, &owned, &used, data, len, source, opts,
                     err);
    if (st != JH_OK)
        return st;
    st = jh_table_new(&r.table, source, NULL);
    if (st != JH_OK) {
        free(owned);
        return jh_error_set2(err, st, source, 0, 0, "内存不足",
                             "out of memory");
    }
    r.table->encoding = jh_encoding_name(used);
    delim = opts->delimiter != 0 ? opts->delimiter : guess_delimiter(text, tlen);

    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        free(owned);
        jh_table_free(r.table);
        return jh_error_set2(err, JH_ERR_NOMEM, source, 0, 0, "内存不足",
                             "out of memory");
    }
    csv_set_delim(&p, (unsigned char)delim);
    /* libcsv grows a field by blk_size bytes at a time (128 by default):
     * a long cell would cost quadratic copying before we can refuse it. */
    csv_set_blk_size(&p, 64 * 1024);
    if (delim == '\t')
        csv_set_space_func(&p, space_only);

    /* Feed one line at a time so that every record knows its line. */
    r.line = 0;
    while (pos < tlen && r.status == JH_OK) {
        size_t chunk = line_length(text + pos, tlen - pos);
        r.line++;
        /* A record starts on the first non-blank line after the last one;
         * its fields may only be complete lines later. */
        if (r.start == 0 && chunk > 0 && text[pos] != '\n' && text[pos] != '\r')
            r.start = r.line;
        if (csv_parse(&p, text + pos, chunk, on_field, on_row, &r) != chunk) {
            /* The column is the field the bad quote is in.  libcsv's
             * reason is English: the Chinese text skips it (%.0s). */
            st = jh_error_set2(err, JH_ERR_PARSE, source, r.line,
                               (long)r.ncells + 1,
                               "引号有误：有多余或未闭合的双引号%.0s；"
                               "单元格内的双引号应写成两个（\"\"），"
                               "或用 Excel、WPS 打开后另存为 .xlsx",
                               "broken quoting: %s (a stray or unclosed "
                               "double quote)",
                               csv_strerror(csv_error(&p)));
            goto fail;
        }
        pos += chunk;
    }
    if (r.status == JH_OK && csv_fini(&p, on_field, on_row, &r) != 0) {
        st = jh_error_set2(err, JH_ERR_PARSE, source,
                           r.start != 0 ? r.start : r.line,
                           (long)r.ncells + 1,
                           "引号有误：从这一行开始的带引号单元格直到文件末尾都"
                           "没有闭合；请补上缺少的双引号",
                           "broken quoting: a quoted field is not closed "
                           "before the end of the file");
        goto fail;
    }
    if (r.status == JH_ERR_DATA) {
        st = jh_error_set2(err, JH_ERR_DATA, source, r.bad_line,
                           (long)r.bad_column,
                           "单元格超过 %zu 字节，不予读取；请缩短该单元格",
                           "cell is longer than %zu bytes", JH_CSV_MAX_CELL);
        goto fail;
    }
    if (r.status != JH_OK) {
        st = jh_error_set2(err, r.status, source, r.line, 0, "内存不足",
                           "out of memory");
        goto fail;
    }
    csv_free(&p);
    reader_release(&r);
    free(owned);
    r.table->lines = r.line;
    *out = r.table;
    return JH_OK;

fail:
    csv_free(&p);
    reader_release(&r);
    free(owned);
    jh_table_free(r.table);
    return st;
}

jh_status
jh_csv_read_file(jh_table **out, const char *path, const jh_csv_options *opts,
                 jh_error *err)
{
    char *data = NULL;
    size_t len = 0;
    jh_status st = jh__read_file(path, JH_CSV_MAX_FILE, &data, &len, err);

    if (st != JH_OK)
        return st;
    st = jh_csv_parse(out, data, len, path, opts, err);
    free(data);
    return st;
}
