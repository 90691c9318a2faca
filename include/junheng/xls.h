/*
 * junheng - reading the sheets of a legacy .xls workbook (BIFF) into
 * jh_tables, through Debian's FreeXL.
 *
 * FreeXL 1.0.6 does not give the cached results of formula cells: a cell
 * holding a formula (and an error cell such as #DIV/0!) reads as blank.
 * Blank is never zero for junheng, so such a cell in a required column is
 * an error; jh_import_table() adds a warning suggesting .xlsx when an .xls
 * sheet has blank numeric cells.
 */
#ifndef JUNHENG_XLS_H
#define JUNHENG_XLS_H

#include <stdbool.h>
#include <stddef.h>

#include "junheng/error.h"
#include "junheng/table.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Longest cell text kept from an .xls file (64 KiB, as for CSV). */
#define JH_XLS_MAX_CELL ((size_t)64 * 1024)

/** Most cells (blanks padding short rows included) kept for one sheet. */
#define JH_XLS_MAX_CELLS ((size_t)8000000)

/** An open .xls workbook (opaque). */
typedef struct jh_xls jh_xls;

/**
 * Open the .xls workbook at @p path and read its sheet list.
 *
 * @param out  receives a workbook to free with jh_xls_free()
 * @return JH_OK; JH_ERR_IO when the file cannot be opened; JH_ERR_PARSE for
 *         a file that is not a BIFF workbook or is damaged; JH_ERR_DATA for
 *         a password-protected one; JH_ERR_NOMEM.
 */
jh_status jh_xls_open(jh_xls **out, const char *path, jh_error *err);

/** Number of sheets, in workbook order. */
size_t jh_xls_sheet_count(const jh_xls *x);

/** Name of sheet @p index (0-based, UTF-8), or NULL when out of range. */
const char *jh_xls_sheet_name(const jh_xls *x, size_t index);

/**
 * Read sheet @p index into a new table (rows numbered as in the sheet, rows
 * without values left out, trailing blanks dropped).  Integers are written
 * without a decimal point, other numbers with the fewest digits that read
 * back to the same double, in the C locale.
 */
jh_status jh_xls_read_sheet(jh_xls *x, size_t index, jh_table **out,
                            jh_error *err);

/** Close a workbook (tolerates NULL). */
void jh_xls_free(jh_xls *x);

#ifdef __cplusplus
}
#endif

#endif
