/* junheng verify - check a county's submitted figures against its data. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "junheng/encoding.h"
#include "junheng/import.h"
#include "junheng/outdir.h"
#include "junheng/report.h"
#include "junheng/report_verify.h"
#include "junheng/verify.h"

static void
help(FILE *out)
{
    jh_cli_help(
        out,
        "用法：junheng verify 文件 --claims CLAIMS [选项]\n\n"
        "用“文件”中的学校数据重新计算全部数字，核对县里在上报数据文件\n"
        "CLAIMS 中上报的数字：县域平均值和差异系数（表Ⅲ）、每校指标值和\n"
        "是否达标（表Ⅱ-2）、达标学校数（表Ⅱ-1），可以是 CSV 或工作簿的\n"
        "工作表（格式见 docs/claims.md）。上报数与重算数按官方表格的位数\n"
        "印出来相同即为相符（差异系数 3 位小数，平均值和指标值 2 位，\n"
        "学校数精确）；差异系数只是印出来才达到限值的（0.5004 印作 0.500）\n"
        "算作一项发现。\n"
        "每项不符列出重算数和差值，能复现时给出可能的原因（未按在校生数\n"
        "加权、用了样本标准差、跨学段学校未拆分、万元当成元、漏算或多算\n"
        "学校）。\n\n"
        "选项：\n"
        "      --claims FILE    上报数据文件（可重复）\n"
        "      --claims-sheet NAME|N\n"
        "                       上报数据工作簿中的工作表（默认：每个含上报\n"
        "                       数据的工作表）\n"
        "  -o, --out DIR        把 verify.xlsx 和 verify.json 写入文件夹 DIR\n"
        JH_CLI_FORCE_HELP_ZH
        "  -f, --format FMT     标准输出的格式：text（默认）或 json\n"
        "  -l, --lang LANG      zh（默认）或 en\n" JH_CLI_INPUT_HELP_ZH
        "  -h, --help           显示本帮助\n\n"
        "与 diff 相同：每项上报数都相符时退出状态为 0，有不符时为 1。\n",
        "usage: junheng verify FILE --claims CLAIMS [options]\n\n"
          "Recompute every figure from the school data in FILE and check the\n"
          "figures the county submitted in CLAIMS: county means and CVs\n"
          "(表Ⅲ), per-school values and verdicts (表Ⅱ-2) and counts of\n"
          "schools passing (表Ⅱ-1), as CSV or workbook sheets (layouts in\n"
          "docs/claims.md).  A claim holds when it and the recomputed figure\n"
          "print alike as the official tables print them (CVs 3 decimals,\n"
          "means and values 2, counts exactly); a CV that passes its limit\n"
          "only as printed (0.500 for 0.5004) is a finding.\n"
          "Each claim that differs is listed with the recomputed figure, the\n"
          "difference and the likely cause where one reproduces it\n"
          "(unweighted CV, sample SD, unsplit combined school, 万元 read as\n"
          "元, a school left out or added).\n\n"
          "Options:\n"
          "      --claims FILE    the submitted figures (repeatable)\n"
          "      --claims-sheet NAME|N\n"
          "                       sheet of a claims workbook (default: every\n"
          "                       sheet that holds claims)\n"
          "  -o, --out DIR        write verify.xlsx and verify.json into DIR\n"
          JH_CLI_FORCE_HELP
          "  -f, --format FMT     stdout format: text (default) or json\n"
          "  -l, --lang LANG      zh (default) or en\n" JH_CLI_INPUT_HELP
          "  -h, --help           show this help\n\n"
          "As diff: exit 0 when every claim holds, 1 when some claim "
          "differs.\n");
    jh_cli_exit_help(out);
}

typedef struct verify_args {
    jh_cli_input in;
    const char **claims;
    size_t nclaims;
    const char *claims_sheet;
    const char *out;
    bool force;
    bool json;
    jh_lang lang;
} verify_args;

enum { OPT_CLAIMS = 256, OPT_CLAIMS_SHEET, OPT_FORCE };

/* The options of verify's own (jh_cli_take_fn). */
static int
take_option(void *args, int c, const char *arg)
{
    verify_args *a = args;

    switch (c) {
    case OPT_CLAIMS: {
        const char **grown =
            realloc(a->claims, (a->nclaims + 1) * sizeof(*grown));
        if (grown == NULL) {
            jh_cli_fail2("内存不足", "out of memory");
            return -JH_EXIT_INTERNAL;
        }
        a->claims = grown;
        a->claims[a->nclaims++] = arg;
        return 1;
    }
    case OPT_CLAIMS_SHEET:
        a->claims_sheet = arg;
        return 1;
    case 'o':
        a->out = arg;
        return jh_cli_out_ok(arg) ? 1 : -JH_EXIT_USAGE;
    case OPT_FORCE:
        a->force = true;
        return 1;
    default:
        return jh_cli_format_lang_option(c, arg, &a->json, &a->lang);
    }
}

static int
parse_args(verify_args *a, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"claims", required_argument, NULL, OPT_CLAIMS},
        {"claims-sheet", required_argument, NULL, OPT_CLAIMS_SHEET},
        {"out", required_argument, NULL, 'o'},
        {"force", no_argument, NULL, OPT_FORCE},
        {"format", required_argument, NULL, 'f'},
        {"lang", required_argument, NULL, 'l'},
        {"help", no_argument, NULL, 'h'},
        JH_CLI_INPUT_OPTIONS,
        {NULL, 0, NULL, 0}};
    int rc;

    jh_cli_input_init(&a->in);
    rc = jh_cli_options(argc, argv, "verify", ":o:f:l:e:s:h", longopts, &a->in,
                        NULL, take_option, a, help);
    if (rc != JH_EXIT_OK)
        return rc;
    a->in.file = jh_cli_one_operand(argc, argv, "verify", "school data file",
                                    "verified");
    if (a->in.file == NULL)
        return JH_EXIT_USAGE;
    if (a->nclaims == 0) {
        jh_cli_fail2("没有给出上报数据文件：请加 --claims FILE（见“junheng "
                     "verify --help”）",
                     "no claims given: use --claims FILE (see 'junheng "
                     "verify --help')");
        return JH_EXIT_USAGE;
    }
    return JH_EXIT_OK;
}

/*
 * Read the claims of one file: the sheet asked for with --claims-sheet,
 * else every sheet of a workbook in order (a cover page or a calculation
 * sheet is recorded as passed over, not an error), or the whole of a text
 * file.  Sheets are taken by number through jh_import_table(), so .xlsx
 * and .xls work alike; the sheet after the last answers JH_ERR_NOTFOUND.
 */
static jh_status
read_claims_file(const verify_args *a, const char *path, jh_claims *claims,
                 jh_error *err)
{
    jh_file_options fopts = {0};
    jh_diags warn = JH_DIAGS_INIT;
    jh_status st = JH_OK;

    fopts.encoding = (jh_encoding)a->in.encoding;
    for (size_t i = 1; st == JH_OK; i++) {
        jh_table *t = NULL;
        char num[24];
        snprintf(num, sizeof(num), "%zu", i);
        fopts.sheet = a->claims_sheet != NULL ? a->claims_sheet : num;
        jh_error_clear(err);
        st = jh_import_table(&t, path, &fopts, &warn, err);
        if (st == JH_ERR_NOTFOUND && a->claims_sheet == NULL && i > 1) {
            st = JH_OK;
            break;
        }
        if (st == JH_OK)
            st = jh_claims_add_table(claims, t, &a->in.std, err);
        /* A text file, or the one sheet asked for: done. */
        if (t != NULL && (t->sheet == NULL || a->claims_sheet != NULL)) {
            jh_table_free(t);
            break;
        }
        jh_table_free(t);
    }
    jh_diags_release(&warn);
    return st;
}

/* " (sheets passed over: 'A', 'B')" for the sheets of the blocks from
 * @p first on, in the language of the messages (“A”、“B” in Chinese);
 * "" when none. */
static void
passed_over(const jh_claims *claims, size_t first, char *buf, size_t size)
{
    bool zh = jh_cli_zh();
    size_t n = 0;

    buf[0] = '\0';
    for (size_t b = first; b < claims->nblocks; b++) {
        const char *name = claims->blocks[b].sheet;
        int w;
        if (name == NULL || n + 1 >= size)
            continue;
        if (zh)
            w = snprintf(buf + n, size - n, "%s“%s”",
                         n == 0 ? "（跳过的工作表：" : "、", name);
        else
            w = snprintf(buf + n, size - n, "%s'%s'",
                         n == 0 ? " (sheets passed over: " : ", ", name);
        if (w < 0 || (size_t)w >= size - n)
            break;
        n += (size_t)w;
    }
    if (n > 0 && n + 4 < size)
        memcpy(buf + n, zh ? "）" : ")", zh ? 4 : 2);
}

/* Read every claims file; prints the error and returns an exit code.
 * A claims file in which nothing at all could be read is an error (its
 * sheets passed over are named): an empty check must never read as
 * "everything agrees". */
static int
read_claims(const verify_args *a, jh_claims *claims)
{
    jh_error err;

    for (size_t i = 0; i < a->nclaims; i++) {
        size_t before = claims->count, first_block = claims->nblocks;
        jh_status st = read_claims_file(a, a->claims[i], claims, &err);
        if (st != JH_OK) {
            jh_cli_error(&err);
            return st == JH_ERR_NOMEM ? JH_EXIT_INTERNAL : JH_EXIT_DATA;
        }
        if (claims->count == before) {
            char sheets[400];
            passed_over(claims, first_block, sheets, sizeof(sheets));
            jh_error_clear(&err);
            jh_error_set2(&err, JH_ERR_DATA, a->claims[i], 0, 0,
                          "没有找到上报数据%s：表头应类似 level,indicator,"
                          "mean,cv 或 code,level,indicator,value"
                          "（见 docs/claims.md）",
                          "no claims found%s: expected a header such as "
                          "level,indicator,mean,cv or code,level,indicator,"
                          "value (see docs/claims.md)",
                          sheets);
            jh_cli_error(&err);
            return JH_EXIT_DATA;
        }
    }
    return JH_EXIT_OK;
}

/* jh_report_verify_json() for jh_cli_stage_stream(). */
typedef struct verify_out {
    const jh_report_context *ctx;
    const jh_verify_result *res;
} verify_out;

static jh_status
write_json(FILE *f, const void *data, jh_error *err)
{
    const verify_out *v = data;
    return jh_report_verify_json(f, v->ctx, v->res, err);
}

static int
write_outputs(const verify_args *a, const jh_report_context *ctx,
              const jh_verify_result *res)
{
    /* Never replaced by an output. */
    const char **inputs = calloc(a->nclaims + 2, sizeof(*inputs));
    verify_out v = {ctx, res};
    jh_outdir *dir = NULL;
    jh_error err;
    jh_status st;
    char *path;

    if (inputs == NULL) {
        jh_cli_fail2("内存不足", "out of memory");
        return JH_EXIT_INTERNAL;
    }
    inputs[0] = a->in.file;
    inputs[1] = a->in.standard;
    for (size_t i = 0; i < a->nclaims; i++)
        inputs[i + 2] = a->claims[i];
    dir = jh_cli_outputs_open(a->out, "verify", a->force, inputs,
                              a->nclaims + 2);
    free(inputs);
    if (dir == NULL)
        return JH_EXIT_INTERNAL;
    jh_error_clear(&err);
    path = jh_outdir_path(dir, "verify.xlsx");
    st = path != NULL
             ? jh_report_verify_workbook(path, ctx, res, &err)
             : jh_error_set2(&err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    free(path);
    if (st == JH_OK)
        st = jh_cli_stage_stream(dir, "verify.json", write_json, &v, &err);
    return jh_cli_outputs_finish(dir, st, &err);
}

int
jh_cmd_verify(int argc, char **argv)
{
    verify_args a;
    jh_claims claims;
    jh_verify_result *res = NULL;
    jh_report_context ctx;
    jh_error err;
    jh_status st;
    int rc;

    memset(&a, 0, sizeof(a));
    a.lang = jh_cli_lang();
    memset(&claims, 0, sizeof(claims));
    rc = parse_args(&a, argc, argv);
    if (rc != JH_EXIT_OK) {
        free(a.claims);
        return rc < 0 ? JH_EXIT_OK : rc;
    }
    rc = jh_cli_input_load(&a.in);
    if (rc == JH_EXIT_OK)
        rc = read_claims(&a, &claims);
    if (rc != JH_EXIT_OK)
        goto done;
    jh_error_clear(&err);
    st = jh_verify_run(&res, a.in.analysis, &claims, &err);
    if (st != JH_OK) {
        jh_cli_error(&err);
        rc = jh_cli_exit_code(st);
        goto done;
    }
    ctx = jh_cli_input_context(&a.in, a.lang);
    if (a.out != NULL) {
        rc = write_outputs(&a, &ctx, res);
        if (rc != JH_EXIT_OK)
            goto done;
    }
    st = a.json ? jh_report_verify_json(stdout, &ctx, res, &err)
                : jh_report_verify_text(stdout, &ctx, res);
    if (st != JH_OK || fflush(stdout) != 0) {
        jh_cli_fail2("无法写入标准输出", "cannot write to standard output");
        rc = JH_EXIT_INTERNAL;
        goto done;
    }
    /* As diff: 1 when anything differs. */
    rc = res->nfindings > 0 ? JH_EXIT_FAILED : JH_EXIT_OK;

done:
    jh_verify_free(res);
    jh_claims_release(&claims);
    jh_cli_input_release(&a.in);
    free(a.claims);
    return rc;
}
