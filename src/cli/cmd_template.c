/* junheng template - write the input workbook counties fill in. */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "junheng/report_evaluate.h"
#include "junheng/template.h"

static void
help(FILE *out)
{
    fputs(
        "usage: junheng template [--county] [--standard ID|FILE] "
        "[--out FILE.xlsx]\n"
        "                        [--lang zh|en] [--force]\n\n"
        "Write the workbook a county fills in for junheng: one sheet of\n"
        "school data with the headers junheng reads (units in the headers,\n"
        "teachers per section so that combined schools can be filled), one\n"
        "example row per school type, marked 示例 (never counted: delete\n"
        "them), drop-downs for school type, locality, ownership and\n"
        "纳入计算, number checks and input hints on every count and area,\n"
        "and a sheet of instructions (说明).  Every column analyze (either\n"
        "standard), the guarantee checks and evaluate read is there, grouped;\n"
        "the headers the standard needs are orange (必填), the others blue\n"
        "(选填), and each header's comment says which indicator or check\n"
        "reads it.  SOURCE_DATE_EPOCH sets its\n"
        "date, so the same options give the same bytes.\n\n"
        "With --county, write instead the county facts workbook for 'junheng\n"
        "evaluate' (default junheng-county-facts.xlsx): one row per item of\n"
        "the 2017 evaluation with its limit and how to fill it.\n\n"
        "Options:\n"
        "      --county       the county facts workbook (docs/evaluate.md)\n"
        "      --standard ID|FILE\n"
        "                     mark the columns this standard needs as "
        "required\n"
        "                     (default quality-2017; see 'junheng standards')\n"
        "  -o, --out FILE     where to write (default junheng-template.xlsx)\n"
        "  -l, --lang LANG    zh (default): Chinese headers; en: English keys\n"
        "      --force        overwrite FILE if it exists\n"
        "  -h, --help         show this help\n\n"
        "Exit status: 0 written, 2 usage error (or FILE exists), 3 the\n"
        "standards file cannot be read, 4 the file could not be written.\n",
        out);
}

int
jh_cmd_template(int argc, char **argv)
{
    enum { OPT_FORCE = 256, OPT_COUNTY, OPT_STANDARD };
    static const struct option longopts[] = {
        {"out", required_argument, NULL, 'o'},
        {"lang", required_argument, NULL, 'l'},
        {"force", no_argument, NULL, OPT_FORCE},
        {"county", no_argument, NULL, OPT_COUNTY},
        {"standard", required_argument, NULL, OPT_STANDARD},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    jh_template_options opts = {JH_LANG_ZH, 0, NULL};
    static jh_standard std; /* large: not on the stack */
    const char *out = NULL, *standard = NULL;
    bool force = false, county = false;
    struct stat sb;
    jh_error err;
    int c;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:l:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'o':
            out = optarg;
            if (out[0] == '\0') {
                jh_cli_fail("--out needs a file name, not an empty one");
                return JH_EXIT_USAGE;
            }
            break;
        case 'l':
            if (strcmp(optarg, "en") == 0)
                opts.lang = JH_LANG_EN;
            else if (strcmp(optarg, "zh") == 0)
                opts.lang = JH_LANG_ZH;
            else {
                jh_cli_fail("unknown language '%s' (zh or en)", optarg);
                return JH_EXIT_USAGE;
            }
            break;
        case OPT_FORCE:
            force = true;
            break;
        case OPT_COUNTY:
            county = true;
            break;
        case OPT_STANDARD:
            standard = optarg;
            break;
        case 'h':
            help(stdout);
            return JH_EXIT_OK;
        case ':':
            jh_cli_fail("option '%s' needs a value", argv[optind - 1]);
            return JH_EXIT_USAGE;
        default:
            jh_cli_fail("unknown option '%s' (see 'junheng template --help')",
                        argv[optind - 1]);
            return JH_EXIT_USAGE;
        }
    }
    if (optind != argc) {
        jh_cli_fail("unexpected argument '%s' (see 'junheng template "
                    "--help')",
                    argv[optind]);
        return JH_EXIT_USAGE;
    }
    jh_error_clear(&err);
    if (standard != NULL) {
        if (jh_standard_resolve(&std, standard, &err) != JH_OK) {
            jh_cli_error(&err);
            return JH_EXIT_DATA; /* as analyze --standard */
        }
        opts.std = &std;
    }
    if (out == NULL)
        out = county ? "junheng-county-facts.xlsx" : "junheng-template.xlsx";
    /* A filled-in template must never be lost to a second run. */
    if (!force && stat(out, &sb) == 0) {
        jh_cli_fail("%s: already exists (use --force to overwrite it)", out);
        return JH_EXIT_USAGE;
    }
    opts.created = jh_cli_document_epoch();
    jh_error_clear(&err);
    if (county
            ? jh_report_facts_template(
                  out, opts.std != NULL ? opts.std : jh_standard_builtin(NULL),
                  opts.lang, opts.created, &err) != JH_OK
            : jh_template_write(out, &opts, &err) != JH_OK) {
        jh_cli_error(&err);
        return JH_EXIT_INTERNAL;
    }
    fprintf(stderr, "junheng: wrote %s\n", out);
    return JH_EXIT_OK;
}
