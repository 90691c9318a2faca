/* junheng standards - list the built-in standards or print one in full. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "junheng/standard.h"

static void
help(FILE *out)
{
    fputs("usage: junheng standards [show ID|FILE]\n\n"
          "Without arguments, list the built-in standards.  'show' prints a\n"
          "standard in full as a standards file (INI): every indicator with\n"
          "its thresholds, the CV rule and limits, the per-school rule, the\n"
          "split weights, the scope and the provisions.  Given a FILE that\n"
          "starts from a built-in one ('base = quality-2017'), it prints the\n"
          "effective standard with the file's overrides applied.\n\n"
          "Use a standard with 'junheng analyze FILE --standard ID|FILE'.\n\n"
          "Options:\n"
          "  -h, --help           show this help\n",
          out);
    jh_cli_exit_help(out);
}

int
jh_cmd_standards(int argc, char **argv)
{
    jh_standard std;
    jh_error err;
    char *ini;

    if (argc >= 2 &&
        (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        help(stdout);
        return JH_EXIT_OK;
    }
    if (argc == 1) {
        for (size_t i = 0; i < jh_standard_builtin_count(); i++) {
            const jh_standard *s =
                jh_standard_builtin(jh_standard_builtin_id(i));
            if (s == NULL) {
                jh_cli_fail("built-in standard '%s' does not load",
                            jh_standard_builtin_id(i));
                return JH_EXIT_INTERNAL;
            }
            printf("%-14s %s (%s)%s\n", s->id, s->name_zh, s->source,
                   s == jh_standard_builtin(NULL) ? " [default]" : "");
        }
        return JH_EXIT_OK;
    }
    if (argc != 3 || strcmp(argv[1], "show") != 0) {
        jh_cli_fail("usage: junheng standards [show ID|FILE]");
        return JH_EXIT_USAGE;
    }
    jh_error_clear(&err);
    if (jh_standard_resolve(&std, argv[2], &err) != JH_OK) {
        jh_cli_error(&err);
        return JH_EXIT_DATA;
    }
    ini = jh_standard_to_ini(&std);
    if (ini == NULL) {
        jh_cli_fail("out of memory");
        return JH_EXIT_INTERNAL;
    }
    fputs(ini, stdout);
    free(ini);
    /* A write error is reported (exit 4) when stdout is closed, in main. */
    return JH_EXIT_OK;
}
