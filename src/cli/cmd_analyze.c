/* junheng analyze - evaluate one county. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#include "junheng/analysis.h"
#include "junheng/analyze.h"
#include "junheng/import.h"
#include "junheng/model.h"
#include "junheng/outdir.h"
#include "junheng/report.h"
#include "junheng/report_charts.h"
#include "junheng/report_json.h"
#include "junheng/report_text.h"
#include "junheng/report_workbook.h"
#include "junheng/standard.h"

static void
help(FILE *out)
{
    jh_cli_help(
        out,
        "用法：junheng analyze 文件 [选项]\n\n"
        "按标准（默认：2017年优质均衡标准）评估“文件”中的学校（CSV，UTF-8\n"
        "或 GBK 编码，或 .xlsx、.xls）：每所学校的资源配置指标、各指标按\n"
        "在校生数加权的差异系数，以及小学和初中是否达标。\n\n"
        "选项：\n"
        "  -o, --out DIR        把 report.xlsx、report.json 和 charts/ 写入"
        "文件夹 DIR\n"
        "  -f, --format FMT     标准输出的格式：text（默认）或 json\n"
        "  -l, --lang LANG      zh（默认）或 en：工作簿、图表、文字和提示的"
        "语言\n"
        "      --no-charts      不运行 gnuplot（不画图表）\n"
        JH_CLI_FORCE_HELP_ZH JH_CLI_INPUT_HELP_ZH
        "      --strict         未达到标准时退出状态为 1\n"
        "      --gnuplot PROG   要运行的 gnuplot 程序（默认 gnuplot）\n"
        "  -h, --help           显示本帮助\n",
        "usage: junheng analyze FILE [options]\n\n"
        "Evaluate the schools in FILE (CSV in UTF-8 or GBK, .xlsx or .xls)\n"
        "under a standard (default: the 2017 quality-balance standard): each\n"
        "school's resource indicators, the enrollment-weighted difference\n"
        "coefficient (差异系数) of each, and the verdict for primary and\n"
        "junior schools.\n\n"
        "Options:\n"
        "  -o, --out DIR        write report.xlsx, report.json and charts/ "
        "into DIR\n"
        "  -f, --format FMT     stdout format: text (default) or json\n"
        "  -l, --lang LANG      zh (default) or en, for workbook, charts and "
        "text\n"
        "      --no-charts      do not run gnuplot\n" JH_CLI_FORCE_HELP
        JH_CLI_INPUT_HELP
        "      --strict         exit 1 when the standard is not met\n"
        "      --gnuplot PROG   gnuplot program to run (default gnuplot)\n"
        "  -h, --help           show this help\n");
    jh_cli_exit_help(out);
}

typedef struct analyze_args {
    jh_cli_report rep; /* out, format, lang, charts, strict */
    jh_cli_input in; /* the school file and the standard */
} analyze_args;

static int
parse_args(analyze_args *a, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"help", no_argument, NULL, 'h'},
        JH_CLI_REPORT_OPTIONS,
        JH_CLI_INPUT_OPTIONS,
        {NULL, 0, NULL, 0}};
    int rc;

    memset(a, 0, sizeof(*a));
    jh_cli_input_init(&a->in);
    jh_cli_report_init(&a->rep);
    rc = jh_cli_options(argc, argv, "analyze", ":o:f:l:e:s:h", longopts,
                        &a->in, &a->rep, NULL, NULL, help);
    if (rc != JH_EXIT_OK)
        return rc;
    a->in.file = jh_cli_one_operand(argc, argv, "analyze", "input file",
                                    "analyzed");
    return a->in.file != NULL ? JH_EXIT_OK : JH_EXIT_USAGE;
}

/* jh_report_json() for jh_cli_stage_stream(). */
static jh_status
write_json(FILE *f, const void *data, jh_error *err)
{
    return jh_report_json(f, data, err);
}

/* jh_report_charts() for jh_cli_stage_charts(). */
static jh_status
render_charts(const char *dir, const void *data, const jh_chart_options *opts,
              jh_error *err)
{
    return jh_report_charts(dir, data, opts, err);
}

/* Write every file output into a staging folder, then move it in place. */
static int
write_outputs(const analyze_args *a, const jh_report_context *ctx)
{
    /* Never replaced by an output. */
    const char *const inputs[] = {a->in.file, a->in.standard};
    jh_outdir *dir = NULL;
    jh_error err;
    jh_status st;
    char *path;

    dir = jh_cli_outputs_open(a->rep.out, "analyze", a->rep.force, inputs,
                              2);
    if (dir == NULL)
        return JH_EXIT_INTERNAL;
    jh_error_clear(&err);
    path = jh_outdir_path(dir, "report.xlsx");
    st = path != NULL ? jh_report_workbook(path, ctx, &err) : JH_ERR_NOMEM;
    free(path);
    if (st == JH_OK)
        st = jh_cli_stage_stream(dir, "report.json", write_json, ctx, &err);
    if (st == JH_OK && a->rep.charts) {
        /* With the supplementary Lorenz and contribution charts, in the
         * same gnuplot processes. */
        jh_chart_options copts = jh_cli_chart_options(&a->rep);
        copts.diagnostics = true;
        st = jh_cli_stage_charts(dir, "charts", "charts", render_charts, ctx,
                                 &copts, &err);
    }
    return jh_cli_outputs_finish(dir, st, &err);
}

int
jh_cmd_analyze(int argc, char **argv)
{
    analyze_args a;
    jh_report_context ctx;
    jh_error err;
    jh_status st;
    int rc = parse_args(&a, argc, argv);

    if (rc != JH_EXIT_OK)
        return rc < 0 ? JH_EXIT_OK : rc;
    rc = jh_cli_input_load(&a.in);
    if (rc != JH_EXIT_OK)
        goto done;
    /* The guarantee checks and the diagnostics, once for every output. */
    jh_error_clear(&err);
    st = jh_analyze_checks(a.in.res, &err);
    if (st != JH_OK) {
        jh_cli_error(&err);
        rc = jh_cli_exit_code(st);
        goto done;
    }
    ctx = jh_cli_input_context(&a.in, a.rep.lang);
    if (a.rep.out != NULL) {
        rc = write_outputs(&a, &ctx);
        if (rc != JH_EXIT_OK)
            goto done;
    }
    jh_error_clear(&err);
    st = a.rep.json ? jh_report_json(stdout, &ctx, &err)
                    : jh_report_text(stdout, &ctx, &err);
    if (st != JH_OK && st != JH_ERR_IO) {
        jh_cli_error(&err);
        rc = jh_cli_exit_code(st);
        goto done;
    }
    if (st != JH_OK || fflush(stdout) != 0) {
        jh_cli_fail2("无法写入标准输出", "cannot write to standard output");
        rc = JH_EXIT_INTERNAL;
        goto done;
    }
    rc = a.rep.strict && !a.in.analysis->pass ? JH_EXIT_FAILED : JH_EXIT_OK;

done:
    jh_cli_input_release(&a.in);
    return rc;
}
