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
    jh_cli_help(
        out,
        "用法：junheng template [--county] [--standard ID|FILE] [--out DIR]\n"
        "                       [--lang zh|en] [--force]\n\n"
        "生成各县填写的 junheng 数据工作簿：一张学校数据工作表，表头即\n"
        "junheng 读取的列名（单位写在表头里；教师数按学段分列，九年一贯制\n"
        "等跨学段学校可以分学段填写），每种学校类型一行示例，标有“示例”\n"
        "（从不计入：填写时删除），学校类型、城乡类型、举办者类型和\n"
        "“纳入计算”有下拉选项，各数量和面积有数值检查和输入提示，另有一张\n"
        "填写说明工作表（“说明”）。analyze（两种标准）、学校办学条件检查\n"
        "和 evaluate 读取的每一列都在其中，分组排列；所选标准需要的表头为\n"
        "橙色（必填），其余为蓝色（选填），每个表头的批注写明哪个指标或\n"
        "检查读取它。SOURCE_DATE_EPOCH 设定工作簿的日期，因此同样的选项\n"
        "总是生成完全相同的文件。\n\n"
        "加 --county 时改为生成“junheng evaluate --county FACTS”读取的\n"
        "县级指标文件：2017年评估的每一项一行，写明限值和填法。\n\n"
        "工作簿写入文件夹 DIR（默认：当前文件夹），即\n"
        "DIR/junheng-template.xlsx，加 --county 时为\n"
        "DIR/junheng-county-facts.xlsx。写出后即归您填写：以后再运行，不加\n"
        "--force 绝不会替换它；“junheng batch DIR”会读取它。\n\n"
        "选项：\n"
        "      --county         生成县级指标文件（docs/evaluate.md）\n"
        "      --standard ID|FILE\n"
        "                       把该标准需要的列标为必填\n"
        "                       （默认 quality-2017；见“junheng standards”）\n"
        "  -o, --out DIR        写入的文件夹（默认：当前文件夹）\n"
        "  -l, --lang LANG      zh（默认）：中文表头；en：英文列名\n"
        "      --force          DIR 中已有该工作簿时替换它\n"
        "  -h, --help           显示本帮助\n",
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
        "  -h, --help           show this help\n");
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
        jh_cli_fail2("内存不足", "out of memory");
        return JH_EXIT_INTERNAL;
    }
    snprintf(path, len, "%s/%s", dir, name);
    /* A filled-in template must never be lost to a second run. */
    if (!force && lstat(path, &sb) == 0) {
        jh_cli_fail2("%s：已经存在（可能已经填写）；没有做任何改动（请先把它"
                     "移走，或加 --force 重新运行以替换它）",
                     "%s: already exists (it may be filled in); nothing was "
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
        st = jh_error_set2(&err, JH_ERR_NOMEM, dir, 0, 0, "内存不足",
                           "out of memory");
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
    jh_template_options opts = {jh_cli_lang(), 0, NULL};
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
            if (!jh_cli_parse_lang(optarg, &opts.lang))
                return JH_EXIT_USAGE;
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
        default:
            return jh_cli_bad_option(c, argv, "template");
        }
    }
    if (optind != argc) {
        jh_cli_fail2("多余的参数“%s”：template 不读取文件（见“junheng "
                     "template --help”）",
                     "unexpected argument '%s' (see 'junheng template "
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
        jh_cli_fail2("--out 应写文件夹，而不是工作簿：请写 --out DIR"
                     "（工作簿写为 DIR/%s）",
                     "--out names a folder, not a workbook: write --out DIR "
                     "(the workbook is written as DIR/%s)",
                     name);
        return JH_EXIT_USAGE;
    }
    opts.created = jh_cli_document_epoch();
    rc = write_into(out, name, county, force, &opts);
    if (rc != JH_EXIT_OK)
        return rc;
    jh_cli_fail2("已写出 %s/%s", "wrote %s/%s", out, name);
    return JH_EXIT_OK;
}
