/*
 * junheng - many counties at once.
 *
 * A batch reads one or more school files, groups their rows by county (a
 * 县区 column, else the file's name) and year (an optional 年份 column),
 * and analyzes every group on its own with the ordinary pipeline
 * (jh_county_from_table, jh_model_build, jh_analysis_run), in parallel when
 * asked.  A school code must be unique within a county-year, not across
 * counties.  Groups are then ranked within each year and level.
 *
 * The library never prints: progress is reported through a callback.
 */
#ifndef JUNHENG_BATCH_H
#define JUNHENG_BATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "junheng/analysis.h"
#include "junheng/batch_input.h"
#include "junheng/diag.h"
#include "junheng/encoding.h"
#include "junheng/error.h"
#include "junheng/model.h"
#include "junheng/pool.h"
#include "junheng/school.h"
#include "junheng/standard.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Progress callback: see jh_pool_progress_fn. */
typedef jh_pool_progress_fn jh_batch_progress_fn;

/** Options of jh_batch_run().  Initialise with JH_BATCH_OPTIONS_INIT. */
typedef struct jh_batch_options {
    /** Standard to evaluate under; NULL for the built-in default.  Borrowed:
     * it must outlive the batch. */
    const jh_standard *standard;
    unsigned jobs;        /**< worker threads (0 or 1: one) */
    jh_encoding encoding; /**< text files: JH_ENC_AUTO or forced */
    const char *sheet;    /**< workbooks: sheet name or number, or NULL */
    jh_batch_progress_fn progress; /**< after each group; may be NULL */
    void *progress_data;           /**< passed to @c progress */
    /** Per input file (same order and number as the paths), a year given
     * by the user (--year FILE=YYYY), 0 for none; NULL for none at all.
     * Borrowed.  See jh_batch_run() for where it counts. */
    const int *file_years;
    /** Every file must have a year (trend): a file without one is an
     * error even when no other input has a year. */
    bool require_years;
} jh_batch_options;

#define JH_BATCH_OPTIONS_INIT                                                  \
    {                                                                          \
        NULL, 1, JH_ENC_AUTO, NULL, NULL, NULL, NULL, false                    \
    }

/** The figures of one level of one county-year. */
typedef struct jh_batch_level {
    bool present;           /**< the level has evaluated sections */
    size_t schools;         /**< evaluated sections */
    double students;        /**< their enrollment */
    size_t schools_failing; /**< sections failing the per-school rule */
    bool cv_pass;           /**< every CV within its limit */
    bool schools_pass;      /**< every section passes */
    bool pass;              /**< both */
    size_t cv_failing;      /**< CVs over the limit or undefined */
    /** Largest CV; INFINITY when one is undefined. */
    double cv_max;
    /** Arithmetic mean of the CVs (information only; INFINITY when one is
     * undefined). */
    double cv_mean;
    /** 1-based rank among the groups of the same year and level (see
     * jh_batch_run() for the rule); 0 when the level is absent. */
    size_t rank;
    size_t ranked; /**< how many groups share that ranking */
    jh_indicator_stats ind[JH_MAX_INDICATORS]; /**< per indicator */
} jh_batch_level;

/** One county-year: what its analysis gave (where its rows are: the
 * input's group of the same index, jh_batch.input). */
typedef struct jh_batch_group {
    size_t county; /**< index into jh_batch.counties */
    int year;      /**< the year, 0 when the input has none */
    size_t nexcluded; /**< schools left out of the evaluation */
    jh_batch_level levels[JH_LEVEL_COUNT];
    bool pass;         /**< every present level passes */
    jh_diags warnings; /**< warnings of its import and analysis */
} jh_batch_group;

/** Seconds spent in each stage of jh_batch_run() (wall clock). */
typedef struct jh_batch_timing {
    double read; /**< reading and parsing the files into tables */
    /** of read: bringing the bytes of the large files parsed in pieces
     * into memory (each thread its part), before any parsing */
    double read_bytes;
    double group;   /**< finding the header and grouping the rows */
    double analyze; /**< import, model and analysis of every group */
} jh_batch_timing;

/** The result of a batch. */
typedef struct jh_batch {
    const jh_standard *standard; /**< borrowed */
    /** The input files, as given, in UTF-8 (bytes that are not: GB18030
     * or \xHH); the input's (jh_batch_input.files). */
    char **files;
    size_t nfiles;
    /** Distinct county names, in order of first appearance; the
     * input's. */
    char **counties;
    /**
     * Per county, a name that is safe as one folder name inside an output
     * folder: '/', '\\', control characters, characters Windows forbids
     * and a leading '.' replaced by '_', at most 120 bytes, never "charts",
     * "summary.json" or "summary.xlsx", and unique (case-insensitively)
     * with "-2", "-3"... appended.
     */
    char **folders;
    size_t ncounties;
    /** Groups: counties in order of first appearance, years ascending. */
    jh_batch_group *groups;
    size_t ngroups;
    bool has_years;    /**< some input has a year column */
    jh_diags warnings; /**< warnings about files and grouping */
    jh_batch_timing timing;
    /** The files read and grouped, group i of the batch being group i of
     * the input: kept for jh_batch_open() and for where each group's rows
     * are. */
    jh_batch_input *input;
} jh_batch;

/**
 * Read @p npaths files, group their rows by county and year, and analyze
 * every group.
 *
 * Grouping and files per year: see jh_batch_input_read()
 * (junheng/batch_input.h), which reads and groups the files.
 *
 * Ranking, within each year and level: fewer CVs over their limit
 * (an undefined CV counts as over) ranks first; then the smaller largest
 * CV; then the smaller mean of the CVs.  Groups equal on all three share
 * a rank (1, 2, 2, 4).
 *
 * Errors stop the batch: the first bad file (in the given order), else the
 * first bad group (in group order), whatever the number of jobs, with the
 * file, line and column of the problem.
 *
 * @param out  receives the batch (free with jh_batch_free())
 * @return JH_OK, a reader's or importer's error (JH_ERR_DATA, JH_ERR_PARSE,
 *         JH_ERR_ENCODING, JH_ERR_IO, JH_ERR_NOTFOUND), JH_ERR_ARG (no
 *         files), JH_ERR_NOMEM or JH_ERR_INTERNAL
 */
jh_status jh_batch_run(jh_batch **out, const char *const *paths, size_t npaths,
                       const jh_batch_options *opts, jh_error *err);

/** Free a batch (tolerates NULL). */
void jh_batch_free(jh_batch *batch);

/** The county and year of group @p group in one string: "青溪县" or
 * "青溪县 2023", into @p buf; returns @p buf. */
char *jh_batch_group_label(const jh_batch *batch, size_t group, char *buf,
                           size_t size);

/** A group analyzed again in full, for the per-county exporters. */
typedef struct jh_batch_unit {
    jh_county *county;
    jh_model *model;
    jh_analysis *analysis;
    jh_diags warnings;
} jh_batch_unit;

/**
 * Import, model and analyze group @p group again and keep everything (the
 * batch itself keeps only the figures, to stay small).  Safe to call from
 * several threads at once for different or the same groups.
 *
 * @param out  receives the unit (free with jh_batch_unit_free())
 */
jh_status jh_batch_open(jh_batch_unit **out, const jh_batch *batch,
                        size_t group, jh_error *err);

/** Free a unit (tolerates NULL). */
void jh_batch_unit_free(jh_batch_unit *unit);

#ifdef __cplusplus
}
#endif

#endif
