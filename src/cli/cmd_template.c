/* junheng template - write the input workbook counties fill in. */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "junheng/outdir.h"
#include "junheng/report_evaluate.h"
#include "junheng/template.h"

static void
help(FILE *out)
{
    fputs(
        "usage: junheng template [--county] [--standard ID|FILE] "
        "[--out DIR]\n"
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
        "With --county, write instead the county-facts file that 'junheng\n"
        "evaluate --county FACTS' reads: one row per item of the 2017\n"
        "evaluation with its limit and how to fill it.\n\n"
        "The workbook goes into the folder DIR (default: the current\n"
        "folder) as DIR/junheng-template.xlsx, or DIR/junheng-county-"
        "facts.xlsx\nwith --county.  Once written it is yours to fill in: "
        "a later run\nnever replaces it without --force, and 'junheng batch "
        "DIR' reads it.\n\n"
        "Options:\n"
        "      --county         write the county-facts file (docs/evaluate.md)"
        "\n"
        "      --standard ID|FILE\n"
        "                       mark the columns this standard needs as "
        "required\n"
        "                       (default quality-2017; see 'junheng "
        "standards')\n"
        "  -o, --out DIR        the folder to write into (default: the "
        "current one)\n"
        "  -l, --lang LANG      zh (default): Chinese headers; en: English "
        "keys\n"
        "      --force          replace the workbook if DIR holds one\n"
        "  -h, --help           show this help\n",
        out);
    jh_cli_exit_help(out);
}

/* Whether @p path ends in a workbook extension (.xlsx, .xls). */
static bool
workbook_name(const char *path)
{
    size_t n = strlen(path);
    return (n > 5 && strcasecmp(path + n - 5, ".xlsx") == 0) ||
           (n > 4 && strcasecmp(path + n - 4, ".xls") == 0);
}

/*
 * Write the template named @p name into folder @p dir through the output
 * folder code (staged, then moved into place; src/outdir.c), handed over
 * to the user: never listed in the manifest, so that a filled template
 * is not replaced without @p force and batch reads it.  Prints the
 * problem; returns an exit code.
 */
static int
write_into(const char *dir, const char *name, bool county, bool force,
           const jh_template_options *opts)
{
    jh_outdir_options oo = JH_OUTDIR_OPTIONS_INIT;
    jh_outdir *od = NULL;
    struct stat sb;
    jh_error err;
    jh_status st;
    char *path;
    size_t len = strlen(dir) + strlen(name) + 2;

    path = malloc(len);
    if (path == NULL) {
        jh_cli_fail("out of memory");
        return JH_EXIT_INTERNAL;
    }
    snprintf(path, len, "%s/%s", dir, name);
    /* A filled-in template must never be lost to a second run. */
    if (!force && lstat(path, &sb) == 0) {
        jh_cli_fail("%s: already exists (it may be filled in); nothing was "
                    "changed (move it away, or rerun with --force to "
                    "replace it)",
                    path);
        free(path);
        return JH_EXIT_INTERNAL;
    }
    free(path);
    oo.kind = "template";
    oo.force = force;
    oo.handover = true;
    jh_error_clear(&err);
    if (jh_outdir_open(&od, dir, &oo, &err) != JH_OK) {
        jh_cli_error(&err);
        return JH_EXIT_INTERNAL;
    }
    path = jh_outdir_path(od, name);
    if (path == NULL)
        st = jh_error_set(&err, JH_ERR_NOMEM, dir, 0, 0, "out of memory");
    else if (county)
        st = jh_report_facts_template(path,
                                      opts->std != NULL
                                          ? opts->std
                                          : jh_standard_builtin(NULL),
                                      opts->lang, opts->created, &err);
    else
        st = jh_template_write(path, opts, &err);
    free(path);
    return jh_cli_outputs_finish(od, st, &err);
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
    const char *out = NULL, *name, *standard = NULL;
    jh_error err;
    bool force = false, county = false;
    struct stat sb;
    int c, rc;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:l:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'o':
            out = optarg;
            if (!jh_cli_out_ok(out))
                return JH_EXIT_USAGE;
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
    name = county ? "junheng-county-facts.xlsx" : "junheng-template.xlsx";
    jh_error_clear(&err);
    if (standard != NULL) {
        if (jh_standard_resolve(&std, standard, &err) != JH_OK) {
            jh_cli_error(&err);
            return JH_EXIT_DATA; /* as analyze --standard */
        }
        opts.std = &std;
    }
    if (out == NULL)
        out = "."; /* the current folder, as before --out was a folder */
    /* --out used to name the file: say so rather than make a folder
     * called "x.xlsx". */
    if (workbook_name(out) && !(stat(out, &sb) == 0 && S_ISDIR(sb.st_mode))) {
        jh_cli_fail("--out names a folder, not a workbook: write --out DIR "
                    "(the workbook is written as DIR/%s)",
                    name);
        return JH_EXIT_USAGE;
    }
    opts.created = jh_cli_document_epoch();
    rc = write_into(out, name, county, force, &opts);
    if (rc != JH_EXIT_OK)
        return rc;
    fprintf(stderr, "junheng: wrote %s/%s\n", out, name);
    return JH_EXIT_OK;
}
