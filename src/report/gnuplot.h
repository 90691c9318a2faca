/*
 * junheng - running gnuplot safely (library-internal).
 *
 * Shared by the chart exporters (report_charts.c, report_batch_charts.c).
 * See SECURITY.md, "How gnuplot is run": templates in plots/, every string
 * from the input in data files written with jh__gp_put_text(), only paths
 * (starting with "/" or "./") and numbers as arguments, no shell, a
 * timeout, outputs checked before they are moved into place.
 */
#ifndef JUNHENG_GNUPLOT_H
#define JUNHENG_GNUPLOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "junheng/error.h"
#include "junheng/report.h"

/** Display columns of UTF-8 text (a CJK or full-width character is 2). */
size_t jh__gp_text_cols(const char *s);

/**
 * Copy @p s into @p out (of @p size bytes), cut after @p max_cols display
 * columns at a character boundary with "…" appended when cut.  Always
 * NUL-terminates; returns @p out.
 */
char *jh__gp_clip(char *out, size_t size, const char *s, size_t max_cols);

/**
 * Write @p s as one string field of a gnuplot data file: a double quote
 * becomes \0042, a backslash \\, and tabs, line breaks and other control
 * characters become spaces, so that strcol() gives back the text.
 */
void jh__gp_put_text(FILE *f, const char *s);

/** Write a number field in the C locale (6 decimals); NAN and infinities
 * as 0. */
void jh__gp_put_num(FILE *f, double v);

/**
 * A scratch folder "<dir>/.data-XXXXXX" for data files and temporary
 * outputs.  *dir_out receives @p dir prefixed with "./" unless it starts
 * with "/" (gnuplot takes "<" and "|" names for commands), *scratch_out
 * the scratch folder; both malloc'd.
 */
jh_status jh__gp_scratch(char **dir_out, char **scratch_out, const char *dir,
                         jh_error *err);

/** Remove a folder and everything in it. */
void jh__gp_remove_tree(const char *path);

/** Charts 1-based @c first to @c last (inclusive) of a template. */
typedef struct jh__gp_job {
    const char *tmpl; /**< template base name in plots_dir ("bars") */
    size_t first, last;
} jh__gp_job;

/**
 * Render every job.  The charts are shared out in order between
 * opts->processes processes (0: one per online core, at most 8), so that
 * gnuplot's start and the fonts are paid once per process, not per
 * template.  Process K gets the list "<scratch>/run-K.tsv" (template path,
 * first, last per line) and runs as
 * `gnuplot -d -c <plots_dir>/run.gp <scratch> <list> <pdf>`, which calls
 * each template as `call <tmpl>.gp <scratch> <last> <pdf> <first>`;
 * stdin and stdout on /dev/null, stderr into "<scratch>/run-K.log", the
 * environment of opts->envp with LC_NUMERIC=C, and a deadline
 * (opts->timeout_seconds, 300 when 0) after which it is killed.  Waits for
 * every process that started and returns the first error: JH_ERR_NOTFOUND
 * when gnuplot cannot be run, JH_ERR_OUTPUT when a template is missing or
 * gnuplot fails (naming the templates and gnuplot's message).
 */
jh_status jh__gp_run(const jh_chart_options *opts, const char *scratch,
                     const jh__gp_job *jobs, size_t njobs, jh_error *err);

/**
 * Check that @p path is a non-empty regular file (else JH_ERR_OUTPUT:
 * "gnuplot wrote no <ext> for chart '<name>' (<tmpl>.gp)"); for a PDF
 * (@p pdf) replace the creation date cairo wrote with @p created, so that
 * the same input gives the same bytes.
 */
jh_status jh__gp_check(const char *path, const char *name, const char *tmpl,
                       bool pdf, long long created, jh_error *err);

/** Display columns a county name may take in a chart title. */
#define JH_GP_COUNTY_COLS 40

/** "青溪县 · 小学 · <what>" with the county name clipped, into @p buf. */
void jh__gp_title(char *buf, size_t size, const jh_report_context *ctx,
                  jh_level level, const char *what);

/** The colon of a caption: "：" in Chinese, ": " in English. */
const char *jh__gp_colon(jh_lang lang);

#endif
