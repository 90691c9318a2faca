/* junheng - command line entry point: a dispatch table. */
#include <errno.h>
#include <fcntl.h>
#include <gsl/gsl_errno.h>
#include <limits.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary_zh;
    const char *summary;
} command;

static const command commands[] = {
    {"analyze", jh_cmd_analyze,
     "按标准评估一个县的学校：文本、JSON、工作簿、图表",
     "evaluate a county's schools under a standard; text, JSON, workbook, "
     "charts"},
    {"check", jh_cmd_check,
     "不做分析，列出数据文件的每一处问题（含单元格）",
     "list every problem in a data file (with its cell) without analyzing"},
    {"standards", jh_cmd_standards,
     "列出内置标准，或完整显示其中一个（或某省的标准文件）",
     "list the built-in standards, or print one (or a province's file) in "
     "full"},
    {"template", jh_cmd_template, "生成各县填写的数据模板工作簿（.xlsx）",
     "write the input workbook (.xlsx) that counties fill in"},
    {"plan", jh_cmd_plan,
     "每所学校要补足什么才能达标、差异系数的改进、费用和预测",
     "what each school must add to pass, the CV fixes, costs and the "
     "projection"},
    {"verify", jh_cmd_verify,
     "用数据核对一个县上报的平均值、差异系数和学校指标",
     "check a county's submitted means, CVs and school values against its "
     "data"},
    {"batch", jh_cmd_batch,
     "一次评估多个县（和多个年份）：汇总、排名、每县的报告",
     "evaluate many counties (and years) at once: summary, ranking, "
     "per-county reports"},
    {"trend", jh_cmd_trend, "一个县历年的差异系数",
     "one county's difference coefficients across the years"},
    {"evaluate", jh_cmd_evaluate,
     "2017年标准的县域评估全过程：四个方面、一票否决、表Ⅰ–表Ⅵ",
     "the whole 2017 county evaluation: four parts, vetoes, 表Ⅰ–表Ⅵ"},
};

static void
usage(FILE *out)
{
    bool zh = jh_cli_zh();

    jh_cli_help(out,
                "用法：junheng <命令> [选项]\n"
                "      junheng --version | --help\n\n"
                "评估县域义务教育学校是否均衡发展"
                "（县域义务教育均衡发展督导评估）。\n\n"
                "命令：\n",
                "usage: junheng <command> [options]\n"
                "       junheng --version | --help\n\n"
                "Evaluates whether a county's compulsory-education "
                "schools are balanced\n(县域义务教育均衡发展督导评估).\n\n"
                "Commands:\n");
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
        fprintf(out, "  %-10s %s\n", commands[i].name,
                zh ? commands[i].summary_zh : commands[i].summary);
    jh_cli_help(out,
                "\n“junheng <命令> --help”显示该命令的选项；同一选项在"
                "每个命令中\n含义相同（docs/options.md）。"
                "加 --lang en 显示英文。\n",
                "\nRun 'junheng <command> --help' for a command's "
                "options; an option means\nthe same in every command "
                "(docs/options.md).\n");
    jh_cli_exit_help(out);
}

/* Everything junheng prints is in Chinese unless --lang en was given or
 * JUNHENG_LANG=en is set (issue 15; README, "Languages"): the people who
 * read it are county clerks. */
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

jh_lang
jh_cli_lang(void)
{
    return error_lang;
}

bool
jh_cli_zh(void)
{
    return error_lang == JH_LANG_ZH;
}

void
jh_cli_warning(const jh_diag *d)
{
    char buf[4096];
    bool zh = error_lang == JH_LANG_ZH;
    fprintf(stderr, "junheng: %s%s\n", zh ? "警告：" : "warning: ",
            jh_diag_format_lang(d, zh, buf, sizeof(buf)));
}

void
jh_cli_fail2(const char *fmt_zh, const char *fmt, ...)
{
    va_list ap;
    const char *use = fmt;

    /* fmt_zh takes the arguments fmt was checked for: the same
     * conversions (also checked in the build: cmake/check_messages.py). */
    if (error_lang == JH_LANG_ZH && jh_format_same_args(fmt_zh, fmt))
        use = fmt_zh;
    fputs("junheng: ", stderr);
    va_start(ap, fmt);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    vfprintf(stderr, use, ap);
#pragma GCC diagnostic pop
    va_end(ap);
    fputc('\n', stderr);
}

void
jh_cli_help(FILE *out, const char *zh, const char *en)
{
    fputs(error_lang == JH_LANG_ZH ? zh : en, out);
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

/* The gnuplot templates, first found of: $JUNHENG_PLOTS_DIR; next to the
 * binary, <bindir>/../share/junheng/plots (an installed or moved prefix);
 * the source tree, only for the binary still in its build folder (paths
 * compared as strings, so that an installed binary does not even look at
 * the build or source tree); the data folder of the configured install
 * prefix (JH_DATADIR), compiled in. */
const char *
jh_cli_plots_dir(void)
{
    static char found[PATH_MAX];
    const char *env = getenv("JUNHENG_PLOTS_DIR");
    char exe[PATH_MAX];
    ssize_t n;

    if (env != NULL && env[0] != '\0')
        return env;
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
            if (strcmp(exe, JH_BUILD_DIR) == 0 && is_dir(JH_SOURCE_PLOTS_DIR))
                return JH_SOURCE_PLOTS_DIR;
        }
    }
    return JH_DATADIR "/plots";
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

/* ---------------------------------------------------------------------- */
/* What reaches the terminal                                               */

/*
 * School, county and file names come from the user's data and may hold
 * control characters: ESC sequences that clear the screen or recolour and
 * rewrite lines, CR, DEL, the C1 controls (U+0080..U+009F; U+009B is a
 * one-byte CSI on some terminals), or bytes that are not UTF-8 at all.
 * Everything junheng writes to stdout and stderr goes through this filter,
 * which shows them instead of sending them:
 *   - a C0 control other than newline and tab, DEL, and a C1 control
 *     become \uXXXX with the code point (ESC is \u001b);
 *   - a byte that is not part of valid UTF-8 becomes \xHH (upper case).
 * The \uXXXX form is also a JSON escape of the same character, so JSON on
 * stdout stays valid and means the same (jansson writes DEL and C1 raw;
 * it escapes C0 itself, and it never writes invalid UTF-8).
 */
typedef struct term_out {
    int fd;
    unsigned char pend[4]; /* an incomplete UTF-8 sequence held back */
    size_t npend;
    int err; /* errno of the first failed write, else 0 */
} term_out;

/* Write all of @p buf to @p fd: 0, or -1 with errno. */
static int
write_all(int fd, const char *buf, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, buf, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        buf += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Length of the UTF-8 sequence that lead byte @p c starts (0 when it
 * cannot start one), and the range its second byte must be in (strict:
 * no overlong forms, surrogates or values past U+10FFFF). */
static size_t
utf8_lead(unsigned char c, unsigned char *lo, unsigned char *hi)
{
    *lo = 0x80;
    *hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        return 2;
    if (c >= 0xE0 && c <= 0xEF) {
        if (c == 0xE0)
            *lo = 0xA0;
        else if (c == 0xED)
            *hi = 0x9F;
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (c == 0xF0)
            *lo = 0x90;
        else if (c == 0xF4)
            *hi = 0x8F;
        return 4;
    }
    return 0;
}

/* Filter @p n bytes of @p in into @p out (room for 6 bytes per input byte
 * plus the held-back ones); returns the bytes written.  With @p final, an
 * incomplete sequence at the end is shown as invalid bytes. */
static size_t
term_filter(term_out *t, const unsigned char *in, size_t n, char *out,
            bool final)
{
    static const char hex[] = "0123456789ABCDEF", lhex[] = "0123456789abcdef";
    unsigned char buf[4];
    size_t k = 0, i = 0, nb, total;

    /* The held-back bytes first, then the new ones, as one stream. */
    while (i < t->npend + n) {
        unsigned char c = i < t->npend ? t->pend[i] : in[i - t->npend];
        unsigned char lo, hi;
        size_t len;

        if (c < 0x80) {
            if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
                memcpy(out + k, "\\u00", 4);
                out[k + 4] = lhex[c >> 4];
                out[k + 5] = lhex[c & 15];
                k += 6;
            } else {
                out[k++] = (char)c;
            }
            i++;
            continue;
        }
        len = utf8_lead(c, &lo, &hi);
        total = t->npend + n;
        if (len > 0 && i + len > total) {
            /* Possibly cut by the buffer: keep it for the next write,
             * unless what there is already is wrong. */
            bool good = true;
            for (size_t j = 1; i + j < total; j++) {
                unsigned char d =
                    i + j < t->npend ? t->pend[i + j] : in[i + j - t->npend];
                if (d < (j == 1 ? lo : 0x80) || d > (j == 1 ? hi : 0xBF))
                    good = false;
            }
            if (good && !final) {
                nb = total - i;
                for (size_t j = 0; j < nb; j++)
                    buf[j] = i + j < t->npend ? t->pend[i + j]
                                              : in[i + j - t->npend];
                memcpy(t->pend, buf, nb);
                t->npend = nb;
                return k;
            }
        }
        if (len > 0 && i + len <= total) {
            bool good = true;
            for (size_t j = 1; j < len; j++) {
                unsigned char d =
                    i + j < t->npend ? t->pend[i + j] : in[i + j - t->npend];
                buf[j] = d;
                if (d < (j == 1 ? lo : 0x80) || d > (j == 1 ? hi : 0xBF))
                    good = false;
            }
            buf[0] = c;
            if (good) {
                if (len == 2 && c == 0xC2 && buf[1] <= 0x9F) {
                    /* a C1 control */
                    memcpy(out + k, "\\u00", 4);
                    out[k + 4] = lhex[buf[1] >> 4];
                    out[k + 5] = lhex[buf[1] & 15];
                    k += 6;
                } else {
                    memcpy(out + k, buf, len);
                    k += len;
                }
                i += len;
                continue;
            }
        }
        /* Not UTF-8: show the byte. */
        out[k++] = '\\';
        out[k++] = 'x';
        out[k++] = hex[c >> 4];
        out[k++] = hex[c & 15];
        i++;
    }
    t->npend = 0;
    return k;
}

/* Bytes filtered at a time (stdio hands over BUFSIZ at most). */
#define TERM_SLICE 8192

static ssize_t
term_write(void *cookie, const char *buf, size_t size)
{
    term_out *t = cookie;
    /* Each byte becomes at most 6, and held-back ones come first. */
    char out[6 * TERM_SLICE + 32];
    size_t done = 0;

    /* In slices, so that the filtered text fits the buffer. */
    while (done < size) {
        size_t n = size - done < TERM_SLICE ? size - done : TERM_SLICE;
        size_t k =
            term_filter(t, (const unsigned char *)buf + done, n, out, false);
        if (write_all(t->fd, out, k) != 0) {
            if (t->err == 0)
                t->err = errno;
            return -1;
        }
        done += n;
    }
    return (ssize_t)size;
}

static int
term_close(void *cookie)
{
    term_out *t = cookie;
    char out[64];
    size_t k = term_filter(t, (const unsigned char *)"", 0, out, true);
    int rc = write_all(t->fd, out, k);

    /* The descriptor stays open; a failure to write what was held back
     * is still a failure of the stream. */
    return rc;
}

static term_out term_stdout = {1, {0}, 0, 0}, term_stderr = {2, {0}, 0, 0};

/* Route stdout and stderr through the filter (when the C library can). */
static void
term_install(void)
{
    static const cookie_io_functions_t io = {NULL, term_write, NULL,
                                             term_close};
    FILE *o, *e;

    /* A closed descriptor stays an error to write to. */
    if (fcntl(1, F_GETFD) != -1) {
        o = fopencookie(&term_stdout, "w", io);
        if (o != NULL) {
            /* Line by line on a terminal, as the real stdout. */
            setvbuf(o, NULL, isatty(1) ? _IOLBF : _IOFBF, BUFSIZ);
            stdout = o;
        }
    }
    e = fopencookie(&term_stderr, "w", io);
    if (e != NULL) {
        /* Unbuffered like the real stderr: messages appear at once, in
         * order with a child's. */
        setvbuf(e, NULL, _IONBF, 0);
        stderr = e;
    }
}

void
jh_cli_raw_stderr(const char *s)
{
    fflush(stderr);
    (void)write_all(2, s, strlen(s));
}

/*
 * The end of every run: what is still buffered for stdout is written, and
 * a failure to write it (a full disk, a closed pipe, /dev/full) turns exit
 * code 0 or 1 into 4 with a message, as coreutils' close_stdout does.  An
 * exit code that already reports a failure (2, 3, 4) is kept.
 */
static int
close_stdout(int rc)
{
    int failed, e;

    errno = 0;
    failed = fflush(stdout) != 0 || ferror(stdout);
    e = term_stdout.err != 0 ? term_stdout.err : errno;
    if (fclose(stdout) != 0 && !failed) {
        failed = 1;
        e = term_stdout.err != 0 ? term_stdout.err : errno;
    }
    /* Exit 4 already came with its message; 2 and 3 stay (the first
     * failure), with the message. */
    if (failed && rc != JH_EXIT_INTERNAL) {
        if (e != 0)
            jh_cli_fail2("无法写入标准输出：%s", "cannot write to standard "
                         "output: %s", jh_cli_zh() ? jh_errno_zh(e) : strerror(e));
        else
            jh_cli_fail2("无法写入标准输出", "cannot write to standard output");
        if (rc == JH_EXIT_OK || rc == JH_EXIT_FAILED)
            rc = JH_EXIT_INTERNAL;
    }
    /* What stderr held back of a cut UTF-8 sequence, shown. */
    fflush(stderr);
    if (term_stderr.npend > 0)
        (void)term_close(&term_stderr);
    return rc;
}

/*
 * The language of everything printed, chosen before any option is parsed so
 * that `--help --lang en` and an error in the first option are already in
 * the language asked for: JUNHENG_LANG (zh or en), then the last -l/--lang
 * before "--".  An unknown value is left to the option parser to report.
 * The environment's LANG is not followed: offices run Chinese clerks on
 * machines whose locale is C or en_US (README, "Languages").
 */
static void
pick_lang(int argc, char **argv)
{
    const char *env = getenv("JUNHENG_LANG");

    if (env != NULL && strcmp(env, "en") == 0)
        error_lang = JH_LANG_EN;
    else if (env != NULL && strcmp(env, "zh") == 0)
        error_lang = JH_LANG_ZH;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = NULL;
        if (strcmp(a, "--") == 0)
            break;
        if (strncmp(a, "--lang=", 7) == 0)
            v = a + 7;
        else if ((strcmp(a, "--lang") == 0 || strcmp(a, "-l") == 0) &&
                 i + 1 < argc)
            v = argv[++i];
        else if (strncmp(a, "-l", 2) == 0 && a[2] != '\0' && a[1] != '-')
            v = a + 2;
        if (v != NULL && strcmp(v, "en") == 0)
            error_lang = JH_LANG_EN;
        else if (v != NULL && strcmp(v, "zh") == 0)
            error_lang = JH_LANG_ZH;
    }
}

static int
run(int argc, char **argv)
{
    pick_lang(argc, argv);
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
    jh_cli_fail2("未知命令“%s”（见“junheng --help”）",
                 "unknown command '%s' (see 'junheng --help')", argv[1]);
    return JH_EXIT_USAGE;
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

    term_install();
    return close_stdout(run(argc, argv));
}
