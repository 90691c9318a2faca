/*
 * junheng - reading the sheets of an .xlsx workbook into jh_tables.
 *
 * A streaming reader on libzip and expat: entries are inflated in chunks and
 * fed to the XML parser as they come, counting the uncompressed bytes (zip
 * entry headers can lie).  Sheets are found through the workbook's
 * relationships, never by file name; shared strings (rich-text runs joined,
 * phonetic runs dropped, empty <si/> kept), inline strings, and str, b, e
 * and formula cells (their cached value) are read as text.  An error cell
 * keeps its text ("#DIV/0!"), which the importer reports with its cell.
 *
 * Hostile files meet limits on uncompressed size, rows, columns, cells and
 * cell length; XML documents with a DOCTYPE or entity declarations are
 * rejected (OOXML allows neither) and no external entity is ever loaded.
 */
#ifndef JUNHENG_XLSX_H
#define JUNHENG_XLSX_H

#include <stdbool.h>
#include <stddef.h>

#include "junheng/error.h"
#include "junheng/table.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Limits against hostile workbooks.  A zero field takes its default. */
typedef struct jh_xlsx_limits {
    /** Uncompressed bytes of one zip entry, counted while inflating
     * (default 256 MiB). */
    size_t max_entry_bytes;
    /** Uncompressed bytes read from the whole workbook (default 1 GiB). */
    size_t max_total_bytes;
    /** Highest row number of a sheet (default 1048576, Excel's limit). */
    size_t max_rows;
    /** Highest column of a sheet (default 16384, column XFD). */
    size_t max_columns;
    /** Cells kept for one sheet, blanks padding short rows included
     * (default 8 million). */
    size_t max_cells;
    /** Bytes of one cell's or shared string's text (default 64 KiB). */
    size_t max_cell_bytes;
} jh_xlsx_limits;

/** An open workbook (opaque). */
typedef struct jh_xlsx jh_xlsx;

/**
 * Open the workbook at @p path and read its sheet list.
 *
 * @param out     receives a workbook to free with jh_xlsx_free()
 * @param limits  limits, or NULL for the defaults
 * @return JH_OK; JH_ERR_IO when the file cannot be read; JH_ERR_PARSE for
 *         a file that is not a zip archive, a damaged or truncated one, or
 *         bad XML (the message names the entry); JH_ERR_DATA when a limit
 *         is exceeded; JH_ERR_NOMEM.
 */
jh_status jh_xlsx_open(jh_xlsx **out, const char *path,
                       const jh_xlsx_limits *limits, jh_error *err);

/**
 * Open a workbook held in memory (copied; @p data may be freed afterwards).
 * @p name is used in messages.  Errors as for jh_xlsx_open().
 */
jh_status jh_xlsx_open_buffer(jh_xlsx **out, const void *data, size_t len,
                              const char *name, const jh_xlsx_limits *limits,
                              jh_error *err);

/** Number of sheets, in workbook order. */
size_t jh_xlsx_sheet_count(const jh_xlsx *x);

/** Name of sheet @p index (0-based), or NULL when out of range. */
const char *jh_xlsx_sheet_name(const jh_xlsx *x, size_t index);

/** True when sheet @p index is hidden (state="hidden" or "veryHidden"). */
bool jh_xlsx_sheet_hidden(const jh_xlsx *x, size_t index);

/**
 * Read sheet @p index into a new table whose rows carry their sheet row
 * numbers (rows without any value are left out; cells right of a row's last
 * value are dropped; gaps are "").  Numbers are kept as written in the file
 * ("527.32", "1E-3"), booleans as "TRUE"/"FALSE", error cells as their text
 * ("#DIV/0!").  Errors name the sheet and the cell where there is one.
 *
 * @param out  receives a table the caller frees with jh_table_free()
 */
jh_status jh_xlsx_read_sheet(jh_xlsx *x, size_t index, jh_table **out,
                             jh_error *err);

/** Close a workbook (tolerates NULL). */
void jh_xlsx_free(jh_xlsx *x);

#ifdef __cplusplus
}
#endif

#endif
