/* junheng check - list every problem in a data file, without analyzing. */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"
#include "junheng/check.h"
#include "junheng/evaluate.h"
#include "junheng/import.h"
#include "junheng/outdir.h"
#include "junheng/report.h"
#include "junheng/report_check.h"
#include "junheng/standard.h"

static void
help(FILE *out)
{
    jh_cli_help(
        out,
        "用法：junheng check 文件 [选项]\n"
        "      junheng check [文件] --county FACTS [选项]\n\n"
        "不做分析，只检查学校数据文件（CSV，UTF-8 或 GBK 编码，或 .xlsx、\n"
        ".xls）：列出每个错误及其单元格（数值有误或缺失、学校代码重复、\n"
        "学校类型未知、单元格错误值），不合理数值的警告，以及分析时哪些\n"
        "学校参与计算、哪些不参与。\n\n"
        "加 --county 时还检查（或只检查）“junheng evaluate”读取的县级指标\n"
        "文件：列出每个问题及其行或单元格（项目未知或重复、数值无法识别、\n"
        "单元格错误值），而 evaluate 遇到第一个问题就会停止。\n\n"
        "选项：\n"
        "  -o, --out DIR        把 check.xlsx 写入文件夹 DIR：每个发现一行\n"
        "                       （文件、工作表、行、单元格、列、错误/警告、\n"
        "                       说明），无论有无发现都写\n" JH_CLI_FORCE_HELP_ZH
        "      --county FACTS   同时检查县级指标文件 FACTS\n"
        "      --county-sheet S 工作簿：县级指标所在的工作表（默认：第一个）\n"
        "  -f, --format FMT     text（默认）或 json\n"
        "  -l, --lang LANG      zh（默认）或 en：标题和提示的"
        "语言\n" JH_CLI_INPUT_HELP_ZH
        "  -h, --help           显示本帮助\n\n"
        "标准选项使检查按 analyze 的读法进行（所用的列、适用范围和条款）。\n",
        "usage: junheng check FILE [options]\n"
        "       junheng check [FILE] --county FACTS [options]\n\n"
        "Check a school data file (CSV in UTF-8 or GBK, .xlsx or .xls)\n"
        "without analyzing it: every error with its cell (bad or missing\n"
        "values, duplicate codes, unknown school types, spreadsheet error\n"
        "cells), warnings about implausible values, and what an analysis\n"
        "would count and leave out.\n\n"
        "With --county, check the county facts file of 'junheng evaluate'\n"
        "too (or alone): every problem with its line or cell (unknown or\n"
        "repeated items, values that do not parse, spreadsheet errors),\n"
        "where evaluate stops at the first.\n\n"
        "Options:\n"
        "  -o, --out DIR        write check.xlsx into DIR: one row per "
        "finding\n"
        "                       (file, sheet, line, cell, column, 错误/警告,\n"
        "                       message), written whatever was "
        "found\n" JH_CLI_FORCE_HELP
        "      --county FACTS   also check the county-facts file FACTS\n"
        "      --county-sheet S workbooks: the facts sheet (default: the "
        "first)\n"
        "  -f, --format FMT     text (default) or json\n"
        "  -l, --lang LANG      zh (default) or en, for "
        "headings\n" JH_CLI_INPUT_HELP
        "  -h, --help           show this help\n\n"
        "The standard options check the file as analyze would read it\n"
        "(its columns, scope and provisions).\n");
    jh_cli_exit_help(out);
}

typedef struct check_args {
    jh_cli_input in; /* the file (or NULL) and the standard */
    bool json;
    jh_lang lang;
    const char *facts;       /* --county FACTS, or NULL */
    const char *facts_sheet; /* --county-sheet */
    const char *out;         /* --out DIR, or NULL */
    bool force;
} check_args;

enum { OPT_COUNTY = 2000, OPT_COUNTY_SHEET, OPT_FORCE };

/* What checking the facts file found. */
typedef struct facts_check {
    const char *file;
    jh_diags errors, warnings;
} facts_check;

static json_t *facts_json(const facts_check *fc);

/* The options of check's own (jh_cli_take_fn). */
static int
take_option(void *args, int c, const char *arg)
{
    check_args *a = args;

    switch (c) {
    case OPT_COUNTY:
        a->facts = arg;
        return 1;
    case OPT_COUNTY_SHEET:
        a->facts_sheet = arg;
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
parse_args(check_args *a, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'},
        {"lang", required_argument, NULL, 'l'},
        {"help", no_argument, NULL, 'h'},
        {"county", required_argument, NULL, OPT_COUNTY},
        {"county-sheet", required_argument, NULL, OPT_COUNTY_SHEET},
        {"out", required_argument, NULL, 'o'},
        {"force", no_argument, NULL, OPT_FORCE},
        JH_CLI_INPUT_OPTIONS,
        {NULL, 0, NULL, 0}};
    int rc;

    memset(a, 0, sizeof(*a));
    a->lang = jh_cli_lang();
    jh_cli_input_init(&a->in);
    rc = jh_cli_options(argc, argv, "check", ":s:e:f:l:o:h", longopts, &a->in,
                        NULL, take_option, a, help);
    if (rc != JH_EXIT_OK)
        return rc;
    if (a->facts != NULL && optind == argc)
        return JH_EXIT_OK; /* the facts file alone */
    a->in.file =
        jh_cli_one_operand(argc, argv, "check", "input file", "checked");
    return a->in.file != NULL ? JH_EXIT_OK : JH_EXIT_USAGE;
}

/* Headings and punctuation, Chinese and English. */
typedef struct words {
    const char *read, *sheet, *header, *errors, *warnings, *counted, *units,
        *pupils, *left_out, *by_type, *with_errors, *ok, *not_ok;
    const char *colon, *comma, *open, *close, *schools, *row, *lq, *rq;
} words;

static const words zh_words = {
    "读入", "工作表", "表头在第", "错误", "警告", "参与计算", "个学段单位",
    "名学生", "不参与计算", "按学校类型", "有错误的行（未计入汇总）",
    "没有错误，可以运行 junheng analyze",
    "有错误：改正后再运行 junheng analyze", "：", "，", "（", "）", " 所学校",
    " 行", "“", "”"};

static const words en_words = {"read",
                               "sheet",
                               "header at row",
                               "errors",
                               "warnings",
                               "would be evaluated",
                               "units",
                               "pupils",
                               "left out",
                               "schools by type",
                               "rows with errors, not in the summary",
                               "no errors: ready for junheng analyze",
                               "errors: fix them before junheng analyze",
                               ": ",
                               ", ",
                               " (",
                               ")",
                               " schools",
                               "",
                               "'",
                               "'"};

static void
print_list(const char *kind, const char *heading, const jh_diags *list,
           const words *w, jh_lang lang)
{
    char buf[2048];

    if (list->count == 0)
        return;
    printf("%s%s%zu%s%s\n", heading, w->open, list->count, w->close,
           w == &en_words ? ":" : w->colon);
    for (size_t i = 0; i < list->count; i++)
        printf("  %s%s%s\n", kind, w->colon,
               jh_diag_format_lang(&list->items[i], lang == JH_LANG_ZH, buf,
                                   sizeof(buf)));
}

static const char *
type_name(jh_school_type t, jh_lang lang)
{
    return lang == JH_LANG_EN ? jh_school_type_key(t) : jh_school_type_zh(t);
}

/* "primary 21, junior 8" of the counts @p n by type; @p lead before the
 * first, @p tail after the last when there was one. */
static void
print_by_type(const size_t *n, const words *w, const char *lead,
              const char *tail, jh_lang lang)
{
    bool first = true;

    for (int t = 0; t < JH_TYPE_COUNT; t++) {
        if (n[t] == 0)
            continue;
        printf("%s%s %zu", first ? lead : w->comma,
               type_name((jh_school_type)t, lang), n[t]);
        first = false;
    }
    printf("%s", first ? "" : tail);
}

static void
print_text(const jh_check_result *r, jh_lang lang)
{
    const words *w = lang == JH_LANG_EN ? &en_words : &zh_words;
    bool en = lang == JH_LANG_EN;

    printf("%s%s%s %zu%s", r->source, w->colon, w->read, r->schools,
           w->schools);
    if (r->sheet != NULL)
        printf("%s%s %s%s%s%s%s %ld%s%s", w->open, w->sheet, w->lq, r->sheet,
               w->rq, w->comma, w->header, r->header_line, w->row, w->close);
    else
        printf("%s%s %ld%s%s", w->open, w->header, r->header_line, w->row,
               w->close);
    printf("\n\n");
    print_list(en ? "error" : "错误", w->errors, &r->errors, w, lang);
    print_list(en ? "warning" : "警告", w->warnings, &r->warnings, w, lang);
    if (r->errors.count > 0 || r->warnings.count > 0)
        printf("\n");

    printf("%s%s", w->by_type, en ? ":" : w->colon);
    print_by_type(r->by_type, w, en ? " " : "", "", lang);
    printf("\n%s%s\n", w->counted, en ? ":" : w->colon);
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        printf("  %s%s%zu %s%s%.0f %s", jh_level_name((jh_level)l, lang),
               w->colon, r->sections[l], w->units, w->comma, r->students[l],
               w->pupils);
        print_by_type(r->sections_by_type[l], w, w->open, w->close, lang);
        printf("\n");
    }
    if (r->nexcluded > 0) {
        printf("%s%s%zu%s%s\n", w->left_out, w->open, r->nexcluded, w->close,
               en ? ":" : w->colon);
        for (size_t i = 0; i < r->nexcluded; i++) {
            const jh_check_exclusion *x = &r->excluded[i];
            printf("  %s %s%s%s%s%.0f %s%s%s%s\n", x->code, x->name, w->open,
                   type_name(x->type, lang), w->comma, x->students, w->pupils,
                   w->close, w->colon, jh_exclusion_name(x->reason, lang));
        }
    }
    if (r->with_errors > 0)
        printf("%s%s%zu\n", w->with_errors, w->colon, r->with_errors);
    printf("\n%s\n", r->errors.count == 0 ? w->ok : w->not_ok);
}

static json_t *
diags_json(const jh_diags *list)
{
    json_t *a = json_array();
    for (size_t i = 0; a != NULL && i < list->count; i++) {
        const jh_diag *d = &list->items[i];
        json_t *o = json_object();
        if (o == NULL)
            break;
        json_object_set_new(o, "file",
                            d->file ? json_string(d->file) : json_null());
        json_object_set_new(o, "line", json_integer(d->line));
        json_object_set_new(o, "column", json_integer(d->column));
        json_object_set_new(o, "cell",
                            d->cell ? json_string(d->cell) : json_null());
        json_object_set_new(o, "code",
                            d->code ? json_string(d->code) : json_null());
        json_object_set_new(o, "message", json_string(d->message));
        if (d->message_zh != NULL)
            json_object_set_new(o, "message_zh", json_string(d->message_zh));
        json_array_append_new(a, o);
    }
    return a;
}

static int
print_json(const jh_check_result *r, const facts_check *fc)
{
    json_t *root = json_object(), *types = json_object(),
           *levels = json_array(), *excl = json_array();
    int rc;

    if (root == NULL || types == NULL || levels == NULL || excl == NULL) {
        json_decref(root);
        json_decref(types);
        json_decref(levels);
        json_decref(excl);
        return -1;
    }
    json_object_set_new(root, "file", json_string(r->source));
    json_object_set_new(root, "sheet",
                        r->sheet ? json_string(r->sheet) : json_null());
    json_object_set_new(root, "header_line", json_integer(r->header_line));
    json_object_set_new(root, "header_rows",
                        json_integer((json_int_t)r->header_rows));
    json_object_set_new(root, "ok", json_boolean(r->errors.count == 0));
    json_object_set_new(root, "schools", json_integer((json_int_t)r->schools));
    json_object_set_new(root, "with_errors",
                        json_integer((json_int_t)r->with_errors));
    json_object_set_new(root, "errors", diags_json(&r->errors));
    json_object_set_new(root, "warnings", diags_json(&r->warnings));
    for (int t = 0; t < JH_TYPE_COUNT; t++)
        json_object_set_new(types, jh_school_type_key((jh_school_type)t),
                            json_integer((json_int_t)r->by_type[t]));
    json_object_set_new(root, "by_type", types);
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        json_t *o = json_object(), *bt = json_object();
        json_object_set_new(o, "level", json_string(jh_level_key((jh_level)l)));
        json_object_set_new(o, "units",
                            json_integer((json_int_t)r->sections[l]));
        json_object_set_new(o, "students", json_real(r->students[l]));
        for (int t = 0; t < JH_TYPE_COUNT; t++) {
            if (r->sections_by_type[l][t] > 0)
                json_object_set_new(
                    bt, jh_school_type_key((jh_school_type)t),
                    json_integer((json_int_t)r->sections_by_type[l][t]));
        }
        json_object_set_new(o, "by_type", bt);
        json_array_append_new(levels, o);
    }
    json_object_set_new(root, "levels", levels);
    for (size_t i = 0; i < r->nexcluded; i++) {
        const jh_check_exclusion *x = &r->excluded[i];
        json_t *o = json_object();
        json_object_set_new(o, "code", json_string(x->code));
        json_object_set_new(o, "name", json_string(x->name));
        json_object_set_new(o, "type",
                            json_string(jh_school_type_key(x->type)));
        json_object_set_new(o, "reason",
                            json_string(jh_exclusion_key(x->reason)));
        json_object_set_new(o, "students", json_real(x->students));
        json_array_append_new(excl, o);
    }
    json_object_set_new(root, "excluded", excl);
    if (fc != NULL)
        json_object_set_new(root, "facts", facts_json(fc));
    rc = json_dumpf(root, stdout, JSON_INDENT(2));
    fputc('\n', stdout);
    json_decref(root);
    return rc;
}

/*
 * Check the facts file of @p a into @p fc: every problem, not only the
 * first.  Returns JH_EXIT_OK (whatever was found), or an exit code after
 * printing why the file could not be checked at all.
 */
static int
check_facts(const check_args *a, facts_check *fc)
{
    jh_file_options fopts = {0};
    jh_table *t = NULL;
    jh_facts *facts = NULL;
    jh_error err;
    jh_status st;

    fc->file = a->facts;
    jh_error_clear(&err);
    fopts.encoding = (jh_encoding)a->in.encoding;
    fopts.sheet = a->facts_sheet;
    st = jh_import_table(&t, a->facts, &fopts, &fc->warnings, &err);
    if (st == JH_OK)
        st = jh_facts_check_table(&facts, t, &fc->errors, &err);
    jh_table_free(t);
    jh_facts_free(facts);
    if (st == JH_OK || (st == JH_ERR_DATA && fc->errors.count > 0))
        return JH_EXIT_OK;
    jh_cli_error(&err);
    return jh_cli_exit_code(st);
}

static void
facts_check_release(facts_check *fc)
{
    jh_diags_release(&fc->errors);
    jh_diags_release(&fc->warnings);
}

static void
print_facts_text(const facts_check *fc, jh_lang lang)
{
    bool en = lang == JH_LANG_EN;
    const words *w = en ? &en_words : &zh_words;

    printf(en ? "%s: county facts file, %zu problems\n\n"
              : "%s：县级指标文件，%zu 个问题\n\n",
           fc->file, fc->errors.count);
    print_list(en ? "error" : "错误", en ? "errors" : "错误", &fc->errors, w,
               lang);
    print_list(en ? "warning" : "警告", en ? "warnings" : "警告", &fc->warnings,
               w, lang);
    if (fc->errors.count > 0 || fc->warnings.count > 0)
        printf("\n");
    printf("%s\n", fc->errors.count == 0
                       ? (en ? "no errors: ready for junheng evaluate"
                             : "没有错误，可以运行 junheng evaluate")
                       : (en ? "errors: fix them before junheng evaluate"
                             : "有错误：改正后再运行 junheng evaluate"));
}

static json_t *
facts_json(const facts_check *fc)
{
    json_t *o = json_object();
    if (o == NULL)
        return NULL;
    json_object_set_new(o, "file", json_string(fc->file));
    json_object_set_new(o, "kind", json_string("county_facts"));
    json_object_set_new(o, "ok", json_boolean(fc->errors.count == 0));
    json_object_set_new(o, "errors", diags_json(&fc->errors));
    json_object_set_new(o, "warnings", diags_json(&fc->warnings));
    return o;
}

/* True when @p path is a workbook with the sheet `junheng template
 * --county` writes (评估事实, or facts in English).  Only asked after the
 * file failed as a school file, so a school file is read once. */
static bool
is_facts_workbook(const char *path, int encoding)
{
    static const char *const sheets[] = {"评估事实", "facts"};
    const char *dot = strrchr(path, '.');

    if (dot == NULL ||
        (strcasecmp(dot, ".xlsx") != 0 && strcasecmp(dot, ".xls") != 0))
        return false;
    for (size_t i = 0; i < sizeof(sheets) / sizeof(sheets[0]); i++) {
        jh_file_options fopts = {0};
        jh_diags warn = JH_DIAGS_INIT;
        jh_table *t = NULL;
        jh_error err;
        jh_status st;

        fopts.encoding = (jh_encoding)encoding;
        fopts.sheet = sheets[i];
        st = jh_import_table(&t, path, &fopts, &warn, &err);
        jh_table_free(t);
        jh_diags_release(&warn);
        if (st == JH_OK)
            return true;
    }
    return false;
}

/* Write check.xlsx into the --out folder (staged, then moved in place);
 * returns the exit code. */
static int
write_outputs(const check_args *a, const jh_check_result *r,
              const facts_check *fc)
{
    /* Never replaced by an output. */
    const char *const inputs[] = {a->in.file, a->in.standard, a->facts};
    jh_report_check_part parts[2];
    size_t n = 0;
    jh_outdir *dir;
    jh_error err;
    jh_status st;
    char *path;

    if (r != NULL)
        parts[n++] =
            (jh_report_check_part){r->source, &r->errors, &r->warnings};
    if (a->facts != NULL)
        parts[n++] =
            (jh_report_check_part){fc->file, &fc->errors, &fc->warnings};
    dir = jh_cli_outputs_open(a->out, "check", a->force, inputs, 3);
    if (dir == NULL)
        return JH_EXIT_INTERNAL;
    jh_error_clear(&err);
    path = jh_outdir_path(dir, "check.xlsx");
    st = path != NULL
             ? jh_report_check_workbook(path, parts, n, a->lang,
                                        jh_cli_document_epoch(), &err)
             : jh_error_set2(&err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    free(path);
    return jh_cli_outputs_finish(dir, st, &err);
}

int
jh_cmd_check(int argc, char **argv)
{
    check_args a;
    jh_file_options fopts = {0};
    jh_standard std;
    jh_check_result *r = NULL;
    facts_check fc = {NULL, JH_DIAGS_INIT, JH_DIAGS_INIT};
    jh_error err;
    jh_status st;
    int rc = parse_args(&a, argc, argv);

    if (rc != JH_EXIT_OK)
        return rc < 0 ? JH_EXIT_OK : rc;
    rc = jh_cli_input_standard(&a.in);
    if (rc != JH_EXIT_OK)
        return rc;
    std = a.in.std;
    fopts.encoding = (jh_encoding)a.in.encoding;
    fopts.sheet = a.in.sheet;
    if (a.facts != NULL) {
        rc = check_facts(&a, &fc);
        if (rc != JH_EXIT_OK) {
            facts_check_release(&fc);
            return rc;
        }
    }
    jh_error_clear(&err);
    st = a.in.file != NULL ? jh_check_file(&r, a.in.file, &fopts, &std, &err)
                           : JH_OK;
    if (st == JH_ERR_DATA && a.facts == NULL && a.in.sheet == NULL &&
        is_facts_workbook(a.in.file, fopts.encoding)) {
        /* A county facts workbook given as FILE: check it as --county. */
        a.facts = a.in.file;
        a.in.file = NULL;
        rc = check_facts(&a, &fc);
        if (rc != JH_EXIT_OK) {
            facts_check_release(&fc);
            return rc;
        }
        st = JH_OK;
    }
    if (st != JH_OK) {
        jh_cli_error(&err);
        facts_check_release(&fc);
        return jh_cli_exit_code(st);
    }
    if (a.out != NULL) {
        rc = write_outputs(&a, r, &fc);
        if (rc != JH_EXIT_OK) {
            jh_check_result_free(r);
            facts_check_release(&fc);
            return rc;
        }
    }
    if (a.json && r == NULL) {
        json_t *o = facts_json(&fc);
        if (o == NULL || json_dumpf(o, stdout, JSON_INDENT(2)) != 0)
            rc = JH_EXIT_INTERNAL;
        fputc('\n', stdout);
        json_decref(o);
    } else if (a.json) {
        if (print_json(r, a.facts != NULL ? &fc : NULL) != 0)
            rc = JH_EXIT_INTERNAL;
    } else {
        if (r != NULL)
            print_text(r, a.lang);
        if (r != NULL && a.facts != NULL)
            printf("\n");
        if (a.facts != NULL)
            print_facts_text(&fc, a.lang);
    }
    if (fflush(stdout) != 0) {
        jh_cli_fail2("无法写入标准输出", "cannot write to standard output");
        rc = JH_EXIT_INTERNAL;
    }
    if (rc == JH_EXIT_OK &&
        ((r != NULL && r->errors.count > 0) || fc.errors.count > 0))
        rc = JH_EXIT_DATA;
    jh_check_result_free(r);
    facts_check_release(&fc);
    return rc;
}
