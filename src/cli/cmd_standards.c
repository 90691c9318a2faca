/* junheng standards - list the built-in standards or print one in full. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "junheng/standard.h"

static void
help(FILE *out)
{
    jh_cli_help(
        out,
        "用法：junheng standards [show ID|FILE]\n\n"
        "不带参数时列出内置标准。“show”把一个标准完整显示为标准文件\n"
        "（INI 格式）：每个指标及其标准值、差异系数的判定规则和限值、\n"
        "逐校达标规则、学段拆分权重、适用范围和条款。给出以某个内置标准\n"
        "为基础的文件（“base = quality-2017”）时，显示加上该文件改动后\n"
        "实际生效的标准。\n\n"
        "分析时使用某个标准：junheng analyze 文件 --standard ID|FILE\n\n"
        "选项：\n"
        "  -l, --lang LANG      zh（默认）或 en：列表和提示的语言\n"
        "  -h, --help           显示本帮助\n",
        "usage: junheng standards [show ID|FILE]\n\n"
          "Without arguments, list the built-in standards.  'show' prints a\n"
          "standard in full as a standards file (INI): every indicator with\n"
          "its thresholds, the CV rule and limits, the per-school rule, the\n"
          "split weights, the scope and the provisions.  Given a FILE that\n"
          "starts from a built-in one ('base = quality-2017'), it prints the\n"
          "effective standard with the file's overrides applied.\n\n"
          "Use a standard with 'junheng analyze FILE --standard ID|FILE'.\n\n"
          "Options:\n"
          "  -l, --lang LANG      zh (default) or en, for the list and "
          "messages\n"
          "  -h, --help           show this help\n");
    jh_cli_exit_help(out);
}

/* -l/--lang, the one option besides --help (jh_cli_take_fn): the
 * language of the list and of the messages. */
static int
take_option(void *args, int c, const char *arg)
{
    if (c != 'l')
        return 0;
    return jh_cli_parse_lang(arg, args) ? 1 : -JH_EXIT_USAGE;
}

int
jh_cmd_standards(int argc, char **argv)
{
    jh_standard std;
    jh_error err;
    char *ini;

    static const struct option longopts[] = {
        {"help", no_argument, NULL, 'h'},
        {"lang", required_argument, NULL, 'l'},
        {NULL, 0, NULL, 0}};
    jh_lang lang = jh_cli_lang();
    int rc = jh_cli_options(argc, argv, "standards", ":l:h", longopts, NULL,
                            NULL, take_option, &lang, help);

    if (rc != JH_EXIT_OK)
        return rc < 0 ? JH_EXIT_OK : rc;
    /* The operands only, after the options. */
    argv += optind - 1;
    argc -= optind - 1;
    if (argc == 1) {
        for (size_t i = 0; i < jh_standard_builtin_count(); i++) {
            const jh_standard *s =
                jh_standard_builtin(jh_standard_builtin_id(i));
            if (s == NULL) {
                jh_cli_fail2("内置标准“%s”无法载入",
                             "built-in standard '%s' does not load",
                             jh_standard_builtin_id(i));
                return JH_EXIT_INTERNAL;
            }
            printf(jh_cli_zh() ? "%-14s %s（%s）%s\n" : "%-14s %s (%s)%s\n",
                   s->id, s->name_zh, s->source,
                   s != jh_standard_builtin(NULL) ? ""
                   : jh_cli_zh()                  ? "（默认）"
                                                  : " [default]");
        }
        return JH_EXIT_OK;
    }
    if (argc != 3 || strcmp(argv[1], "show") != 0) {
        jh_cli_fail2("用法：junheng standards [show ID|FILE]"
                     "（见“junheng standards --help”）",
                     "usage: junheng standards [show ID|FILE]");
        return JH_EXIT_USAGE;
    }
    jh_error_clear(&err);
    if (jh_standard_resolve(&std, argv[2], &err) != JH_OK) {
        jh_cli_error(&err);
        return JH_EXIT_DATA;
    }
    ini = jh_standard_to_ini(&std);
    if (ini == NULL) {
        jh_cli_fail2("内存不足", "out of memory");
        return JH_EXIT_INTERNAL;
    }
    fputs(ini, stdout);
    free(ini);
    /* A write error is reported (exit 4) when stdout is closed, in main. */
    return JH_EXIT_OK;
}
