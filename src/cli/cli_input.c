/* junheng command line - the options and loading shared by every command
 * that reads a school file (analyze, plan, verify). */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "junheng/encoding.h"
#include "junheng/import.h"
#include "junheng/outdir.h"

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
    for (size_t i = 0; i < w->count; i++)
        jh_cli_warning(&w->items[i]);
}

void
jh_cli_input_init(jh_cli_input *in)
{
    memset(in, 0, sizeof(*in));
    in->subtract_indoor = -1;
}

void
jh_cli_report_init(jh_cli_report *r)
{
    memset(r, 0, sizeof(*r));
    r->lang = jh_cli_lang();
    r->charts = true;
    r->gnuplot = "gnuplot";
}

int
jh_cli_report_option(jh_cli_report *r, int c, const char *arg)
{
    switch (c) {
    case 'o':
        r->out = arg;
        return jh_cli_out_ok(arg) ? 1 : -JH_EXIT_USAGE;
    case JH_OPT_FORCE:
        r->force = true;
        return 1;
    case 'f':
        return jh_cli_parse_format(arg, &r->json) ? 1 : -JH_EXIT_USAGE;
    case 'l':
        return jh_cli_parse_lang(arg, &r->lang) ? 1 : -JH_EXIT_USAGE;
    case JH_OPT_NO_CHARTS:
        r->charts = false;
        return 1;
    case JH_OPT_STRICT:
        r->strict = true;
        return 1;
    case JH_OPT_GNUPLOT:
        r->gnuplot = arg;
        return 1;
    default:
        return 0;
    }
}

int
jh_cli_input_option(jh_cli_input *in, int c, const char *arg)
{
    jh_encoding enc;

    switch (c) {
    case 'e':
        if (jh_encoding_parse(arg, &enc) != JH_OK) {
            jh_cli_fail2("未知的编码“%s”：--encoding 可写 auto、utf-8、gbk、"
                         "gb18030 或 utf-16le",
                         "unknown encoding '%s' (auto, utf-8, gbk, gb18030, "
                         "utf-16le)",
                         arg);
            return -JH_EXIT_USAGE;
        }
        in->encoding = (int)enc;
        return 1;
    case 's':
        in->sheet = arg;
        return 1;
    case JH_OPT_STANDARD:
        in->standard = arg;
        return 1;
    case JH_OPT_PROVISION:
    case JH_OPT_NO_PROVISION:
        if (in->nprovisions == JH_CLI_MAX_PROVISIONS) {
            jh_cli_fail2("--provision 和 --no-provision 选项最多 %d 个",
                         "more than %d --provision options",
                         JH_CLI_MAX_PROVISIONS);
            return -JH_EXIT_USAGE;
        }
        in->provisions[in->nprovisions].id = arg;
        in->provisions[in->nprovisions].on = c == JH_OPT_PROVISION;
        in->nprovisions++;
        return 1;
    case JH_OPT_SUB_INDOOR:
    case JH_OPT_NO_SUB_INDOOR:
        in->subtract_indoor = c == JH_OPT_SUB_INDOOR;
        return 1;
    default:
        return 0;
    }
}

bool
jh_cli_parse_lang(const char *arg, jh_lang *out)
{
    if (strcmp(arg, "zh") == 0)
        *out = JH_LANG_ZH;
    else if (strcmp(arg, "en") == 0)
        *out = JH_LANG_EN;
    else {
        jh_cli_fail2("未知的语言“%s”：--lang 可写 zh（中文）或 en（英文）",
                     "unknown language '%s' (zh or en)", arg);
        return false;
    }
    jh_cli_set_error_lang(*out);
    return true;
}

bool
jh_cli_parse_format(const char *arg, bool *json)
{
    if (strcmp(arg, "json") == 0)
        *json = true;
    else if (strcmp(arg, "text") == 0)
        *json = false;
    else {
        jh_cli_fail2("未知的格式“%s”：--format 可写 text（文字）或 json",
                     "unknown format '%s' (text or json)", arg);
        return false;
    }
    return true;
}

/* The standard the options ask for: --standard, then the provisions in
 * command-line order.  Prints the problem; returns an exit code. */
int
jh_cli_input_standard(jh_cli_input *in)
{
    jh_error err;

    jh_error_clear(&err);
    if (in->standard == NULL) {
        in->std = *jh_standard_builtin(NULL);
    } else if (jh_standard_resolve(&in->std, in->standard, &err) != JH_OK) {
        jh_cli_error(&err);
        return JH_EXIT_DATA;
    }
    if (in->subtract_indoor >= 0 &&
        jh_standard_set_provision(&in->std, "subtract_indoor_sports",
                                  in->subtract_indoor != 0, &err) != JH_OK) {
        jh_cli_error(&err);
        return JH_EXIT_USAGE;
    }
    for (size_t i = 0; i < in->nprovisions; i++) {
        if (jh_standard_set_provision(&in->std, in->provisions[i].id,
                                      in->provisions[i].on, &err) != JH_OK) {
            jh_cli_error(&err);
            return JH_EXIT_USAGE;
        }
    }
    return JH_EXIT_OK;
}

int
jh_cli_input_load(jh_cli_input *in)
{
    jh_file_options fopts = {0};
    jh_error err;
    jh_status st;
    int rc;

    in->res = NULL;
    in->analysis = NULL;
    in->county_name = NULL;
    jh_error_clear(&err);
    rc = jh_cli_input_standard(in);
    if (rc != JH_EXIT_OK)
        return rc;
    fopts.encoding = (jh_encoding)in->encoding;
    fopts.sheet = in->sheet;
    st = jh_analyze_load(&in->res, in->file, &fopts, &in->std, &err);
    if (in->res != NULL)
        print_warnings(&in->res->warnings);
    if (st != JH_OK) {
        jh_cli_error(&err);
        return st == JH_ERR_NOMEM || st == JH_ERR_INTERNAL ? JH_EXIT_INTERNAL
                                                           : JH_EXIT_DATA;
    }
    in->analysis = in->res->analysis;
    /* county->source is the file name in UTF-8, whatever its bytes. */
    in->county_name = county_name(in->res->county, in->res->county->source);
    if (in->county_name == NULL) {
        jh_cli_fail2("内存不足", "out of memory");
        return JH_EXIT_INTERNAL;
    }
    return JH_EXIT_OK;
}

void
jh_cli_input_release(jh_cli_input *in)
{
    free(in->county_name);
    jh_analyze_free(in->res);
    in->county_name = NULL;
    in->res = NULL;
    in->analysis = NULL;
}

bool
jh_cli_out_ok(const char *arg)
{
    if (arg[0] == '\0') {
        jh_cli_fail2("--out 后面要写文件夹名称，不能为空",
                     "--out needs a folder name, not an empty one");
        return false;
    }
    return true;
}

/* A test hook's number from the environment; 0 when unset or not one. */
static unsigned
test_hook(const char *name)
{
    const char *v = getenv(name);
    char *end = NULL;
    unsigned long n;

    if (v == NULL || v[0] == '\0')
        return 0;
    errno = 0;
    n = strtoul(v, &end, 10);
    return errno == 0 && *end == '\0' && n < 1000000 ? (unsigned)n : 0;
}

jh_outdir *
jh_cli_outputs_open(const char *dir, const char *kind, bool force,
                    const char *const *inputs, size_t ninputs)
{
    jh_outdir_options opts = JH_OUTDIR_OPTIONS_INIT;
    jh_outdir *out = NULL;
    jh_error err;

    opts.kind = kind;
    opts.force = force;
    opts.inputs = inputs;
    opts.ninputs = ninputs;
    opts.fail_rename = test_hook("JUNHENG_TEST_FAIL_RENAME");
    opts.kill_rename = test_hook("JUNHENG_TEST_KILL_RENAME");
    jh_error_clear(&err);
    if (jh_outdir_open(&out, dir, &opts, &err) != JH_OK) {
        jh_cli_error(&err);
        return NULL;
    }
    return out;
}

jh_status
jh_cli_stage_stream(jh_outdir *dir, const char *name,
                    jh_status (*write)(FILE *, const void *, jh_error *),
                    const void *data, jh_error *err)
{
    char *path = jh_outdir_path(dir, name);
    FILE *f = path != NULL ? fopen(path, "w") : NULL;
    jh_status st;

    if (f == NULL) {
        st = jh_error_errno2(err, path != NULL ? JH_ERR_IO : JH_ERR_NOMEM,
                             path, errno, "无法创建文件", "cannot create");
        free(path);
        return st;
    }
    st = write(f, data, err);
    if (fclose(f) != 0 && st == JH_OK)
        st = jh_error_errno2(err, JH_ERR_IO, path, errno, "无法写入文件",
                             "cannot write");
    free(path);
    return st;
}

char *
jh_cli_staged_folder(jh_outdir *dir, const char *file_name)
{
    /* jh_outdir_path() makes the folders of a file's path: ask for the
     * file, then cut it off. */
    char *path = jh_outdir_path(dir, file_name);
    char *slash = path != NULL ? strrchr(path, '/') : NULL;

    if (slash != NULL)
        *slash = '\0';
    return path;
}

jh_chart_options
jh_cli_chart_options(const jh_cli_report *rep)
{
    jh_chart_options o = {.gnuplot = rep->gnuplot,
                          .plots_dir = jh_cli_plots_dir(),
                          .pdf = true,
                          .envp = environ,
                          .timeout_seconds = 300};
    return o;
}

jh_status
jh_cli_stage_charts(jh_outdir *dir, const char *name, const char *what,
                    jh_cli_charts_fn render, const void *data,
                    const jh_chart_options *opts, jh_error *err)
{
    char rel[256];
    char *folder;
    jh_status st;

    snprintf(rel, sizeof(rel), "%s/.keep", name);
    folder = jh_cli_staged_folder(dir, rel);
    if (folder == NULL)
        return jh_error_set2(err, JH_ERR_IO, name, 0, 0,
                             "无法创建文件夹“%s”", "cannot create the %s folder",
                             name);
    st = render(folder, data, opts, err);
    free(folder);
    if (st == JH_ERR_NOTFOUND) {
        jh_cli_skipped(err, "图表", what);
        st = JH_OK;
    }
    return st;
}

void
jh_cli_skipped(const jh_error *err, const char *what_zh, const char *what)
{
    bool zh = jh_cli_zh();

    jh_cli_fail2("警告：%s；未生成%s，其余均已写出",
                 "warning: %s; %s skipped, everything else written",
                 zh && err->message_zh[0] != '\0' ? err->message_zh
                                                  : err->message,
                 zh ? what_zh : what);
}

int
jh_cli_outputs_finish(jh_outdir *dir, jh_status st, jh_error *err)
{
    if (st != JH_OK) {
        jh_cli_error(err);
        jh_outdir_abort(dir);
        return JH_EXIT_INTERNAL;
    }
    if (jh_outdir_commit(dir, err) != JH_OK) {
        jh_cli_error(err);
        return JH_EXIT_INTERNAL;
    }
    return JH_EXIT_OK;
}

jh_report_context
jh_cli_input_context(const jh_cli_input *in, jh_lang lang)
{
    return (jh_report_context){
        in->res->analysis,  &in->res->warnings,  lang,
        in->county_name,    JH_VERSION,          jh_cli_document_epoch(),
        in->res->guarantee, in->res->diagnostics};
}

int
jh_cli_options(int argc, char **argv, const char *command,
               const char *shortopts, const struct option *longopts,
               jh_cli_input *in, jh_cli_report *rep, jh_cli_take_fn take,
               void *args, void (*help)(FILE *))
{
    int c;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
        int r = in != NULL ? jh_cli_input_option(in, c, optarg) : 0;
        if (r == 0 && rep != NULL)
            r = jh_cli_report_option(rep, c, optarg);
        if (r == 0 && c == 'h') {
            help(stdout);
            return -1;
        }
        if (r == 0 && take != NULL && c != ':' && c != '?')
            r = take(args, c, optarg);
        if (r < 0)
            return -r;
        if (r == 0)
            return jh_cli_bad_option(c, argv, command);
    }
    return JH_EXIT_OK;
}

int
jh_cli_format_lang_option(int c, const char *arg, bool *json, jh_lang *lang)
{
    if (c == 'f')
        return jh_cli_parse_format(arg, json) ? 1 : -JH_EXIT_USAGE;
    if (c == 'l')
        return jh_cli_parse_lang(arg, lang) ? 1 : -JH_EXIT_USAGE;
    return 0;
}

/* jh_cli_one_operand()'s @p what and @p verb in Chinese, by command (the
 * callers pass the English words). */
static const struct {
    const char *command, *what_zh, *verb_zh;
} operand_zh[] = {
    {"analyze", "输入文件", "分析"},   {"check", "输入文件", "检查"},
    {"plan", "输入文件", "测算"},      {"verify", "学校数据文件", "核对"},
    {"evaluate", "学校数据文件", "评估"},
};

const char *
jh_cli_one_operand(int argc, char **argv, const char *command,
                   const char *what, const char *verb)
{
    if (optind == argc - 1)
        return argv[optind];
    for (size_t i = 0; i < sizeof(operand_zh) / sizeof(operand_zh[0]); i++) {
        if (jh_cli_zh() && strcmp(command, operand_zh[i].command) == 0) {
            what = operand_zh[i].what_zh;
            verb = operand_zh[i].verb_zh;
        }
    }
    if (optind >= argc)
        jh_cli_fail2("没有给出%s（用法见“junheng %s --help”）",
                     "no %s given (see 'junheng %s --help')", what, command);
    else
        jh_cli_fail2("只能给出一个%s（每次只%s一个）",
                     "only one %s is %s at a time", what, verb);
    return NULL;
}

/* The exit codes every command shares (README, "Exit status"), one line
 * each as --help prints them; continuation lines start with a tab. */
static const struct {
    int code;
    const char *meaning_zh;
    const char *meaning;
} exit_codes[] = {
    {JH_EXIT_OK, "工作已完成（无论结论如何）",
     "the work completed, whatever the verdict"},
    {JH_EXIT_FAILED,
     "有发现：加 --strict 时未达到标准（plan：预测仍不达标）；\t"
     "verify：有上报数字不符",
     "findings: with --strict, the standard is not met (plan: "
     "the\tprojection still fails); verify: a submitted "
     "figure differs"},
    {JH_EXIT_USAGE, "命令行有误（未知选项、缺少参数或参数不对）",
     "usage error (unknown option, missing or bad argument)"},
    {JH_EXIT_DATA,
     "输入数据有误（check：文件有错误）；提示写明文件、\t"
     "行和列或单元格",
     "bad input data (check: the file has errors); the "
     "message names\tthe file, line and column or cell"},
    {JH_EXIT_INTERNAL,
     "输出或内部故障（输出位置有您自己的文件、文件夹正被\t"
     "另一次运行使用、磁盘已满、标准输出写入失败）",
     "output or internal failure (a file of yours in the "
     "way of an\toutput, a folder in use, a full disk, a "
     "write error on stdout)"},
};

void
jh_cli_exit_help(FILE *out)
{
    bool zh = jh_cli_zh();

    fputs(zh ? "\n退出状态（所有命令相同）：\n"
             : "\nExit status (the same for every command):\n",
          out);
    for (size_t i = 0; i < sizeof(exit_codes) / sizeof(exit_codes[0]); i++) {
        const char *m = zh ? exit_codes[i].meaning_zh : exit_codes[i].meaning;
        const char *tab;
        fprintf(out, "  %d  ", exit_codes[i].code);
        while ((tab = strchr(m, '\t')) != NULL) {
            fprintf(out, "%.*s\n     ", (int)(tab - m), m);
            m = tab + 1;
        }
        fprintf(out, "%s\n", m);
    }
}

/* Short letters that meant something else in a command before issue 15
 * (docs/options.md): the unknown-option message says what to write now. */
static const struct {
    const char *command;
    int letter;
    const char *now;     /* what to write in that command */
    const char *meaning; /* what the letter means wherever it exists */
} retired_letters[] = {
    {"verify", 'c', "--claims FILE", "--county FACTS"},
    {"plan", 'c', "--cost KEY=YUAN", "--county FACTS"},
    {"trend", 'c', "--county-name NAME", "--county FACTS"},
};

int
jh_cli_bad_option(int c, char **argv, const char *command)
{
    if (c == ':') {
        jh_cli_fail2("选项“%s”后面缺少参数值（各选项的参数见 --help）",
                     "option '%s' needs a value", argv[optind - 1]);
        return JH_EXIT_USAGE;
    }
    for (size_t i = 0; i < sizeof(retired_letters) / sizeof(retired_letters[0]);
         i++) {
        if (c == '?' && optopt == retired_letters[i].letter &&
            strcmp(command, retired_letters[i].command) == 0) {
            jh_cli_fail2("未知选项“-%c”：在“junheng %s”中请写 %s"
                         "（凡是有“-%c”的命令，它都是 %s 的简写；"
                         "见 docs/options.md）",
                         "unknown option '-%c': in 'junheng %s' write %s "
                         "('-%c' is short for %s wherever it exists; see "
                         "docs/options.md)",
                         optopt, command, retired_letters[i].now, optopt,
                         retired_letters[i].meaning);
            return JH_EXIT_USAGE;
        }
    }
    jh_cli_fail2("未知选项“%s”（可用的选项见“junheng %s --help”）",
                 "unknown option '%s' (see 'junheng %s --help')",
                 argv[optind - 1], command);
    return JH_EXIT_USAGE;
}
