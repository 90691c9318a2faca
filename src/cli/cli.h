/* junheng command line - shared declarations of the subcommands. */
#ifndef JUNHENG_CLI_H
#define JUNHENG_CLI_H

#include "junheng/analysis.h"
#include "junheng/diag.h"
#include "junheng/error.h"
#include "junheng/model.h"
#include "junheng/school.h"
#include "junheng/standard.h"

/** Exit codes, the same for every subcommand (see README). */
enum {
    JH_EXIT_OK = 0,       /**< the work completed, whatever the verdict */
    JH_EXIT_FAILED = 1,   /**< --strict and the standard is not met */
    JH_EXIT_USAGE = 2,    /**< bad command line */
    JH_EXIT_DATA = 3,     /**< bad input data */
    JH_EXIT_INTERNAL = 4  /**< output or internal failure */
};

/** Run `junheng analyze`; argv[0] is "analyze". */
int jh_cmd_analyze(int argc, char **argv);

/** Run `junheng check`; argv[0] is "check". */
int jh_cmd_check(int argc, char **argv);

/** Run `junheng template`; argv[0] is "template". */
int jh_cmd_template(int argc, char **argv);

/** Run `junheng standards`; argv[0] is "standards". */
int jh_cmd_standards(int argc, char **argv);

/** Run `junheng plan`; argv[0] is "plan". */
int jh_cmd_plan(int argc, char **argv);

/** Run `junheng verify`; argv[0] is "verify". */
int jh_cmd_verify(int argc, char **argv);

/** Options shared by plan and verify for reading the school file. */
typedef struct jh_cli_input {
    const char *file;         /**< the school file */
    const char *sheet;        /**< --sheet, or NULL */
    int encoding;             /**< jh_encoding from --encoding */
    int subtract_indoor;      /**< -1 standard's default, 0 no, 1 yes */
    /* Filled by jh_cli_input_load(): */
    jh_standard std;          /**< the standard with the options applied */
    jh_diags warnings;
    jh_county *county;
    jh_model *model;
    jh_analysis *analysis;
    char *county_name;        /**< 县区 column or file name; never NULL */
} jh_cli_input;

/**
 * Read, model and analyze in->file under the built-in standard with the
 * options applied; prints warnings to stderr.  Returns JH_EXIT_OK, or
 * the exit code after printing the error (3 bad input, 4 internal).
 */
int jh_cli_input_load(jh_cli_input *in);

/** Free what jh_cli_input_load() made (tolerates a failed load). */
void jh_cli_input_release(jh_cli_input *in);

/** Document time for generated files: SOURCE_DATE_EPOCH when set to a
 * valid number of seconds, else 2020-01-01 00:00 UTC (fixed, so that the
 * same input always gives the same bytes). */
long long jh_cli_document_epoch(void);

/** Print "junheng: <file>:<line>:<col>: <message>" to stderr. */
void jh_cli_error(const jh_error *err);

/** Print "junheng: <message>" to stderr. */
void jh_cli_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/** Map a library status to an exit code (3 for bad input, 4 otherwise). */
int jh_cli_exit_code(jh_status st);

/** Folder with the gnuplot templates (environment, install, source). */
const char *jh_cli_plots_dir(void);

#endif
