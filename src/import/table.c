/* junheng - tables of text cells. */
#include "junheng/table.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/*
 * The rows of a large file live in an arena of big blocks rather than one
 * allocation each: a national file has 200,000 rows, and the page faults
 * of a heap grown row by row cost more than parsing them.  The blocks are
 * big buffers (jh__big_alloc: huge pages where the kernel has them).
 * The first block is small and each next one twice the size of the last,
 * up to BLOCK_SIZE: a batch keeps the tables of all its files, and 10,000
 * small files must not take 10,000 full blocks (they took 20 GB).  A
 * table's arena is thus at most about twice its data.
 * Under AddressSanitizer every row keeps its own allocation, so that a
 * read past a row is still caught.
 */
#define BLOCK_SIZE (((size_t)8 << 20) - 128)
#define FIRST_BLOCK_SIZE ((size_t)16 << 10)

typedef struct jh_table_block {
    struct jh_table_block *next;
    size_t size, used; /* bytes of the block, bytes handed out */
} jh_table_block;

static void
blocks_free(jh_table_block *b)
{
    while (b != NULL) {
        jh_table_block *next = b->next;
        jh__big_free(b);
        b = next;
    }
}

/* @p bytes from the table's arena (8-byte aligned), NULL when out of
 * memory. */
static void *
arena_alloc(jh_table *t, size_t bytes)
{
    jh_table_block *b = t->blocks;
    size_t head = (sizeof(*b) + 7) & ~(size_t)7;
    char *start;
    size_t size;

    bytes = (bytes + 7) & ~(size_t)7;
    if (b == NULL || b->size - b->used < bytes) {
        size = b == NULL                   ? FIRST_BLOCK_SIZE
               : b->size >= BLOCK_SIZE / 2 ? BLOCK_SIZE
                                           : b->size * 2;
        if (size < head + bytes)
            size = head + bytes;
        b = jh__big_alloc(size);
        if (b == NULL)
            return NULL;
        b->next = t->blocks;
        b->size = size;
        b->used = head;
        t->blocks = b;
    }
    start = (char *)b + b->used;
    b->used += bytes;
    return start;
}

jh_status
jh_table_new(jh_table **out, const char *source, const char *sheet)
{
    jh_table *t = calloc(1, sizeof(*t));

    if (t == NULL)
        return JH_ERR_NOMEM;
    /* The name as shown in messages and reports: valid UTF-8 even when
     * the file's name is not (see jh__display_name). */
    t->source = jh__display_name(source != NULL ? source : "");
    t->sheet = jh__strdup(sheet);
    if (t->source == NULL || (sheet != NULL && t->sheet == NULL)) {
        jh_table_free(t);
        return JH_ERR_NOMEM;
    }
    *out = t;
    return JH_OK;
}

static void
free_cells(char **cells, size_t n)
{
    if (cells == NULL)
        return;
    for (size_t i = 0; i < n; i++)
        free(cells[i]);
    free(cells);
}

void
jh_table_free(jh_table *t)
{
    if (t == NULL)
        return;
    for (size_t i = 0; i < t->nrows; i++) {
        if (!t->rows[i].packed)
            free_cells(t->rows[i].cells, t->rows[i].ncells);
        else if (JH__ASAN)
            free(t->rows[i].cells);
    }
    blocks_free(t->blocks);
    if (t->rows_big)
        jh__big_free(t->rows);
    else
        free(t->rows);
    free(t->source);
    free(t->sheet);
    free(t);
}

/* Row arrays past this size are big buffers (see jh__big_alloc). */
#define ROWS_BIG_BYTES ((size_t)1 << 20)

jh_status
jh_table_reserve(jh_table *t, size_t ncap)
{
    jh_table_row *rows;
    bool big;

    if (ncap <= t->cap)
        return JH_OK;
    if (ncap > SIZE_MAX / sizeof(*rows))
        return JH_ERR_NOMEM;
    big = ncap * sizeof(*rows) >= ROWS_BIG_BYTES;
    if (!big && !t->rows_big) {
        rows = realloc(t->rows, ncap * sizeof(*rows));
        if (rows == NULL)
            return JH_ERR_NOMEM;
    } else {
        if (t->rows_big) {
            rows = jh__big_realloc(t->rows, t->nrows * sizeof(*rows),
                                   ncap * sizeof(*rows));
            if (rows == NULL)
                return JH_ERR_NOMEM;
        } else {
            rows = jh__big_alloc(ncap * sizeof(*rows));
            if (rows == NULL)
                return JH_ERR_NOMEM;
            if (t->nrows > 0)
                memcpy(rows, t->rows, t->nrows * sizeof(*rows));
            free(t->rows);
            t->rows_big = true;
        }
    }
    t->rows = rows;
    t->cap = ncap;
    return JH_OK;
}

static jh_status
grow(jh_table *t)
{
    if (t->nrows == t->cap)
        return jh_table_reserve(t, t->cap == 0 ? 64 : t->cap * 2);
    return JH_OK;
}

jh_status
jh_table_append(jh_table *t, char **cells, size_t ncells, long line)
{
    if (grow(t) != JH_OK) {
        free_cells(cells, ncells);
        return JH_ERR_NOMEM;
    }
    t->rows[t->nrows].cells = cells;
    t->rows[t->nrows].ncells = ncells;
    t->rows[t->nrows].line = line;
    t->rows[t->nrows].packed = false;
    t->nrows++;
    return JH_OK;
}

jh_status
jh_table_append_copy(jh_table *t, const char *const *cells,
                     const size_t *lens, size_t ncells, long line)
{
    size_t bytes = ncells * sizeof(char *);
    char **block;
    char *p;

    for (size_t i = 0; i < ncells; i++)
        bytes += lens[i] + 1;
    if (grow(t) != JH_OK)
        return JH_ERR_NOMEM;
    block = JH__ASAN ? malloc(bytes) : arena_alloc(t, bytes);
    if (block == NULL)
        return JH_ERR_NOMEM;
    p = (char *)(block + ncells);
    for (size_t i = 0; i < ncells; i++) {
        block[i] = p;
        if (lens[i] > 0)
            memcpy(p, cells[i], lens[i]);
        p[lens[i]] = '\0';
        p += lens[i] + 1;
    }
    t->rows[t->nrows].cells = block;
    t->rows[t->nrows].ncells = ncells;
    t->rows[t->nrows].line = line;
    t->rows[t->nrows].packed = true;
    t->nrows++;
    return JH_OK;
}

jh_status
jh_table_adopt(jh_table *into, jh_table *from, long line_offset)
{
    jh_table_block *last;

    if (into->cap - into->nrows < from->nrows &&
        jh_table_reserve(into, into->nrows + from->nrows) != JH_OK)
        return JH_ERR_NOMEM;
    for (size_t r = 0; r < from->nrows; r++) {
        into->rows[into->nrows] = from->rows[r];
        into->rows[into->nrows].line += line_offset;
        into->nrows++;
    }
    /* The arena's blocks follow the rows. */
    if (from->blocks != NULL) {
        for (last = from->blocks; last->next != NULL; last = last->next)
            ;
        last->next = into->blocks;
        into->blocks = from->blocks;
        from->blocks = NULL;
    }
    if (into->encoding == NULL)
        into->encoding = from->encoding;
    from->nrows = 0;
    jh_table_free(from);
    return JH_OK;
}

const char *
jh_table_cell(const jh_table *t, size_t row, size_t col)
{
    if (row >= t->nrows || col >= t->rows[row].ncells)
        return "";
    return t->rows[row].cells[col];
}

void
jh_table_locate(const jh_table *t, size_t row, size_t col, jh_error *err)
{
    char letters[16];

    if (err == NULL)
        return;
    snprintf(err->file, sizeof(err->file), "%s", t->source);
    err->line = row < t->nrows ? t->rows[row].line : 0;
    err->column = (long)col + 1;
    err->cell[0] = '\0';
    if (t->sheet != NULL)
        snprintf(err->cell, sizeof(err->cell), "%s!%s%ld", t->sheet,
                 jh_column_letters(err->column, letters, sizeof(letters)),
                 err->line);
}

jh_status
jh_table_error2(jh_error *err, jh_status status, const jh_table *t,
                size_t row, size_t col, const char *fmt_zh, const char *fmt,
                ...)
{
    jh_error where;
    va_list ap;

    if (err == NULL)
        return status;
    jh_error_clear(&where);
    jh_table_locate(t, row, col, &where);
    va_start(ap, fmt);
    jh_error_vset2(err, status, where.file, where.line, where.column, fmt_zh,
                   fmt, ap);
    va_end(ap);
    memcpy(err->cell, where.cell, sizeof(where.cell));
    return status;
}

jh_status
jh_table_vdiag(jh_diags *list, const jh_table *t, size_t row, size_t col,
               const char *fmt_zh, const char *fmt, va_list ap)
{
    jh_error e;

    jh_error_clear(&e);
    jh_table_locate(t, row, col, &e);
    return jh_diags_vadd2(list, e.file, e.line, e.column,
                          e.cell[0] != '\0' ? e.cell : NULL, NULL, fmt_zh, fmt,
                          ap);
}

jh_status
jh_table_diag(jh_diags *list, const jh_table *t, size_t row, size_t col,
              const char *fmt_zh, const char *fmt, ...)
{
    va_list ap;
    jh_status st;

    va_start(ap, fmt);
    st = jh_table_vdiag(list, t, row, col, fmt_zh, fmt, ap);
    va_end(ap);
    return st;
}
