/*
 * junheng - reading a county's schools from a table by its column headers:
 * the row reader (the header matcher is junheng/header.h, the number and
 * cell parser junheng/cell.h).
 */
#ifndef JUNHENG_SCHOOL_READER_H
#define JUNHENG_SCHOOL_READER_H

#include <stdbool.h>
#include <stddef.h>

#include "junheng/diag.h"
#include "junheng/error.h"
#include "junheng/school.h"
#include "junheng/cell.h"
#include "junheng/header.h"
#include "junheng/table.h"

#ifdef __cplusplus
extern "C" {
#endif

#define JH_MAGNITUDE_MAX_AREA_PER_PUPIL 1000.0 /**< rooms or grounds, m² */

/**
 * True when a row with this code and name is one of the example rows
 * `junheng template` writes (示例 in the name or code, "(example)" in the
 * English template's name): never a school, even once a clerk has typed
 * real figures into it.
 */
bool jh_school_row_is_example(const char *code, const char *name);

/** Options for importing schools from a table.  Zero-initialise. */
typedef struct jh_import_options {
    size_t header_row;  /**< index of the (first) header row (0) */
    size_t header_rows; /**< rows in the header: 1 (also when 0) or 2 */
    /** Ignore header_row and header_rows and look for the header with
     * jh_school_find_header() instead. */
    bool find_header;
    /**
     * When not NULL, every data error found in a row (bad or missing
     * value, unknown type, duplicate code, a spreadsheet error cell) is
     * appended here and reading goes on; see jh_county_from_table().
     */
    jh_diags *errors;
    /**
     * When not NULL, the columns as mapped once by jh_import_header_new()
     * from the same header rows: the header is not identified again.  For
     * callers that import many tables sharing one header (a batch imports
     * each county of a national file with its file's header).
     */
    const struct jh_import_header *header;
} jh_import_options;

/** A header mapped to columns, reusable across tables (opaque). */
typedef struct jh_import_header jh_import_header;

/**
 * Map the @p header_rows (1 or 2) header rows at @p header_row of @p t to
 * columns, for jh_import_options.header.  Errors as jh_county_from_table()
 * gives for a header (JH_ERR_DATA: two columns mean the same;
 * JH_ERR_NOMEM).
 */
jh_status jh_import_header_new(jh_import_header **out, const jh_table *t,
                               size_t header_row, size_t header_rows,
                               jh_error *err);

/** Free a header mapping (tolerates NULL). */
void jh_import_header_free(jh_import_header *h);

/**
 * Map the columns of @p table by their headers (canonical English keys or
 * Chinese names, a unit in parentheses allowed; 万元 is converted to yuan)
 * and read one school per data row.  Blank rows are skipped; unknown columns
 * are ignored.  Every bad value (not a number, negative, NaN or infinite, an
 * unknown type, a missing required value, a duplicate code, a short row, a
 * spreadsheet error such as #DIV/0!) is an error naming the file, line,
 * column (or cell) and value.
 *
 * Numbers written as text are normalised with a warning naming the cell:
 * thousands separators ("1,234"), full-width digits and punctuation
 * ("１２３", "４．５") and a trailing unit ("4.5㎡", "120人").  A unit in a
 * cell is only a label: the column header's unit decides the scale, and a
 * cell unit that contradicts it (万元 in a 元 column, 元 in a 万元 column,
 * 人 in an area column) is an error rather than a guess.
 *
 * With opts->errors set, data errors in rows are appended to that list and
 * reading goes on: the function then returns JH_OK with every row that could
 * be read (rows without a code, name or known type are left out, bad values
 * stay blank), and the caller must look at opts->errors->count.  Problems
 * with the header itself are still returned as errors.
 *
 * @param out   receives a new county the caller frees with jh_county_free()
 * @param warn  receives warnings (may be NULL)
 * @return JH_OK, JH_ERR_DATA, or JH_ERR_NOMEM
 */
jh_status jh_county_from_table(jh_county **out, const jh_table *table,
                               const jh_import_options *opts, jh_diags *warn,
                               jh_error *err);

#ifdef __cplusplus
}
#endif

#endif
