/* junheng command line - shared declarations of the subcommands. */
#ifndef JUNHENG_CLI_H
#define JUNHENG_CLI_H

#include "junheng/analysis.h"
#include "junheng/analyze.h"
#include "junheng/diag.h"
#include "junheng/error.h"
#include "junheng/model.h"
#include "junheng/report.h"
#include "junheng/school.h"
#include "junheng/standard.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

/** Exit codes, the same for every subcommand (see README). */
enum {
    JH_EXIT_OK = 0,      /**< the work completed, whatever the verdict */
    JH_EXIT_FAILED = 1,  /**< --strict and the standard is not met */
    JH_EXIT_USAGE = 2,   /**< bad command line */
    JH_EXIT_DATA = 3,    /**< bad input data */
    JH_EXIT_INTERNAL = 4 /**< output or internal failure */
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

/** Run `junheng batch`; argv[0] is "batch". */
int jh_cmd_batch(int argc, char **argv);

/** Run `junheng trend`; argv[0] is "trend". */
int jh_cmd_trend(int argc, char **argv);

/** Run `junheng evaluate`; argv[0] is "evaluate". */
int jh_cmd_evaluate(int argc, char **argv);

/** Most --provision / --no-provision options on one command line. */
#define JH_CLI_MAX_PROVISIONS 16

/** Options shared by every command that reads a school file. */
typedef struct jh_cli_input {
    const char *file;     /**< the school file */
    const char *sheet;    /**< --sheet, or NULL */
    int encoding;         /**< jh_encoding from --encoding */
    const char *standard; /**< --standard ID|FILE, or NULL (default) */
    int subtract_indoor;  /**< -1 standard's default, 0 no, 1 yes */
    size_t nprovisions;   /**< --provision / --no-provision, in order */
    struct {
        const char *id;
        bool on;
    } provisions[JH_CLI_MAX_PROVISIONS];
    /* Filled by jh_cli_input_load(): */
    jh_standard std; /**< the standard with the options applied */
    /** The analyze task's results: county, model, analysis, warnings;
     * the checks too after jh_analyze_checks(). */
    jh_analyze_result *res;
    const jh_analysis *analysis; /**< res->analysis */
    char *county_name; /**< 县区 column or file name; never NULL */
} jh_cli_input;

/** Codes of the long options in JH_CLI_INPUT_OPTIONS (no short form). */
enum {
    JH_OPT_STANDARD = 1000,
    JH_OPT_PROVISION,
    JH_OPT_NO_PROVISION,
    JH_OPT_SUB_INDOOR,
    JH_OPT_NO_SUB_INDOOR
};

/** getopt_long entries of the options jh_cli_input_option() handles;
 * their short forms are "e:s:". */
#define JH_CLI_INPUT_OPTIONS                                                   \
    {"encoding", required_argument, NULL, 'e'},                                \
        {"sheet", required_argument, NULL, 's'},                               \
        {"standard", required_argument, NULL, JH_OPT_STANDARD},                \
        {"provision", required_argument, NULL, JH_OPT_PROVISION},              \
        {"no-provision", required_argument, NULL, JH_OPT_NO_PROVISION},        \
        {"subtract-indoor-sports", no_argument, NULL, JH_OPT_SUB_INDOOR},      \
    {                                                                          \
        "no-subtract-indoor-sports", no_argument, NULL, JH_OPT_NO_SUB_INDOOR   \
    }

/** Help text of those options, for the commands' --help. */
#define JH_CLI_INPUT_HELP                                                        \
    "  -e, --encoding ENC   text files: auto (default), utf-8, gbk, "            \
    "gb18030, utf-16le\n"                                                        \
    "  -s, --sheet NAME|N   workbooks: the sheet (default: the first with "      \
    "the\n                       required columns)\n"                            \
    "      --standard ID|FILE\n"                                                 \
    "                       quality-2017 (default), basic-2012, or a "           \
    "standards\n                       file (see 'junheng standards')\n"         \
    "      --provision ID   switch a provision of the standard on (may "         \
    "repeat)\n"                                                                  \
    "      --no-provision ID\n"                                                  \
    "                       switch it off\n"                                     \
    "      --subtract-indoor-sports, --no-subtract-indoor-sports\n"              \
    "                       the provision subtract_indoor_sports: move "         \
    "其中室内体育用房\n                       from the teaching to the " \
    "sports area\n"

/** JH_CLI_INPUT_HELP in Chinese. */
#define JH_CLI_INPUT_HELP_ZH                                                   \
    "  -e, --encoding ENC   文本文件的编码：auto（默认，自动识别）、utf-8、"   \
    "gbk、\n                       gb18030、utf-16le\n"                         \
    "  -s, --sheet NAME|N   工作簿：读哪个工作表（默认：第一个含必填列的表）\n" \
    "      --standard ID|FILE\n"                                                 \
    "                       标准：quality-2017（默认，2017年优质均衡）、"       \
    "\n                       basic-2012（2012年基本均衡），或一个标准文件"     \
    "\n                       （见“junheng standards”）\n"                      \
    "      --provision ID   启用标准的一项条款（可重复）\n"                      \
    "      --no-provision ID\n"                                                  \
    "                       停用这项条款\n"                                      \
    "      --subtract-indoor-sports, --no-subtract-indoor-sports\n"              \
    "                       条款 subtract_indoor_sports：把“其中室内体育用房”" \
    "\n                       从教学及辅助用房面积移到体育运动场馆面积\n"

/** Codes of the long options in JH_CLI_REPORT_OPTIONS (no short form). */
enum { JH_OPT_NO_CHARTS = 1100, JH_OPT_STRICT, JH_OPT_GNUPLOT, JH_OPT_FORCE };

/** The options of the commands that write a report (analyze, plan,
 * evaluate, batch, trend): where, in which form and language, charts,
 * and --strict. */
typedef struct jh_cli_report {
    const char *out;     /**< --out DIR, or NULL */
    bool json;           /**< --format json: JSON on stdout */
    jh_lang lang;        /**< --lang */
    bool charts;         /**< false with --no-charts */
    bool strict;         /**< --strict */
    const char *gnuplot; /**< --gnuplot PROG ("gnuplot") */
    bool force;          /**< --force: replace what junheng did not write */
} jh_cli_report;

/** getopt_long entries of the options jh_cli_report_option() handles;
 * their short forms are "o:f:l:". */
#define JH_CLI_REPORT_OPTIONS                                                  \
    {"out", required_argument, NULL, 'o'},                                     \
        {"format", required_argument, NULL, 'f'},                              \
        {"lang", required_argument, NULL, 'l'},                                \
        {"no-charts", no_argument, NULL, JH_OPT_NO_CHARTS},                    \
        {"strict", no_argument, NULL, JH_OPT_STRICT},                          \
        {"force", no_argument, NULL, JH_OPT_FORCE},                            \
    {                                                                          \
        "gnuplot", required_argument, NULL, JH_OPT_GNUPLOT                     \
    }

/** Defaults of a jh_cli_report: no folder, text, Chinese, charts by
 * "gnuplot". */
void jh_cli_report_init(jh_cli_report *r);

/**
 * Take option @p c (from JH_CLI_REPORT_OPTIONS) with argument @p arg.
 * Returns 1 when it was one of them, 0 when it is not, or -JH_EXIT_USAGE
 * after printing the problem.
 */
int jh_cli_report_option(jh_cli_report *r, int c, const char *arg);

/** Defaults of a jh_cli_input before option parsing. */
void jh_cli_input_init(jh_cli_input *in);

/**
 * Take option @p c (from JH_CLI_INPUT_OPTIONS) with argument @p arg.
 * Returns 1 when it was one of them, 0 when it is not, or -JH_EXIT_USAGE
 * after printing the problem.
 */
int jh_cli_input_option(jh_cli_input *in, int c, const char *arg);

/**
 * Fill in->std from --standard and the provision options, in command-line
 * order.  Prints the problem; returns an exit code (0 when done).
 */
int jh_cli_input_standard(jh_cli_input *in);

/** The report context of a loaded input: its analysis, warnings, the
 * checks when jh_analyze_checks() ran, the county name, the language,
 * junheng's version and the document time. */
jh_report_context jh_cli_input_context(const jh_cli_input *in, jh_lang lang);

/** A command's own options for jh_cli_options(): 1 when @p c was one of
 * them, 0 when it is not, or minus an exit code after printing the
 * problem. */
typedef int (*jh_cli_take_fn)(void *args, int c, const char *arg);

/**
 * Run getopt_long() over the command line of `junheng @p command`: each
 * option goes to jh_cli_input_option() (when @p in is not NULL), then
 * jh_cli_report_option() (when @p rep is not NULL), then @p take; -h and
 * --help print @p help on stdout.  Returns JH_EXIT_OK with optind at the
 * first operand, -1 after --help, or an exit code after printing the
 * problem.
 */
int jh_cli_options(int argc, char **argv, const char *command,
                   const char *shortopts, const struct option *longopts,
                   jh_cli_input *in, jh_cli_report *rep, jh_cli_take_fn take,
                   void *args, void (*help)(FILE *));

/** -f/--format and -l/--lang for commands without a jh_cli_report
 * (check, verify): a jh_cli_take_fn result. */
int jh_cli_format_lang_option(int c, const char *arg, bool *json,
                              jh_lang *lang);

/**
 * The one operand of `junheng @p command` (argv[optind]), a @p what
 * ("input file"); NULL after saying there is none or that only one is
 * @p verb ("analyzed") at a time.  The Chinese words come from a table
 * by @p command in cli_input.c (a new command adds its row there).
 */
const char *jh_cli_one_operand(int argc, char **argv, const char *command,
                               const char *what, const char *verb);

/**
 * Report an option getopt_long() refused (@p c is ':' for a missing value,
 * anything else for an unknown option) for `junheng @p command`; returns
 * JH_EXIT_USAGE.
 */
int jh_cli_bad_option(int c, char **argv, const char *command);

/**
 * Print the exit-status section that ends every --help (each command's and
 * the top level's), from the one table of exit codes in cli_input.c.
 */
void jh_cli_exit_help(FILE *out);

/** The --force line of a command's --help. */
#define JH_CLI_FORCE_HELP                                                      \
    "      --force          replace files in DIR that junheng did not write\n" \
    "                       (never the input files)\n"

/** JH_CLI_FORCE_HELP in Chinese. */
#define JH_CLI_FORCE_HELP_ZH                                                   \
    "      --force          替换 DIR 中不是 junheng 写的文件（从不替换输入文件）\n"

/** Whether an --out value names a folder; prints the problem when not. */
bool jh_cli_out_ok(const char *arg);

/**
 * Open output folder @p dir for a run of command @p kind (the manifest's
 * tag: "analyze", "plan"...) that reads the files @p inputs
 * (@p ninputs of them, NULL entries skipped): locked, with a staging folder (jh_outdir_open());
 * @p force as --force.  The test hooks JUNHENG_TEST_FAIL_RENAME and
 * JUNHENG_TEST_KILL_RENAME (a number N) fail the Nth rename of the swap
 * or kill the process before it.  Prints the problem and returns NULL
 * when the folder cannot be used.
 */
struct jh_outdir *jh_cli_outputs_open(const char *dir, const char *kind,
                                      bool force, const char *const *inputs,
                                      size_t ninputs);

/** Stage output @p name in @p dir as written by @p write(f, data, err). */
jh_status jh_cli_stage_stream(struct jh_outdir *dir, const char *name,
                              jh_status (*write)(FILE *, const void *,
                                                 jh_error *),
                              const void *data, jh_error *err);

/** The folder of @p file_name inside the staging folder @p dir (made, with
 * its parents), malloc'd; NULL when it cannot be made. */
char *jh_cli_staged_folder(struct jh_outdir *dir, const char *file_name);

/** The chart options of @p rep: its gnuplot, junheng's templates, PDF
 * copies, this process's environment and a 300-second limit. */
jh_chart_options jh_cli_chart_options(const jh_cli_report *rep);

/** A chart exporter for jh_cli_stage_charts(): renders @p data into the
 * folder @p dir. */
typedef jh_status (*jh_cli_charts_fn)(const char *dir, const void *data,
                                      const jh_chart_options *opts,
                                      jh_error *err);

/**
 * Render charts into folder @p name of the staging folder @p dir (made
 * here) with @p render.  Without gnuplot the charts are skipped with a
 * warning naming @p what ("charts"; 图表 in Chinese) and JH_OK is
 * returned: everything else is still written.
 */
jh_status jh_cli_stage_charts(struct jh_outdir *dir, const char *name,
                              const char *what, jh_cli_charts_fn render,
                              const void *data, const jh_chart_options *opts,
                              jh_error *err);

/**
 * Warn that an optional output was skipped because a program is missing
 * (@p err, JH_ERR_NOTFOUND): "junheng: 警告：<why>；未生成<what_zh>，其余均已
 * 写出", or in English "junheng: warning: <why>; <what> skipped, everything
 * else written".
 */
void jh_cli_skipped(const jh_error *err, const char *what_zh,
                    const char *what);

/**
 * End a command's outputs: when @p st failed, print @p err and discard
 * everything staged; else replace what this kind of run wrote before by
 * everything staged (jh_outdir_commit()).  Returns the exit code.
 */
int jh_cli_outputs_finish(struct jh_outdir *dir, jh_status st, jh_error *err);

/** Parse --lang; prints the problem and returns false when unknown. */
bool jh_cli_parse_lang(const char *arg, jh_lang *out);

/** Parse --format text|json; prints the problem and returns false. */
bool jh_cli_parse_format(const char *arg, bool *json);

/**
 * Read, model and analyze in->file (jh_analyze_load()) under the standard
 * with the options applied; prints warnings to stderr.  Returns JH_EXIT_OK, or
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

/**
 * The language jh_cli_error() prints in: Chinese (the default) uses an
 * error's message_zh when it has one, English always the English message.
 * jh_cli_parse_lang() sets it, so `--lang en` gives English errors.
 */
void jh_cli_set_error_lang(jh_lang lang);

/** Whether messages are printed in Chinese (the default; see
 * jh_cli_set_error_lang()). */
bool jh_cli_zh(void);

/** The language of this run before its own options are parsed: --lang on
 * the command line, else JUNHENG_LANG, else Chinese.  The default of every
 * command's report language, so that JUNHENG_LANG=en is --lang en for
 * every run. */
jh_lang jh_cli_lang(void);

/** Print a warning to stderr in the language of jh_cli_error(): its
 * Chinese text ("junheng: 警告：…") by default, its English text with
 * `--lang en` ("junheng: warning: …"). */
void jh_cli_warning(const jh_diag *d);

/**
 * Print "junheng: <message>" to stderr in the language of jh_cli_zh():
 * @p fmt_zh (Chinese) or @p fmt (English), which take the same arguments
 * in the same order.  An argument that is itself language-dependent is
 * chosen by the caller with jh_cli_zh().
 */
void jh_cli_fail2(const char *fmt_zh, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/** Write a --help text: @p zh by default, @p en with --lang en. */
void jh_cli_help(FILE *out, const char *zh, const char *en);

/** Write @p s to stderr as it is, past the filter that shows control
 * characters as \uXXXX (for the progress line's carriage return). */
void jh_cli_raw_stderr(const char *s);

/** Map a library status to an exit code (3 for bad input, 4 otherwise). */
int jh_cli_exit_code(jh_status st);

/** Folder with the gnuplot templates (environment, install, source). */
const char *jh_cli_plots_dir(void);

#endif
