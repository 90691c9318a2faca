/* junheng evaluate - the whole 2017 county evaluation. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

extern char **environ;
#include "junheng/evaluate.h"
#include "junheng/import.h"
#include "junheng/outdir.h"
#include "junheng/report_evaluate.h"
#include "junheng/report_evaluate_chart.h"
#include "junheng/report_pdf.h"

static void
help(FILE *out)
{
    jh_cli_help(
        out,
        "用法：junheng evaluate 学校数据文件 --county FACTS [选项]\n\n"
        "按2017年优质均衡标准对一个县做全面评估：资源配置（由学校数据文件\n"
        "计算，同 analyze）、政府保障程度 15 项、教育质量 9 项、社会认可度\n"
        "和一票否决项。能由学校数据算出的项目自动计算（学校规模和班额、\n"
        "音乐美术专用教室、教师持证、培训经费、小规模学校公用经费、表Ⅰ）；\n"
        "其余来自县级指标文件 FACTS：CSV 或 Excel 工作表，每项一行\n"
        "（项目,数值,备注；见 docs/evaluate.md）。\n"
        "未填写的项目使结论为“不完整”，绝不会算作达标。\n\n"
        "选项：\n"
        "  -c, --county FACTS   县级指标文件（必填）\n"
        "      --county-sheet S 工作簿：县级指标所在的工作表（默认：第一个）\n"
        "  -o, --out DIR        把 evaluation.xlsx、evaluation.json 和展板图\n"
        "                       board.png/.pdf 写入文件夹 DIR\n"
        "      --pdf            另用 LibreOffice（soffice）把工作簿打印为\n"
        "                       evaluation.pdf，用于装订\n"
        "  -f, --format FMT     标准输出的格式：text（默认）或 json\n"
        "  -l, --lang LANG      zh（默认）或 en\n" JH_CLI_INPUT_HELP_ZH
        "      --no-charts      不运行 gnuplot（不画图表）\n"
        "      --gnuplot PROG   要运行的 gnuplot 程序（默认 gnuplot）\n"
        JH_CLI_FORCE_HELP_ZH
        "      --strict         县未通过评估时退出状态为 1\n"
        "  -h, --help           显示本帮助\n",
        "usage: junheng evaluate SCHOOLS --county FACTS [options]\n\n"
        "Evaluate a county under the 2017 quality-balance standard as a "
        "whole:\nresource allocation (from SCHOOLS, as 'analyze' does), the "
        "15 government-\nguarantee items, the 9 education-quality items, "
        "social recognition and the\none-vote-veto items.  Items computable "
        "from SCHOOLS are computed (school\nand class size, music and art "
        "rooms, certification, training funds,\nsmall-school public funds, "
        "表Ⅰ); the others come from FACTS, a CSV or\nExcel sheet with one row "
        "per item (item,value,note; see docs/evaluate.md).\nA fact not given "
        "makes the verdict 'incomplete', never 'pass'.\n\n"
        "Options:\n"
        "  -c, --county FACTS   the county-facts file (required)\n"
        "      --county-sheet S workbooks: the facts sheet (default: the "
        "first)\n"
        "  -o, --out DIR        write evaluation.xlsx, evaluation.json and "
        "the board\n"
        "                       chart board.png/.pdf into DIR\n"
        "      --pdf            also print the workbook to evaluation.pdf\n"
        "                       with LibreOffice (soffice), for the binder\n"
        "  -f, --format FMT     stdout format: text (default) or json\n"
        "  -l, --lang LANG      zh (default) or en\n" JH_CLI_INPUT_HELP
        "      --no-charts      do not run gnuplot\n"
        "      --gnuplot PROG   gnuplot program to run (default gnuplot)\n"
        JH_CLI_FORCE_HELP
        "      --strict         exit 1 unless the county passes\n"
        "  -h, --help           show this help\n");
    jh_cli_exit_help(out);
}

typedef struct evaluate_args {
    jh_cli_report rep; /* out, format, lang, charts, strict */
    jh_cli_input in;
    const char *facts;
    const char *facts_sheet;
    bool pdf;
} evaluate_args;

enum { OPT_COUNTY_SHEET = 256, OPT_PDF };

/* The options of evaluate's own (jh_cli_take_fn). */
static int
take_option(void *args, int c, const char *arg)
{
    evaluate_args *a = args;

    switch (c) {
    case 'c':
        a->facts = arg;
        return 1;
    case OPT_COUNTY_SHEET:
        a->facts_sheet = arg;
        return 1;
    case OPT_PDF:
        a->pdf = true;
        return 1;
    default:
        return 0;
    }
}

static int
parse_args(evaluate_args *a, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"county", required_argument, NULL, 'c'},
        {"county-sheet", required_argument, NULL, OPT_COUNTY_SHEET},
        {"pdf", no_argument, NULL, OPT_PDF},
        {"help", no_argument, NULL, 'h'},
        JH_CLI_REPORT_OPTIONS,
        JH_CLI_INPUT_OPTIONS,
        {NULL, 0, NULL, 0}};
    int rc;

    memset(a, 0, sizeof(*a));
    jh_cli_input_init(&a->in);
    jh_cli_report_init(&a->rep);
    rc = jh_cli_options(argc, argv, "evaluate", ":c:o:f:l:e:s:h", longopts,
                        &a->in, &a->rep, take_option, a, help);
    if (rc != JH_EXIT_OK)
        return rc;
    a->in.file = jh_cli_one_operand(argc, argv, "evaluate", "school file",
                                    "evaluated");
    if (a->in.file == NULL)
        return JH_EXIT_USAGE;
    if (a->facts == NULL) {
        jh_cli_fail2("没有给出县级指标文件：请加 --county FACTS（见“junheng "
                     "evaluate --help”和 docs/evaluate.md）",
                     "no facts file given: --county FACTS (see 'junheng "
                     "evaluate --help' and docs/evaluate.md)");
        return JH_EXIT_USAGE;
    }
    return JH_EXIT_OK;
}

/* Read the facts file; prints the problem and returns an exit code. */
static int
read_facts(const evaluate_args *a, jh_facts **out, jh_diags *warn)
{
    jh_file_options fopts = {0};
    jh_table *t = NULL;
    jh_error err;
    jh_status st;

    jh_error_clear(&err);
    fopts.encoding = (jh_encoding)a->in.encoding;
    fopts.sheet = a->facts_sheet;
    st = jh_import_table(&t, a->facts, &fopts, warn, &err);
    if (st == JH_OK)
        st = jh_facts_from_table(out, t, &err);
    jh_table_free(t);
    if (st != JH_OK) {
        jh_cli_error(&err);
        /* as for the school file: an unreadable input is bad input */
        return st == JH_ERR_NOMEM || st == JH_ERR_INTERNAL ? JH_EXIT_INTERNAL
                                                           : JH_EXIT_DATA;
    }
    return JH_EXIT_OK;
}

/* jh_report_evaluation_json() for jh_cli_stage_stream(). */
typedef struct evaluate_out {
    const jh_report_context *ctx;
    const jh_evaluation *ev;
} evaluate_out;

static jh_status
write_json(FILE *f, const void *data, jh_error *err)
{
    const evaluate_out *o = data;
    return jh_report_evaluation_json(f, o->ctx, o->ev, err);
}

/* Write evaluation.xlsx and evaluation.json, all or nothing. */
static int
write_outputs(const evaluate_args *a, const jh_report_context *ctx,
              const jh_evaluation *ev)
{
    /* Never replaced by an output. */
    const char *const inputs[] = {a->in.file, a->facts, a->in.standard};
    evaluate_out out = {ctx, ev};
    jh_outdir *dir = NULL;
    jh_error err;
    jh_status st;
    char *path;

    dir = jh_cli_outputs_open(a->rep.out, "evaluate", a->rep.force, inputs,
                              3);
    if (dir == NULL)
        return JH_EXIT_INTERNAL;
    jh_error_clear(&err);
    path = jh_outdir_path(dir, "evaluation.xlsx");
    st = path != NULL
             ? jh_report_evaluation_workbook(path, ctx, ev, &err)
             : jh_error_set2(&err, JH_ERR_NOMEM, a->rep.out, 0, 0,
                             "内存不足", "out of memory");
    free(path);
    if (st == JH_OK)
        st =
            jh_cli_stage_stream(dir, "evaluation.json", write_json, &out, &err);
    if (st == JH_OK && a->rep.charts) {
        jh_chart_options copts = jh_cli_chart_options(&a->rep);
        st = jh_report_evaluation_board(dir->staging, ctx, ev, &copts, &err);
        if (st == JH_ERR_NOTFOUND) {
            jh_cli_skipped(&err, "展板图", "the board chart");
            st = JH_OK;
        }
    }
    if (st == JH_OK && a->pdf) {
        path = jh_outdir_path(dir, "evaluation.xlsx");
        st = path != NULL ? jh_report_pdf(path, dir->staging, "soffice",
                                          environ, ctx->created, &err)
                          : JH_ERR_NOMEM;
        free(path);
        if (st == JH_ERR_NOTFOUND) {
            jh_cli_skipped(&err, " PDF", "the PDF");
            st = JH_OK;
        }
    }
    return jh_cli_outputs_finish(dir, st, &err);
}

int
jh_cmd_evaluate(int argc, char **argv)
{
    evaluate_args a;
    jh_report_context ctx;
    jh_diags warn = JH_DIAGS_INIT;
    jh_facts *facts = NULL;
    jh_evaluation *ev = NULL;
    jh_diagnostics *diag = NULL;
    jh_error err;
    jh_status st;
    int rc = parse_args(&a, argc, argv);

    if (rc != JH_EXIT_OK)
        return rc < 0 ? JH_EXIT_OK : rc;
    rc = jh_cli_input_load(&a.in);
    if (rc != JH_EXIT_OK)
        goto done;
    rc = read_facts(&a, &facts, &warn);
    if (rc != JH_EXIT_OK)
        goto done;
    jh_error_clear(&err);
    st = jh_evaluate(&ev, a.in.analysis, facts, &warn, &err);
    for (size_t i = 0; i < warn.count; i++)
        jh_cli_warning(&warn.items[i]);
    if (st != JH_OK) {
        jh_cli_error(&err);
        rc = st == JH_ERR_ARG ? JH_EXIT_DATA : jh_cli_exit_code(st);
        goto done;
    }
    ctx = jh_cli_input_context(&a.in, a.rep.lang);
    if (a.rep.out != NULL) {
        /* The workbook holds analyze's sheets: the evaluation's guarantee
         * checks (the same county and standard) and the diagnostics,
         * computed here once. */
        jh_error_clear(&err);
        st = jh_analyze_checks_of(NULL, &diag, a.in.analysis, &err);
        if (st != JH_OK) {
            jh_cli_error(&err);
            rc = jh_cli_exit_code(st);
            goto done;
        }
        ctx.guarantee = ev->guarantee;
        ctx.diagnostics = diag;
        rc = write_outputs(&a, &ctx, ev);
        if (rc != JH_EXIT_OK)
            goto done;
    }
    jh_error_clear(&err);
    st = a.rep.json ? jh_report_evaluation_json(stdout, &ctx, ev, &err)
                : jh_report_evaluation_text(stdout, &ctx, ev);
    if (st != JH_OK || fflush(stdout) != 0) {
        jh_cli_fail2("无法写入标准输出", "cannot write to standard output");
        rc = JH_EXIT_INTERNAL;
        goto done;
    }
    rc = a.rep.strict && ev->verdict != JH_V_PASS ? JH_EXIT_FAILED : JH_EXIT_OK;

done:
    jh_diagnostics_free(diag);
    jh_evaluation_free(ev);
    jh_facts_free(facts);
    jh_diags_release(&warn);
    jh_cli_input_release(&a.in);
    return rc;
}
