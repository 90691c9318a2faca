/*
 * junheng - a rectangular table of text cells read from a file.
 *
 * Every reader (CSV now, spreadsheets later) produces a jh_table; the school
 * importer maps its columns.  Each row remembers where it came from so that
 * a bad value can be reported with its line (CSV) or cell (sheet).
 */
#ifndef JUNHENG_TABLE_H
#define JUNHENG_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include <stdarg.h>

#include "junheng/diag.h"
#include "junheng/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/** One row.  Cells are UTF-8, NUL-terminated, never NULL (empty is ""). */
typedef struct jh_table_row {
    char **cells;
    size_t ncells;
    long line; /**< 1-based line (CSV) or sheet row where the row starts */
    bool packed; /**< cells and strings live in the table's arena */
} jh_table_row;

struct jh_table_block;

/** A table read from one file (and, for workbooks, one sheet). */
typedef struct jh_table {
    char *source;      /**< file name as given, in UTF-8 for showing */
    char *sheet;       /**< sheet name, or NULL for text files */
    jh_table_row *rows;
    size_t nrows;
    size_t cap;
    const char *encoding; /**< encoding the file was read in (static) */
    struct jh_table_block *blocks; /**< arena of the packed rows */
    bool rows_big; /**< rows is a big buffer (large tables), not malloc'd */
    long lines;    /**< text files: the lines read (0 for sheets) */
} jh_table;

/** Create an empty table for @p source (and @p sheet, may be NULL). */
jh_status jh_table_new(jh_table **out, const char *source, const char *sheet);

/** Make room for @p nrows rows in all (JH_ERR_NOMEM when out of memory). */
jh_status jh_table_reserve(jh_table *table, size_t nrows);

/** Free a table and everything in it (tolerates NULL). */
void jh_table_free(jh_table *table);

/**
 * Append a row taking ownership of @p cells (an array of @p ncells malloc'd
 * strings, itself malloc'd).  On failure the cells are freed.
 */
jh_status jh_table_append(jh_table *table, char **cells, size_t ncells,
                          long line);

/**
 * Append a row copying @p ncells strings of lengths @p lens (not counting a
 * NUL; the strings need not be NUL-terminated) into one allocation.  The
 * fast path for readers that parse large files.
 */
jh_status jh_table_append_copy(jh_table *table, const char *const *cells,
                               const size_t *lens, size_t ncells, long line);

/**
 * Move every row of @p from to the end of @p into, adding @p line_offset
 * to their lines, and free @p from (its arena goes with the rows).
 */
jh_status jh_table_adopt(jh_table *into, jh_table *from, long line_offset);

/** The cell text at (@p row, @p col), or "" when the row is shorter. */
const char *jh_table_cell(const jh_table *table, size_t row, size_t col);

/**
 * Fill @p err's location for the cell at (@p row, @p col): file and line and
 * column, plus "Sheet!A1" when the table comes from a sheet.
 */
void jh_table_locate(const jh_table *table, size_t row, size_t col,
                     jh_error *err);

/**
 * The one table-error helper of every reader: fill @p err with a
 * printf-style message in Chinese (@p fmt_zh) and English (@p fmt, the
 * same arguments: jh_error_set2()) and the location of cell (@p row,
 * @p col) of @p table (jh_table_locate()); every other field is cleared.
 * Returns @p status; @p err may be NULL.
 */
jh_status jh_table_error2(jh_error *err, jh_status status,
                          const jh_table *table, size_t row, size_t col,
                          const char *fmt_zh, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

/**
 * The same for a problem that does not stop reading: append it to @p list
 * in Chinese (@p fmt_zh) and English (@p fmt, the same arguments) with the
 * location of cell (@p row, @p col) of @p table.  Returns JH_OK or
 * JH_ERR_NOMEM.
 */
jh_status jh_table_vdiag(jh_diags *list, const jh_table *table, size_t row,
                         size_t col, const char *fmt_zh, const char *fmt,
                         va_list ap) __attribute__((format(printf, 6, 0)));

/** jh_table_vdiag() with the arguments given directly. */
jh_status jh_table_diag(jh_diags *list, const jh_table *table, size_t row,
                        size_t col, const char *fmt_zh, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

#ifdef __cplusplus
}
#endif

#endif
