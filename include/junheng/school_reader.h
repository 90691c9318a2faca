/*
 * junheng - reading a county's schools from a table by its column headers:
 * the one header matcher, the row reader and its number and cell parsing.
 */
#ifndef JUNHENG_SCHOOL_READER_H
#define JUNHENG_SCHOOL_READER_H

#include <stdbool.h>
#include <stddef.h>

#include "junheng/diag.h"
#include "junheng/error.h"
#include "junheng/school.h"
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
 * Find the header of a school table: the first of the first
 * JH_HEADER_SCAN_ROWS rows that names the required columns (code, name,
 * type), title rows above it being skipped.  A second header row is used
 * when it maps more columns, in either shape of merged header: a group label
 * over full column names (学校基本情况 over 学校代码 | 学校名称) or a column
 * name over its sections (在校生数 over 小学 | 初中 | 高中, read as
 * 小学在校生数 ...).  A label is written only in the first cell of its span,
 * as merged cells are stored.
 *
 * @param row    receives the index of the first header row
 * @param nrows  receives 1 or 2
 * @return JH_OK, or JH_ERR_NOTFOUND when no row maps the required columns
 */
jh_status jh_school_find_header(const jh_table *table, size_t *row,
                                size_t *nrows);

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

/**
 * The header cell of @p county nearest to a name of the column @p key (an
 * English column key: "name", "teaching_area", "students_primary"), among
 * the cells that name no known column, for messages such as
 * "找到「学校名」，是否指「学校名称」？".
 *
 * Nearness is the edit distance (Levenshtein: insertions, deletions and
 * substitutions of one Unicode code point each) between the header's name
 * (canonical, its unit left out) and each name the importer knows for the
 * column; a header is suggested only when the distance d is at least 1
 * and at most max(1, n / 4), n being the code points of the shorter of the
 * two, and the known name has at least 3 code points: one slip in a
 * 4-character name, two in an 8-character one.
 *
 * @param found  receives the header as written (owned by @p county)
 * @param known  receives the column's usual Chinese name (static)
 * @return true when a header is close enough
 */
bool jh_county_suggest(const jh_county *county, const char *key,
                       const char **found, const char **known);

/**
 * The English key of the column a header cell names, by the one table of
 * column names the importer maps headers with: "code", "name", "type",
 * "county", "locality", "ownership", "parent_code", "include",
 * "rooms_pre2016" or "size_relaxation_eligible"; NULL for any other header
 * (numeric columns included).  Line breaks, spaces, full-width brackets and
 * a unit at the end are allowed ("所在区县", "县（市、区）", "区县").
 */
const char *jh_school_header_key(const char *header);

/**
 * True when @p text is a spreadsheet error value such as "#DIV/0!",
 * "#N/A" or "#VALUE!" (what a failed formula leaves in a cell).
 */
bool jh_school_is_error_value(const char *text);

#ifdef __cplusplus
}
#endif

#endif
