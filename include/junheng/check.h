/*
 * junheng - checking a data file without analyzing it.
 *
 * Lists every problem at once, each with its cell: what stops an analysis
 * (errors: bad or missing values, duplicate codes, unknown types, spreadsheet
 * error cells, a school type that does not fit its pupils) and what looks
 * wrong (warnings: more than 100 m² per pupil, no teachers of a kind,
 * equipment value that looks like 万元 typed under a 元 header, a teaching
 * point whose parent school is not in the file, a primary school of more
 * than 3000 pupils...).  It also says what an analysis would count: units by
 * level and school type, and the schools left out with their reasons.
 *
 * A file without errors analyzes: the check runs the model and the analysis
 * on it and reports anything they refuse.
 */
#ifndef JUNHENG_CHECK_H
#define JUNHENG_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "junheng/diag.h"
#include "junheng/error.h"
#include "junheng/import.h"
#include "junheng/model.h"
#include "junheng/school.h"
#include "junheng/standard.h"
#include "junheng/table.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Plausibility limits of the checks.  Not rules of any standard. */
#define JH_CHECK_MAX_AREA_PER_PUPIL 100.0  /**< m² of rooms or grounds */
#define JH_CHECK_MAX_YUAN_PER_PUPIL 1e5    /**< above: 元 typed as 万元? */
#define JH_CHECK_MAX_SECTION_PUPILS 3000.0 /**< pupils of one level */
#define JH_CHECK_MAX_CLASS_SIZE 80.0       /**< pupils per class */

/** A school an analysis would leave out. */
typedef struct jh_check_exclusion {
    char *code; /**< school code */
    char *name; /**< school name */
    jh_school_type type;
    jh_exclusion_reason reason;
    double students; /**< primary plus junior pupils */
    long line;       /**< line or sheet row */
} jh_check_exclusion;

/** What a check found.  Free with jh_check_result_free(). */
typedef struct jh_check_result {
    jh_diags errors;    /**< problems that stop an analysis, with cells */
    jh_diags warnings;  /**< implausible values and reading notes */
    char *source;       /**< file name */
    char *sheet;        /**< sheet read, or NULL for text files */
    long header_line;   /**< line or row of the (last) header row */
    size_t header_rows; /**< 1 or 2 */
    size_t schools;     /**< data rows read as schools */
    size_t by_type[JH_TYPE_COUNT]; /**< schools read, by type */
    /** Rows with errors (schools in them are not summarised below). */
    size_t with_errors;
    size_t sections[JH_LEVEL_COUNT]; /**< units an analysis would count */
    double students[JH_LEVEL_COUNT]; /**< their pupils */
    /** Units by level and by the type of school they come from. */
    size_t sections_by_type[JH_LEVEL_COUNT][JH_TYPE_COUNT];
    jh_check_exclusion *excluded; /**< in file order */
    size_t nexcluded;
} jh_check_result;

/**
 * Check the schools in @p table under @p std (NULL: quality-2017).
 *
 * @param out  receives the findings (free with jh_check_result_free());
 *             errors in rows are findings, not a failure
 * @return JH_OK; otherwise what kept the check from starting (no header,
 *         a required column missing, out of memory), with @p err set.
 */
jh_status jh_check_table(jh_check_result **out, const jh_table *table,
                         const jh_standard *std, jh_error *err);

/**
 * Read @p path (see jh_import_table()) and check it like
 * jh_check_table().  Reading problems (a broken file, a missing sheet) are
 * returned as errors; warnings of the reading go to the result.
 */
jh_status jh_check_file(jh_check_result **out, const char *path,
                        const jh_file_options *fopts, const jh_standard *std,
                        jh_error *err);

/** Free a result (tolerates NULL). */
void jh_check_result_free(jh_check_result *result);

#ifdef __cplusplus
}
#endif

#endif
