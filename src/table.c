/* junheng - tables of text cells. */
#include "junheng/table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

jh_status
jh_table_new(jh_table **out, const char *source, const char *sheet)
{
    jh_table *t = calloc(1, sizeof(*t));

    if (t == NULL)
        return JH_ERR_NOMEM;
    t->source = jh__strdup(source != NULL ? source : "");
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
        if (t->rows[i].packed)
            free(t->rows[i].cells);
        else
            free_cells(t->rows[i].cells, t->rows[i].ncells);
    }
    free(t->rows);
    free(t->source);
    free(t->sheet);
    free(t);
}

static jh_status
grow(jh_table *t)
{
    if (t->nrows == t->cap) {
        size_t ncap = t->cap == 0 ? 64 : t->cap * 2;
        jh_table_row *rows = realloc(t->rows, ncap * sizeof(*rows));
        if (rows == NULL)
            return JH_ERR_NOMEM;
        t->rows = rows;
        t->cap = ncap;
    }
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
    if (grow(t) != JH_OK || (block = malloc(bytes)) == NULL)
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

const char *
jh_table_cell(const jh_table *t, size_t row, size_t col)
{
    if (row >= t->nrows || col >= t->rows[row].ncells)
        return "";
    return t->rows[row].cells[col];
}

char *
jh_column_letters(long column, char *buf, size_t size)
{
    char tmp[16];
    size_t n = 0;

    if (size == 0)
        return buf;
    while (column > 0 && n < sizeof(tmp)) {
        column--;
        tmp[n++] = (char)('A' + column % 26);
        column /= 26;
    }
    if (n + 1 > size)
        n = size - 1;
    for (size_t i = 0; i < n; i++)
        buf[i] = tmp[n - 1 - i];
    buf[n] = '\0';
    return buf;
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
