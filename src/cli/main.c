/* junheng - command line entry point: a dispatch table. */
#include <errno.h>
#include <gsl/gsl_errno.h>
#include <limits.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} command;

static const command commands[] = {
    {"analyze", jh_cmd_analyze,
     "evaluate a county's schools under a standard; text, JSON, workbook, "
     "charts"},
    {"check", jh_cmd_check,
     "list every problem in a data file (with its cell) without analyzing"},
    {"standards", jh_cmd_standards,
     "list the built-in standards, or print one (or a province's file) in "
     "full"},
    {"template", jh_cmd_template,
     "write the input workbook (.xlsx) that counties fill in"},
    {"plan", jh_cmd_plan,
     "what each school must add to pass, the CV fixes, costs and the "
     "projection"},
    {"verify", jh_cmd_verify,
     "check a county's submitted means, CVs and school values against its "
     "data"},
    {"batch", jh_cmd_batch,
     "evaluate many counties (and years) at once: summary, ranking, "
     "per-county reports"},
    {"trend", jh_cmd_trend,
     "one county's difference coefficients across the years"},
    {"evaluate", jh_cmd_evaluate,
     "the whole 2017 county evaluation: four parts, vetoes, 表Ⅰ–表Ⅵ"},
};

static void
usage(FILE *out)
{
    fprintf(out, "usage: junheng <command> [options]\n"
                 "       junheng --version | --help\n\n"
                 "Evaluates whether a county's compulsory-education schools "
                 "are balanced\n(县域义务教育均衡发展督导评估).\n\n"
                 "Commands:\n");
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\nRun 'junheng <command> --help' for a command's options.\n"
                 "Exit status: 0 done (whatever the verdict), 1 standard not "
                 "met with --strict,\n2 usage error, 3 bad input data, 4 "
                 "output or internal failure.\n");
}

/* Errors are printed in Chinese unless --lang en was given (issue 15):
 * the people who read them are county clerks. */
static jh_lang error_lang = JH_LANG_ZH;

void
jh_cli_set_error_lang(jh_lang lang)
{
    error_lang = lang;
}

void
jh_cli_error(const jh_error *err)
{
    char buf[4096];
    fprintf(
        stderr, "junheng: %s\n",
        jh_error_format_lang(err, error_lang == JH_LANG_ZH, buf, sizeof(buf)));
}

void
jh_cli_fail(const char *fmt, ...)
{
    va_list ap;
    fputs("junheng: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

int
jh_cli_exit_code(jh_status st)
{
    switch (st) {
    case JH_OK:
        return JH_EXIT_OK;
    case JH_ERR_ENCODING:
    case JH_ERR_PARSE:
    case JH_ERR_DATA:
    case JH_ERR_STATS:
    case JH_ERR_NOTFOUND:
        return JH_EXIT_DATA;
    case JH_ERR_IO:
    case JH_ERR_NOMEM:
    case JH_ERR_OUTPUT:
    case JH_ERR_INTERNAL:
    case JH_ERR_ARG:
        break;
    }
    return JH_EXIT_INTERNAL;
}

static int
is_dir(const char *p)
{
    struct stat sb;
    return stat(p, &sb) == 0 && S_ISDIR(sb.st_mode);
}

const char *
jh_cli_plots_dir(void)
{
    static char found[PATH_MAX];
    const char *env = getenv("JUNHENG_PLOTS_DIR");
    char exe[PATH_MAX];
    ssize_t n;

    if (env != NULL && env[0] != '\0')
        return env;
    /* Next to an installed binary: <prefix>/bin/../share/junheng/plots. */
    n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    if (n > 0) {
        char *slash;
        exe[n] = '\0';
        slash = strrchr(exe, '/');
        if (slash != NULL) {
            *slash = '\0';
            snprintf(found, sizeof(found), "%.*s/../share/junheng/plots",
                     (int)(sizeof(found) - 32), exe);
            if (is_dir(found))
                return found;
        }
    }
    if (is_dir(JH_SOURCE_PLOTS_DIR))
        return JH_SOURCE_PLOTS_DIR;
    return JH_INSTALL_PLOTS_DIR;
}

long long
jh_cli_document_epoch(void)
{
    const char *env = getenv("SOURCE_DATE_EPOCH");
    char *end = NULL;
    long long v;

    if (env == NULL || env[0] == '\0')
        return 1577836800LL; /* 2020-01-01 00:00 UTC */
    errno = 0;
    v = strtoll(env, &end, 10);
    if (errno != 0 || *end != '\0' || v < 0)
        return 1577836800LL;
    return v;
}

int
main(int argc, char **argv)
{
    /* GSL must report errors through return codes, never abort. */
    gsl_set_error_handler_off();
#if defined(__GLIBC__)
    /* A national batch allocates and frees some 150 MB in waves: keep what
     * is freed for the next wave instead of giving it back to the kernel
     * and taking the page faults again (about a tenth of the run). */
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    mallopt(M_TOP_PAD, 64 << 20);
#endif

    if (argc < 2) {
        usage(stderr);
        return JH_EXIT_USAGE;
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
        printf("junheng %s\n", JH_VERSION);
        return JH_EXIT_OK;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return JH_EXIT_OK;
    }
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    }
    jh_cli_fail("unknown command '%s' (see 'junheng --help')", argv[1]);
    return JH_EXIT_USAGE;
}
