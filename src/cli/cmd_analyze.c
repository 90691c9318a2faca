/* junheng analyze - evaluate one county. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

extern char **environ;
#include "junheng/analysis.h"
#include "junheng/import.h"
#include "junheng/model.h"
#include "junheng/outdir.h"
#include "junheng/report.h"
#include "junheng/standard.h"

/* Document date when SOURCE_DATE_EPOCH is not set: 2020-01-01 00:00 UTC,
 * fixed so that the same input always gives the same bytes. */
#define JH_DEFAULT_EPOCH 1577836800LL

static void
help(FILE *out)
{
    fputs(
        "usage: junheng analyze FILE [options]\n\n"
        "Evaluate the schools in FILE (CSV in UTF-8 or GBK, .xlsx or .xls)\n"
        "under the 2017 quality-balance standard: each school's seven\n"
        "resource indicators, the enrollment-weighted difference coefficient\n"
        "(差异系数) of each, and the verdict for primary and junior schools.\n\n"
        "Options:\n"
        "  -o, --out DIR        write report.xlsx, report.json and charts/ "
        "into DIR\n"
        "  -f, --format FMT     stdout format: text (default) or json\n"
        "  -l, --lang LANG      zh (default) or en, for workbook, charts and "
        "text\n"
        "      --no-charts      do not run gnuplot\n"
        "  -e, --encoding ENC   auto (default), utf-8, gbk, gb18030, "
        "utf-16le\n"
        "  -s, --sheet NAME|N   workbook sheet (default: the first with the\n"
        "                       required columns)\n"
        "      --subtract-indoor-sports\n"
        "                       move 其中室内体育用房 from the teaching area\n"
        "                       to the sports area of each school\n"
        "      --no-subtract-indoor-sports\n"
        "                       keep them in the teaching area (default)\n"
        "      --strict         exit 1 when the standard is not met\n"
        "      --gnuplot PROG   gnuplot program to run (default gnuplot)\n"
        "  -h, --help           show this help\n\n"
        "Exit status: 0 done (whatever the verdict), 1 not met with "
        "--strict,\n2 usage error, 3 bad input data, 4 output or internal "
        "failure.\n",
        out);
}

typedef struct analyze_args {
    const char *file;
    const char *out;
    const char *gnuplot;
    bool json;
    bool charts;
    bool strict;
    jh_lang lang;
    jh_encoding encoding;
    const char *sheet;
    bool subtract_indoor;
    bool subtract_indoor_set;
} analyze_args;

static int
parse_args(analyze_args *a, int argc, char **argv)
{
    enum {
        OPT_NO_CHARTS = 256,
        OPT_STRICT,
        OPT_GNUPLOT,
        OPT_SUB_INDOOR,
        OPT_NO_SUB_INDOOR
    };
    static const struct option longopts[] = {
        {"out", required_argument, NULL, 'o'},
        {"format", required_argument, NULL, 'f'},
        {"lang", required_argument, NULL, 'l'},
        {"encoding", required_argument, NULL, 'e'},
        {"no-charts", no_argument, NULL, OPT_NO_CHARTS},
        {"strict", no_argument, NULL, OPT_STRICT},
        {"gnuplot", required_argument, NULL, OPT_GNUPLOT},
        {"sheet", required_argument, NULL, 's'},
        {"subtract-indoor-sports", no_argument, NULL, OPT_SUB_INDOOR},
        {"no-subtract-indoor-sports", no_argument, NULL, OPT_NO_SUB_INDOOR},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    int c;

    memset(a, 0, sizeof(*a));
    a->charts = true;
    a->gnuplot = "gnuplot";
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:f:l:e:s:h", longopts, NULL)) !=
           -1) {
        switch (c) {
        case 'o':
            a->out = optarg;
            break;
        case 'f':
            if (strcmp(optarg, "json") == 0)
                a->json = true;
            else if (strcmp(optarg, "text") != 0) {
                jh_cli_fail("unknown format '%s' (text or json)", optarg);
                return JH_EXIT_USAGE;
            }
            break;
        case 'l':
            if (strcmp(optarg, "en") == 0)
                a->lang = JH_LANG_EN;
            else if (strcmp(optarg, "zh") == 0)
                a->lang = JH_LANG_ZH;
            else {
                jh_cli_fail("unknown language '%s' (zh or en)", optarg);
                return JH_EXIT_USAGE;
            }
            break;
        case 'e':
            if (jh_encoding_parse(optarg, &a->encoding) != JH_OK) {
                jh_cli_fail("unknown encoding '%s' (auto, utf-8, gbk, "
                            "gb18030, utf-16le)",
                            optarg);
                return JH_EXIT_USAGE;
            }
            break;
        case OPT_NO_CHARTS:
            a->charts = false;
            break;
        case OPT_STRICT:
            a->strict = true;
            break;
        case OPT_GNUPLOT:
            a->gnuplot = optarg;
            break;
        case 's':
            a->sheet = optarg;
            break;
        case OPT_SUB_INDOOR:
        case OPT_NO_SUB_INDOOR:
            a->subtract_indoor = c == OPT_SUB_INDOOR;
            a->subtract_indoor_set = true;
            break;
        case 'h':
            help(stdout);
            return -1;
        case ':':
            jh_cli_fail("option '%s' needs a value", argv[optind - 1]);
            return JH_EXIT_USAGE;
        default:
            jh_cli_fail("unknown option '%s' (see 'junheng analyze --help')",
                        argv[optind - 1]);
            return JH_EXIT_USAGE;
        }
    }
    if (optind != argc - 1) {
        jh_cli_fail(optind >= argc ? "no input file given (see 'junheng "
                                     "analyze --help')"
                                   : "only one input file is analyzed at a "
                                     "time");
        return JH_EXIT_USAGE;
    }
    a->file = argv[optind];
    return JH_EXIT_OK;
}

static long long
document_epoch(void)
{
    const char *env = getenv("SOURCE_DATE_EPOCH");
    char *end = NULL;
    long long v;

    if (env == NULL || env[0] == '\0')
        return JH_DEFAULT_EPOCH;
    errno = 0;
    v = strtoll(env, &end, 10);
    if (errno != 0 || *end != '\0' || v < 0)
        return JH_DEFAULT_EPOCH;
    return v;
}

/* The county's name: a 县区 column, else the file name without folders
 * and extension. */
static char *
county_name(const jh_county *c, const char *path)
{
    const char *base = strrchr(path, '/');
    const char *dot;

    if (c->name != NULL)
        return strdup(c->name);
    base = base != NULL ? base + 1 : path;
    dot = strrchr(base, '.');
    return strndup(base, dot != NULL && dot != base ? (size_t)(dot - base)
                                                    : strlen(base));
}

static void
print_warnings(const jh_diags *w)
{
    char buf[2048];
    for (size_t i = 0; i < w->count; i++)
        fprintf(stderr, "junheng: warning: %s\n",
                jh_diag_format(&w->items[i], buf, sizeof(buf)));
}

/* Write every file output into a staging folder, then move it in place. */
static int
write_outputs(const analyze_args *a, const jh_report_context *ctx)
{
    static const char *const owned[] = {"report.xlsx", "report.json",
                                        "charts", NULL};
    jh_outdir *dir = NULL;
    jh_error err;
    jh_status st;
    char *path;
    FILE *f;

    jh_error_clear(&err);
    st = jh_outdir_open(&dir, a->out, &err);
    if (st != JH_OK) {
        jh_cli_error(&err);
        return JH_EXIT_INTERNAL;
    }
    path = jh_outdir_path(dir, "report.xlsx");
    st = path != NULL ? jh_report_workbook(path, ctx, &err) : JH_ERR_NOMEM;
    free(path);
    if (st == JH_OK) {
        path = jh_outdir_path(dir, "report.json");
        f = path != NULL ? fopen(path, "w") : NULL;
        st = f != NULL ? jh_report_json(f, ctx, &err) : JH_ERR_IO;
        if (f != NULL && fclose(f) != 0 && st == JH_OK)
            st = jh_error_set(&err, JH_ERR_IO, path, 0, 0,
                              "cannot write: %s", strerror(errno));
        else if (f == NULL)
            jh_error_set(&err, JH_ERR_IO, path, 0, 0, "cannot create: %s",
                         strerror(errno));
        free(path);
    }
    if (st == JH_OK && a->charts) {
        jh_chart_options copts = {.gnuplot = a->gnuplot,
                                  .plots_dir = jh_cli_plots_dir(),
                                  .pdf = true,
                                  .envp = environ,
                                  .timeout_seconds = 300};
        path = jh_outdir_path(dir, "charts/.keep");
        if (path == NULL) {
            st = jh_error_set(&err, JH_ERR_IO, a->out, 0, 0,
                              "cannot create the charts folder");
        } else {
            *strrchr(path, '/') = '\0';
            st = jh_report_charts(path, ctx, &copts, &err);
            free(path);
        }
        if (st == JH_ERR_NOTFOUND) {
            jh_cli_fail("warning: %s; charts skipped, everything else "
                        "written",
                        err.message);
            st = JH_OK;
        }
    }
    if (st != JH_OK) {
        jh_cli_error(&err);
        jh_outdir_abort(dir);
        return JH_EXIT_INTERNAL;
    }
    st = jh_outdir_commit(dir, owned, &err);
    if (st != JH_OK) {
        jh_cli_error(&err);
        return JH_EXIT_INTERNAL;
    }
    return JH_EXIT_OK;
}

int
jh_cmd_analyze(int argc, char **argv)
{
    analyze_args a;
    jh_file_options fopts = {0};
    jh_diags warnings = JH_DIAGS_INIT;
    jh_county *county = NULL;
    jh_model *model = NULL;
    jh_analysis *analysis = NULL;
    jh_report_context ctx;
    jh_standard std;
    jh_error err;
    jh_status st;
    char *name = NULL;
    int rc = parse_args(&a, argc, argv);

    if (rc != JH_EXIT_OK)
        return rc < 0 ? JH_EXIT_OK : rc;
    jh_error_clear(&err);
    /* Options that change the rules apply to a copy of the standard. */
    std = *jh_standard_builtin(NULL);
    if (a.subtract_indoor_set)
        std.subtract_indoor_sports = a.subtract_indoor;
    fopts.encoding = a.encoding;
    fopts.sheet = a.sheet;
    st = jh_import_county(&county, a.file, &fopts, &warnings, &err);
    if (st == JH_OK)
        st = jh_model_build(&model, county, &std, &warnings, &err);
    if (st == JH_OK)
        st = jh_analysis_run(&analysis, model, &warnings, &err);
    if (st != JH_OK) {
        /* Warnings often explain the error (a text number read, a formula
         * cell of an .xls read as blank). */
        print_warnings(&warnings);
        jh_cli_error(&err);
        /* Reading the input failed: that is bad input, not our output. */
        rc = st == JH_ERR_NOMEM || st == JH_ERR_INTERNAL ? JH_EXIT_INTERNAL
                                                         : JH_EXIT_DATA;
        goto done;
    }
    print_warnings(&warnings);
    name = county_name(county, a.file);
    ctx = (jh_report_context){analysis, &warnings, a.lang,
                              name != NULL ? name : "", JH_VERSION,
                              document_epoch()};
    if (a.out != NULL) {
        rc = write_outputs(&a, &ctx);
        if (rc != JH_EXIT_OK)
            goto done;
    }
    st = a.json ? jh_report_json(stdout, &ctx, &err)
                : jh_report_text(stdout, &ctx);
    if (st != JH_OK || fflush(stdout) != 0) {
        jh_cli_fail("cannot write to standard output");
        rc = JH_EXIT_INTERNAL;
        goto done;
    }
    rc = a.strict && !analysis->pass ? JH_EXIT_FAILED : JH_EXIT_OK;

done:
    free(name);
    jh_analysis_free(analysis);
    jh_model_free(model);
    jh_county_free(county);
    jh_diags_release(&warnings);
    return rc;
}
