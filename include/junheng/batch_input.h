/*
 * junheng - the input of a batch: one or more school files read once,
 * their rows grouped by county and year.
 *
 * Each file is read once into a jh_table.  A group is a list of row
 * indices into its file's table; jh_batch_input_county() imports it with
 * a table that borrows the header rows and the group's rows (no copy of
 * any cell), so a school code only has to be unique within its
 * county-year, and every message names the real file and line.
 */
#ifndef JUNHENG_BATCH_INPUT_H
#define JUNHENG_BATCH_INPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "junheng/diag.h"
#include "junheng/encoding.h"
#include "junheng/error.h"
#include "junheng/school.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Options of jh_batch_input_read().  Zero-initialise, then set jobs. */
typedef struct jh_batch_input_options {
    unsigned jobs;        /**< threads (0 or 1: one) */
    jh_encoding encoding; /**< text files: JH_ENC_AUTO or forced */
    const char *sheet;    /**< workbooks: sheet name or number, or NULL */
    /** Per input file (same order and number as the paths), a year given
     * by the user (--year FILE=YYYY), 0 for none; NULL for none at all.
     * Borrowed. */
    const int *file_years;
    /** Every file must have a year (trend): a file without one is an
     * error even when no other input has a year. */
    bool require_years;
} jh_batch_input_options;

/** The rows of one county-year. */
typedef struct jh_batch_rows {
    size_t county;   /**< index into jh_batch_input.counties */
    int year;        /**< the year, 0 when the input has none */
    size_t file;     /**< index into jh_batch_input.files */
    long first_line; /**< line (or sheet row) of its first row */
    size_t *rows;    /**< indices of its rows in its file's table */
    size_t nrows, cap;
} jh_batch_rows;

struct jh_batch_input_impl;

/** A batch's files, read and grouped. */
typedef struct jh_batch_input {
    char **files; /**< the input files, as given, in UTF-8 (bytes that
                       are not: GB18030 or \xHH) */
    size_t nfiles;
    /** Distinct county names, in order of first appearance. */
    char **counties;
    size_t ncounties;
    /** Groups: counties in order of first appearance, years ascending. */
    jh_batch_rows *groups;
    size_t ngroups;
    bool has_years;      /**< some input has a year */
    jh_diags warnings;   /**< warnings about files and grouping */
    double read_seconds; /**< wall time reading and parsing the files */
    /** of read_seconds: bringing the bytes of the large files parsed in
     * pieces into memory (each thread its part), before any parsing */
    double read_bytes_seconds;
    double group_seconds; /**< wall time finding years, grouping rows */
    struct jh_batch_input_impl *impl; /**< the tables and headers */
} jh_batch_input;

/**
 * Read @p npaths files and group their rows by county and year.
 *
 * Grouping: a 县区 (county) column names each row's county; without one,
 * or when it is blank in every row, the file's name without folders and
 * extension is the county.  A 年份 (year, 年度) column, when present,
 * splits a county by year; a year is written as 2023, 2023年 or 2023.0.
 * In a workbook a blank county or year cell takes the value of the row
 * above (merged cells), with one warning per file; in a text file it is an
 * error naming the cell, except in a row without a school code (a total
 * or note row), which goes with the row above and is read as analyze
 * reads it.  The same county-year in two files is an error naming both.
 * The template's example rows (示例) are left out, with one warning.
 *
 * Files per year: a file without a 年份 column takes its year from
 * opts->file_years (the user's word), else from a four-digit year
 * (19xx or 20xx, not part of a longer run of digits; one distinct year)
 * in its name, else in its folder's name.  When the year comes from the
 * name, the county named after the file is the name without the year
 * (and a 年/年度/学年 after it) and the separators around it
 * ("2023年青溪县.csv" is 青溪县), or the folder's name, likewise, when
 * nothing is left ("青溪县/2023.csv" is 青溪县).  Once any input has a
 * year (or with opts->require_years), a file without one is an error
 * (JH_ERR_DATA) that says the three ways to give it, as is a user's year
 * for a file with a 年份 column.
 *
 * Errors stop the reading: the first bad file (in the given order),
 * whatever the number of jobs, with the file, line and column of the
 * problem.
 *
 * @param out  receives the input (free with jh_batch_input_free())
 * @return JH_OK, a reader's or importer's error (JH_ERR_DATA,
 *         JH_ERR_PARSE, JH_ERR_ENCODING, JH_ERR_IO, JH_ERR_NOTFOUND),
 *         JH_ERR_NOMEM or JH_ERR_INTERNAL
 */
jh_status jh_batch_input_read(jh_batch_input **out, const char *const *paths,
                              size_t npaths, const jh_batch_input_options *opts,
                              jh_error *err);

/** Free an input (tolerates NULL). */
void jh_batch_input_free(jh_batch_input *in);

/** The county and year of group @p group in one string: "青溪县" or
 * "青溪县 2023", into @p buf; returns @p buf. */
char *jh_batch_input_label(const jh_batch_input *in, size_t group, char *buf,
                           size_t size);

/**
 * Import the schools of group @p group as a county (see
 * jh_county_from_table()), warnings to @p warn.  Safe to call from several
 * threads at once.
 *
 * @param out  receives the county (free with jh_county_free())
 */
jh_status jh_batch_input_county(jh_county **out, const jh_batch_input *in,
                                size_t group, jh_diags *warn, jh_error *err);

#ifdef __cplusplus
}
#endif

#endif
