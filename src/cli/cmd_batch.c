/* junheng batch and junheng trend - many counties at once. */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "cli.h"
#include "junheng/batch.h"
#include "junheng/outdir.h"
#include "junheng/report.h"
#include "junheng/report_batch.h"
#include "junheng/report_charts.h"
#include "junheng/report_json.h"
#include "junheng/report_workbook.h"
#include "junheng/standard.h"


/* Group warnings printed on stderr before the rest are only counted (they
 * are all in summary.json and summary.xlsx). */
#define MAX_PRINTED_WARNINGS 10

/* malloc'd printf; NULL when out of memory. */
static char *cli_printf(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

static char *
cli_printf(const char *fmt, ...)
{
    va_list ap;
    char *out = NULL;
    int n;

    va_start(ap, fmt);
    n = vasprintf(&out, fmt, ap);
    va_end(ap);
    return n < 0 ? NULL : out;
}

/* "<dir>/<name>", malloc'd. */
static char *
cli_join(const char *dir, const char *name)
{
    return cli_printf("%s/%s", dir, name);
}

/* @p v with @p decimals decimals (the CLI never changes LC_NUMERIC, so
 * this is the C locale). */
static char *
cli_fixed(double v, int decimals, char *buf, size_t size)
{
    snprintf(buf, size, "%.*f", decimals, v);
    return buf;
}

/* The text of @p err in the language of jh_cli_zh(): its Chinese message
 * when it has one. */
static const char *
err_text(const jh_error *err)
{
    return jh_cli_zh() && err->message_zh[0] != '\0' ? err->message_zh
                                                     : err->message;
}

static void
batch_help(FILE *out)
{
    jh_cli_help(
        out,
        "用法：junheng batch 输入... [选项]\n\n"
        "一次评估多个县。输入是一个学校数据文件（CSV、.xlsx 或 .xls），\n"
        "或存放这类文件的文件夹（只读这一层，不读子文件夹；junheng 在那里\n"
        "写的报告列在 .junheng-manifest 中，会被跳过）。各行按「县区」列\n"
        "分到各县；没有这一列时，每个文件算一个县，以文件名命名；有「年份」\n"
        "列时，一个县再按年份分开。学校代码在同一县同一年份内不得重复。\n"
        "没有「年份」列时，文件的年份取自文件名（2023.csv、\n"
        "2023年青溪县.xlsx），否则取自所在文件夹的名称，或用 --year 给出；\n"
        "只要有一个输入带年份，每个文件都要有年份。\n\n"
        "选项：\n"
        "  -o, --out DIR        把 summary.xlsx、summary.json 和 charts/ 写入\n"
        "                       DIR，要么全部写出，要么一个不写\n"
        "      --per-county     另外写出每个县的 DIR/<县>/report.xlsx、\n"
        "                       report.json 和 charts/（有年份时为\n"
        "                       DIR/<县>/<年份>/...，并写出跨年份的\n"
        "                       DIR/<县>/trend-<学段>.png）\n"
        "  -j, --jobs N         线程数（默认：本机的处理器核数）\n"
        "  -f, --format FMT     标准输出的格式：text（默认）或 json（即\n"
        "                       summary.json）\n"
        "  -l, --lang LANG      zh（默认，中文）或 en（英文）\n"
        "      --no-charts      不运行 gnuplot（不画图表）\n"
        "      --gnuplot PROG   要运行的 gnuplot 程序（默认 gnuplot）\n"
        "      --strict         任一县任一年份未达标时，退出状态为 1\n"
        "      --year FILE=YYYY 文件 FILE 的年份，用于每年一个文件、既没有\n"
        "                       「年份」列、文件名和所在文件夹名中也没有年份\n"
        "                       的情况（可重复）\n" JH_CLI_FORCE_HELP_ZH
        JH_CLI_INPUT_HELP_ZH
        "  -h, --help           显示本帮助\n\n"
        "排名（同一年份、同一学段内）：超过限值的差异系数个数少的在前；\n"
        "个数相同时，最大的差异系数小的在前；再相同时，各差异系数的平均值\n"
        "小的在前。标准错误输出是终端时显示进度。输入数据有误时不写出任何\n"
        "文件。\n",
        "usage: junheng batch INPUT... [options]\n\n"
        "Evaluate many counties at once.  INPUT is a school file (CSV, .xlsx\n"
        "or .xls) or a folder of them (read without descending; the reports\n"
        "junheng wrote there, listed in a .junheng-manifest, are skipped).  "
        "Rows are\n"
        "grouped by their 县区 (county) column, else each file is one county\n"
        "named after the file; a 年份 (year) column splits a county by year.\n"
        "A school code must be unique within a county-year.\n"
        "Without a 年份 column a file's year is the one in its name\n"
        "(2023.csv, 2023年青溪县.xlsx), else in its folder's name, or given\n"
        "with --year; once any input has a year, every file needs one.\n\n"
        "Options:\n"
        "  -o, --out DIR        write summary.xlsx, summary.json and charts/\n"
        "                       into DIR, all or nothing\n"
        "      --per-county     also DIR/<county>/report.xlsx, report.json "
        "and\n"
        "                       charts/ (DIR/<county>/<year>/... with years, "
        "and\n"
        "                       DIR/<county>/trend-<level>.png across years)\n"
        "  -j, --jobs N         threads (default: the number of cores)\n"
        "  -f, --format FMT     stdout: text (default) or json (summary.json)\n"
        "  -l, --lang LANG      zh (default) or en\n"
        "      --no-charts      do not run gnuplot\n"
        "      --gnuplot PROG   gnuplot program to run (default gnuplot)\n"
        "      --strict         exit 1 when any county-year "
        "fails\n"
        "      --year FILE=YYYY the year of FILE, for a file per year without\n"
        "                       a 年份 column or a year in its or its "
        "folder's\n"
        "                       name (repeatable)\n" JH_CLI_FORCE_HELP JH_CLI_INPUT_HELP
        "  -h, --help           show this help\n\n"
        "Ranking, within a year and level: fewer CVs over the limit first;\n"
        "then the smaller largest CV; then the smaller mean of the CVs.\n"
        "Progress goes to stderr when it is a terminal.  Bad input data\n"
        "writes nothing.\n");
    jh_cli_exit_help(out);
}

static void
trend_help(FILE *out)
{
    jh_cli_help(
        out,
        "用法：junheng trend 输入... [选项]\n\n"
        "一个县历年的差异系数（按「年份」列分年）：一张表；加 --out DIR 时\n"
        "另画图表 DIR/trend-<学段>.png 和 .pdf。输入同“junheng batch”。\n"
        "可以每年一个文件：文件的年份取自「年份」列，否则取自文件名中的\n"
        "年份（青溪县/2023.xlsx、2023年青溪县.csv），否则取自所在文件夹的\n"
        "名称，否则用 --year FILE=YYYY 给出；找不到年份的文件不予接受。\n"
        "表下列出每个差异系数和平均值逐年的变化（差异系数下降：差距缩小）。\n\n"
        "选项：\n"
        "      --county-name NAME\n"
        "                       县（区）的名称（输入含多个县时必须给出）\n"
        "  -o, --out DIR        把 trend.xlsx 和图表写入 DIR\n"
        "      --year FILE=YYYY 文件 FILE 的年份（可重复）\n"
        "  -f, --format FMT     标准输出的格式：text（默认）或 json\n"
        "  -l, --lang LANG      zh（默认，中文）或 en（英文）\n"
        "      --no-charts      不运行 gnuplot（不画图表）\n"
        "      --gnuplot PROG   要运行的 gnuplot 程序（默认 gnuplot）\n"
        JH_CLI_FORCE_HELP_ZH
        "  -j, --jobs N         线程数（默认：本机的处理器核数）\n"
        JH_CLI_INPUT_HELP_ZH "  -h, --help           显示本帮助\n",
        "usage: junheng trend INPUT... [options]\n\n"
          "One county's difference coefficients across the years of its\n"
          "年份 (year) column: a table, and with --out DIR the charts\n"
          "DIR/trend-<level>.png and .pdf.  INPUT as for 'junheng batch'.\n"
          "Files per year are taken: a file's year is its 年份 column, else\n"
          "a year in its name (青溪县/2023.xlsx, 2023年青溪县.csv), else in\n"
          "its folder's name, else --year FILE=YYYY; a file without one is\n"
          "refused.  Below the table, the change from year to year of each\n"
          "CV and mean (a CV going down: the gap narrowed).\n\n"
          "Options:\n"
          "      --county-name NAME\n"
          "                       the county, by name (needed when the input\n"
          "                       holds several)\n"
          "  -o, --out DIR        write trend.xlsx and the charts into DIR\n"
          "      --year FILE=YYYY the year of FILE (repeatable)\n"
          "  -f, --format FMT     stdout: text (default) or json\n"
          "  -l, --lang LANG      zh (default) or en\n"
          "      --no-charts      do not run gnuplot\n"
          "      --gnuplot PROG   gnuplot program to run (default gnuplot)\n"
          JH_CLI_FORCE_HELP
          "  -j, --jobs N         threads (default: the number of cores)\n"
          "" JH_CLI_INPUT_HELP "  -h, --help           show this help\n");
    jh_cli_exit_help(out);
}

typedef struct batch_args {
    jh_cli_report rep; /* out, format, lang, charts, strict */
    char **inputs; /* files, folders expanded; malloc'd */
    size_t ninputs;
    const char *county; /* trend --county-name */
    bool per_county;
    bool profile;
    unsigned jobs;
    bool trend; /* the command is trend, not batch */
    jh_cli_input in; /* encoding, sheet, standard options */
    /* --year FILE=YYYY, as given (borrowed from argv), and per input the
     * year it gives (malloc'd; NULL without the option) */
    const char **year_files;
    int *year_given;
    size_t nyears;
    int *input_years;
} batch_args;

static void
args_release(batch_args *a)
{
    for (size_t i = 0; i < a->ninputs; i++)
        free(a->inputs[i]);
    free(a->inputs);
    a->inputs = NULL;
    a->ninputs = 0;
    free(a->year_files);
    free(a->year_given);
    free(a->input_years);
    a->year_files = NULL;
    a->year_given = NULL;
    a->input_years = NULL;
    a->nyears = 0;
}

static int
push_input(batch_args *a, const char *path)
{
    char **grown = realloc(a->inputs, (a->ninputs + 1) * sizeof(*grown));

    if (grown == NULL)
        return JH_EXIT_INTERNAL;
    a->inputs = grown;
    a->inputs[a->ninputs] = strdup(path);
    if (a->inputs[a->ninputs] == NULL)
        return JH_EXIT_INTERNAL;
    a->ninputs++;
    return JH_EXIT_OK;
}

static int
cmp_str(const void *pa, const void *pb)
{
    return strcmp(*(char *const *)pa, *(char *const *)pb);
}

static bool
school_file_name(const char *name)
{
    static const char *const exts[] = {".csv",  ".tsv", ".txt", ".xlsx",
                                       ".xlsm", ".xls", NULL};
    size_t n = strlen(name);

    if (name[0] == '.' || name[0] == '~')
        return false; /* hidden files and Excel's lock files */
    for (size_t i = 0; exts[i] != NULL; i++) {
        size_t e = strlen(exts[i]);
        if (n > e && strcasecmp(name + n - e, exts[i]) == 0)
            return true;
    }
    return false;
}

/* Add @p path, or the school files of the folder @p path in name order. */
static int
add_input(batch_args *a, const char *path)
{
    struct stat sb;
    DIR *d;
    struct dirent *e;
    char **names = NULL, **owned = NULL;
    size_t n = 0, before = a->ninputs, nowned = 0;
    jh_error err;
    int rc = JH_EXIT_OK;

    if (stat(path, &sb) != 0 || !S_ISDIR(sb.st_mode))
        return push_input(a, path); /* the reader reports a missing file */
    d = opendir(path);
    if (d == NULL) {
        int errnum = errno;
        jh_cli_fail2("无法读取文件夹“%s”：%s", "%s: cannot read the folder: %s",
                     path,
                     jh_cli_zh() ? jh_errno_zh(errnum) : strerror(errnum));
        return JH_EXIT_DATA;
    }
    /* junheng's own outputs (summary.xlsx, a county's report.xlsx) are
     * never read back as inputs. */
    jh_error_clear(&err);
    if (jh_outdir_owned_names(path, &owned, &nowned, &err) != JH_OK) {
        closedir(d);
        jh_cli_error(&err);
        return JH_EXIT_INTERNAL;
    }
    while ((e = readdir(d)) != NULL) {
        char **grown;
        char *full;
        const char *name = e->d_name;
        if (!school_file_name(e->d_name) ||
            (nowned > 0 && bsearch(&name, owned, nowned, sizeof(*owned),
                                   cmp_str) != NULL))
            continue;
        grown = realloc(names, (n + 1) * sizeof(*names));
        if (grown == NULL) {
            rc = JH_EXIT_INTERNAL;
            break;
        }
        names = grown;
        full = malloc(strlen(path) + strlen(e->d_name) + 2);
        if (full == NULL) {
            rc = JH_EXIT_INTERNAL;
            break;
        }
        snprintf(full, strlen(path) + strlen(e->d_name) + 2, "%s%s%s", path,
                 path[strlen(path) - 1] == '/' ? "" : "/", e->d_name);
        if (stat(full, &sb) == 0 && S_ISREG(sb.st_mode))
            names[n++] = full;
        else
            free(full);
    }
    closedir(d);
    jh_outdir_names_free(owned, nowned);
    if (n > 0) /* qsort() takes no NULL, even for nothing */
        qsort(names, n, sizeof(*names), cmp_str);
    for (size_t i = 0; i < n; i++) {
        if (rc == JH_EXIT_OK)
            rc = push_input(a, names[i]);
        free(names[i]);
    }
    free(names);
    if (rc == JH_EXIT_OK && a->ninputs == before) {
        jh_cli_fail2("文件夹“%s”中没有学校数据文件（.csv、.tsv、.txt、.xlsx、"
                     ".xlsm、.xls）",
                     "%s: the folder holds no school file (.csv, .tsv, .txt, "
                     ".xlsx, .xlsm, .xls)",
                     path);
        return JH_EXIT_DATA;
    }
    if (rc == JH_EXIT_INTERNAL)
        jh_cli_fail2("内存不足", "out of memory");
    return rc;
}

static unsigned
default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 && n < 256 ? (unsigned)n : 1;
}

enum {
    OPT_PER_COUNTY = 256,
    OPT_PROFILE,
    OPT_YEAR,
    OPT_COUNTY_NAME,
    OPT_COUNTY
};

/* --year FILE=YYYY: keep it for match_years(). */
static int
take_year(batch_args *a, const char *arg)
{
    const char *eq = strrchr(arg, '=');
    const char **files;
    int *years, v = 0;

    if (eq == NULL || eq == arg || strlen(eq + 1) != 4 ||
        strspn(eq + 1, "0123456789") != 4 ||
        (v = (int)strtol(eq + 1, NULL, 10)) < 1900 || v > 2999) {
        jh_cli_fail2("--year 的值应为 FILE=YYYY（年份在 1900 到 2999 之间），"
                     "不能是“%s”",
                     "--year needs FILE=YYYY (a year from 1900 to 2999), not "
                     "'%s'",
                     arg);
        return -JH_EXIT_USAGE;
    }
    files = realloc(a->year_files, (a->nyears + 1) * sizeof(*files));
    if (files != NULL)
        a->year_files = files;
    years = realloc(a->year_given, (a->nyears + 1) * sizeof(*years));
    if (years != NULL)
        a->year_given = years;
    if (files == NULL || years == NULL) {
        jh_cli_fail2("内存不足", "out of memory");
        return -JH_EXIT_INTERNAL;
    }
    /* The file name is the argument up to the '='; argv outlives us, so
     * keep the whole argument and its length is eq - arg. */
    a->year_files[a->nyears] = arg;
    a->year_given[a->nyears] = v;
    a->nyears++;
    return 1;
}

/*
 * Give every --year to its input (the same file, however it is written),
 * in a->input_years.  A --year for a file that is not an input, or two
 * years for one file, is a usage error.
 */
static int
match_years(batch_args *a)
{
    struct stat *st;
    int rc = JH_EXIT_OK;

    if (a->nyears == 0)
        return JH_EXIT_OK;
    a->input_years = calloc(a->ninputs, sizeof(*a->input_years));
    st = calloc(a->ninputs, sizeof(*st));
    if (a->input_years == NULL || st == NULL) {
        free(st);
        jh_cli_fail2("内存不足", "out of memory");
        return JH_EXIT_INTERNAL;
    }
    for (size_t i = 0; i < a->ninputs; i++) {
        if (stat(a->inputs[i], &st[i]) != 0)
            st[i].st_ino = 0; /* the reader reports it */
    }
    for (size_t y = 0; rc == JH_EXIT_OK && y < a->nyears; y++) {
        const char *arg = a->year_files[y];
        size_t n = (size_t)(strrchr(arg, '=') - arg);
        char *file = strndup(arg, n);
        struct stat fs;
        bool found = false;

        if (file == NULL) {
            jh_cli_fail2("内存不足", "out of memory");
            rc = JH_EXIT_INTERNAL;
            break;
        }
        if (stat(file, &fs) == 0) {
            for (size_t i = 0; i < a->ninputs; i++) {
                if (st[i].st_ino == 0 || st[i].st_ino != fs.st_ino ||
                    st[i].st_dev != fs.st_dev)
                    continue;
                found = true;
                if (a->input_years[i] != 0 &&
                    a->input_years[i] != a->year_given[y]) {
                    jh_cli_fail2("--year 给文件“%s”指定了两个年份：%d 和 %d",
                                 "--year gives %s two years, %d and %d", file,
                                 a->input_years[i], a->year_given[y]);
                    rc = JH_EXIT_USAGE;
                }
                a->input_years[i] = a->year_given[y];
            }
        }
        if (!found && rc == JH_EXIT_OK) {
            jh_cli_fail2("--year %s：“%s”不是输入文件之一",
                         "--year %s: %s is not one of the inputs", arg, file);
            rc = JH_EXIT_USAGE;
        }
        free(file);
    }
    free(st);
    return rc;
}

/* The options of batch and trend's own (jh_cli_take_fn). */
static int
take_option(void *args, int c, const char *arg)
{
    batch_args *a = args;
    char *end = NULL;
    const char *hint;
    long v;

    switch (c) {
    case 'j':
        errno = 0;
        v = strtol(arg, &end, 10);
        if (errno != 0 || end == arg || *end != '\0' || v < 1 || v > 256) {
            jh_cli_fail2("--jobs 的值应为 1 到 256 之间的数字，不能是“%s”",
                         "--jobs needs a number from 1 to 256, not '%s'", arg);
            return -JH_EXIT_USAGE;
        }
        a->jobs = (unsigned)v;
        return 1;
    case OPT_COUNTY_NAME:
        if (!a->trend) {
            jh_cli_fail2("--county-name 是“junheng trend”的选项",
                         "--county-name is an option of 'junheng trend'");
            return -JH_EXIT_USAGE;
        }
        a->county = arg;
        return 1;
    case OPT_COUNTY: /* listed so that it is no abbreviation of the above */
        if (jh_cli_zh())
            hint = a->trend ? "县（区）名称请用 --county-name NAME 给出"
                            : "batch 会评估每一个县";
        else
            hint = a->trend ? "the county's name is --county-name NAME"
                            : "batch evaluates every county";
        jh_cli_fail2("--county 是“junheng evaluate”的县级指标文件；%s",
                     "--county is the county-facts file of 'junheng "
                     "evaluate'; %s",
                     hint);
        return -JH_EXIT_USAGE;
    case OPT_PER_COUNTY:
        a->per_county = true;
        return 1;
    case OPT_PROFILE:
        a->profile = true;
        return 1;
    case OPT_YEAR:
        return take_year(a, arg);
    default:
        return 0;
    }
}

/* Parse the command line of batch (@p trend false) or trend.  Returns
 * JH_EXIT_OK, -1 after --help, or an exit code. */
static int
parse_args(batch_args *a, int argc, char **argv, bool trend)
{
    static const struct option longopts[] = {
        {"jobs", required_argument, NULL, 'j'},
        {"county-name", required_argument, NULL, OPT_COUNTY_NAME},
        {"county", required_argument, NULL, OPT_COUNTY},
        {"per-county", no_argument, NULL, OPT_PER_COUNTY},
        {"profile", no_argument, NULL, OPT_PROFILE},
        {"year", required_argument, NULL, OPT_YEAR},
        {"help", no_argument, NULL, 'h'},
        JH_CLI_REPORT_OPTIONS,
        JH_CLI_INPUT_OPTIONS,
        {NULL, 0, NULL, 0}};
    int rc;

    memset(a, 0, sizeof(*a));
    jh_cli_input_init(&a->in);
    jh_cli_report_init(&a->rep);
    a->jobs = default_jobs();
    a->trend = trend;
    rc = jh_cli_options(argc, argv, trend ? "trend" : "batch",
                        ":o:f:l:j:e:s:h", longopts, &a->in, &a->rep,
                        take_option, a, trend ? trend_help : batch_help);
    if (rc != JH_EXIT_OK)
        return rc;
    if (a->per_county && a->rep.out == NULL) {
        jh_cli_fail2("--per-county 需要同时给出 --out DIR",
                     "--per-county needs --out DIR");
        return JH_EXIT_USAGE;
    }
    if (optind >= argc) {
        jh_cli_fail2("没有给出输入文件（见“junheng %s --help”）",
                     "no input given (see 'junheng %s --help')",
                     trend ? "trend" : "batch");
        return JH_EXIT_USAGE;
    }
    for (int i = optind; rc == JH_EXIT_OK && i < argc; i++)
        rc = add_input(a, argv[i]);
    if (rc == JH_EXIT_OK)
        rc = match_years(a);
    return rc;
}

/* ---------------------------------------------------------------------- */
/* Progress on a terminal                                                  */

typedef struct progress {
    bool on; /* stderr is a terminal */
    const char *what, *what_zh; /* "counties", "县" */
    struct timespec start;
    double last; /* when the line was last drawn */
} progress;

static double
seconds_since(const struct timespec *t0)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t0->tv_sec) +
           (double)(now.tv_nsec - t0->tv_nsec) * 1e-9;
}

static void
progress_start(progress *p, const char *what_zh, const char *what)
{
    p->what_zh = what_zh;
    p->what = what;
    p->last = -1.0;
    clock_gettime(CLOCK_MONOTONIC, &p->start);
}

/* "\rjunheng: counties 120/2850  0:03 elapsed, about 1:10 left", redrawn
 * at most ten times a second, and once more at the end. */
static void
progress_cb(void *data, size_t done, size_t total)
{
    progress *p = data;
    double t = seconds_since(&p->start);
    double left;

    if (!p->on || (done < total && t - p->last < 0.1))
        return;
    p->last = t;
    left = done > 0 ? t / (double)done * (double)(total - done) : 0.0;
    jh_cli_raw_stderr("\r");
    fprintf(stderr,
            jh_cli_zh() ? "junheng: %s %zu/%zu  已用 %d:%02d"
                        : "junheng: %s %zu/%zu  %d:%02d elapsed",
            jh_cli_zh() ? p->what_zh : p->what, done, total, (int)t / 60,
            (int)t % 60);
    if (done < total && done > 0)
        fprintf(stderr,
                jh_cli_zh() ? "，约剩 %d:%02d  " : ", about %d:%02d left  ",
                (int)left / 60, (int)left % 60);
    else
        fputs("                ", stderr);
    if (done == total)
        fputc('\n', stderr);
    fflush(stderr);
}

/* ---------------------------------------------------------------------- */
/* Outputs                                                                 */

static void
print_warnings(const jh_batch *b)
{
    size_t printed = 0, total = b->warnings.count;

    for (size_t i = 0; i < b->warnings.count; i++)
        jh_cli_warning(&b->warnings.items[i]);
    for (size_t g = 0; g < b->ngroups; g++) {
        const jh_diags *w = &b->groups[g].warnings;
        total += w->count;
        for (size_t i = 0; i < w->count && printed < MAX_PRINTED_WARNINGS;
             i++, printed++)
            jh_cli_warning(&w->items[i]);
    }
    if (total > b->warnings.count + printed)
        fprintf(stderr,
                jh_cli_zh() ? "junheng: 警告：……另有 %zu 条警告，均列在 "
                              "summary.json 和 summary.xlsx 中\n"
                            : "junheng: warning: ... and %zu more warnings, "
                              "all listed in summary.json and summary.xlsx\n",
                total - b->warnings.count - printed);
}

/* Write a malloc'd text to a new file in the staging folder. */
typedef struct export_ctx {
    const jh_batch *b;
    const batch_args *a;
    jh_outdir *dir;
    jh_chart_options copts;
    bool charts;
    jh_batch_report_context bctx;
    size_t *first; /* per county: its first group */
    size_t *count; /* per county: its number of groups */
} export_ctx;

/* One county-year's report.xlsx, report.json and charts into @p sub. */
static jh_status
export_group(export_ctx *x, size_t gi, const char *sub, jh_error *err)
{
    const jh_batch *b = x->b;
    jh_batch_unit *u = NULL;
    jh_guarantee *g = NULL;
    jh_diagnostics *d = NULL;
    jh_report_context ctx;
    char *name, *path;
    FILE *f;
    jh_status st = jh_batch_open(&u, b, gi, err);

    /* The checks of this county's analysis, once for its three outputs. */
    if (st == JH_OK)
        st = jh_analyze_checks_of(&g, &d, u->analysis, err);
    if (st != JH_OK) {
        jh_guarantee_free(g);
        jh_batch_unit_free(u);
        return st;
    }
    ctx = (jh_report_context){u->analysis,
                              &u->warnings,
                              x->a->rep.lang,
                              b->counties[b->groups[gi].county],
                              JH_VERSION,
                              x->bctx.created,
                              g,
                              d};
    name = cli_join(sub, "report.xlsx");
    path = name != NULL ? jh_outdir_path(x->dir, name) : NULL;
    st = path != NULL ? jh_report_workbook(path, &ctx, err)
                      : jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                                      "out of memory");
    free(path);
    free(name);
    if (st == JH_OK) {
        name = cli_join(sub, "report.json");
        path = name != NULL ? jh_outdir_path(x->dir, name) : NULL;
        f = path != NULL ? fopen(path, "w") : NULL;
        if (f == NULL)
            st = jh_error_errno2(err, JH_ERR_IO, path != NULL ? path : sub,
                                 errno, "无法创建", "cannot create");
        else
            st = jh_report_json(f, &ctx, err);
        if (f != NULL && fclose(f) != 0 && st == JH_OK)
            st = jh_error_errno2(err, JH_ERR_IO, path, errno, "无法写入",
                                 "cannot write");
        free(path);
        free(name);
    }
    if (st == JH_OK && x->charts) {
        name = cli_join(sub, "charts/.keep");
        path = name != NULL ? jh_cli_staged_folder(x->dir, name) : NULL;
        st = path != NULL ? jh_report_charts(path, &ctx, &x->copts, err)
                          : jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0,
                                          "内存不足", "out of memory");
        free(path);
        free(name);
    }
    jh_diagnostics_free(d);
    jh_guarantee_free(g);
    jh_batch_unit_free(u);
    return st;
}

/* Every report of county @p ci: a task of jh_pool_run(). */
static jh_status
export_county(void *data, size_t ci, jh_error *err)
{
    export_ctx *x = data;
    const jh_batch *b = x->b;
    const char *folder = b->folders[ci];
    jh_status st = JH_OK;
    size_t years = 0;

    for (size_t k = 0; st == JH_OK && k < x->count[ci]; k++) {
        size_t gi = x->first[ci] + k;
        int year = b->groups[gi].year;
        char *sub = year != 0 ? cli_printf("%s/%d", folder, year)
                              : cli_printf("%s", folder);
        if (year != 0)
            years++;
        st = sub != NULL ? export_group(x, gi, sub, err)
                         : jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0,
                                         "内存不足", "out of memory");
        free(sub);
    }
    if (st == JH_OK && x->charts && years >= 2) {
        char *name = cli_printf("%s/.keep", folder);
        char *path = name != NULL ? jh_cli_staged_folder(x->dir, name) : NULL;
        st = path != NULL
                 ? jh_report_trend_charts(path, &x->bctx, ci, &x->copts, err)
                 : jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                                 "out of memory");
        free(path);
        free(name);
    }
    return st;
}

typedef struct timings {
    double json, workbook, charts, per_county, commit;
} timings;

/* summary.json and summary.xlsx, made side by side. */
typedef struct summary_ctx {
    const jh_batch_report_context *bctx;
    const char *json; /* where summary.json goes, or NULL for stdout */
    const char *xlsx; /* where summary.xlsx goes, or NULL for none */
    timings *tm;
} summary_ctx;

/* summary.json into @p path, or onto stdout when @p path is NULL. */
static jh_status
write_json(const jh_batch_report_context *bctx, const char *path,
           jh_error *err)
{
    FILE *f = path != NULL ? fopen(path, "w") : stdout;
    jh_status st;

    if (f == NULL)
        return jh_error_errno2(err, JH_ERR_IO, path, errno, "无法创建",
                               "cannot create");
    /* 10 MB for a nation: written straight from a large buffer. */
    if (path != NULL)
        setvbuf(f, NULL, _IOFBF, 1 << 20);
    st = jh_report_batch_json(f, bctx, err);
    if (path != NULL && fclose(f) != 0 && st == JH_OK)
        st = jh_error_errno2(err, JH_ERR_IO, path, errno, "无法写入",
                             "cannot write");
    return st;
}

/* Copy the open file @p f to stdout; 0 or -1. */
static int
copy_to_stdout(FILE *f)
{
    char buf[1 << 16];
    size_t n;
    int rc = 0;

    while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
        if (fwrite(buf, 1, n, stdout) != n) {
            rc = -1;
            break;
        }
    }
    if (ferror(f))
        rc = -1;
    return rc;
}

static jh_status
summary_task(void *data, size_t i, jh_error *err)
{
    summary_ctx *sc = data;
    struct timespec t0;
    jh_status st;

    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (i == 0) {
        st = write_json(sc->bctx, sc->json, err);
        sc->tm->json = seconds_since(&t0);
    } else {
        st = jh_report_batch_workbook(sc->xlsx, sc->bctx, err);
        sc->tm->workbook = seconds_since(&t0);
    }
    return st;
}

/* Write every output into a staging folder, then move it into place. */
static int
write_outputs(const batch_args *a, const jh_batch *b,
              const jh_batch_report_context *bctx, summary_ctx *sc, timings *tm,
              FILE **json_copy)
{
    jh_outdir *dir = NULL;
    jh_error err;
    jh_status st;
    char *path, *json;
    struct timespec t0;
    export_ctx x;
    progress pr = {isatty(2) != 0, NULL, NULL, {0, 0}, 0.0};

    jh_error_clear(&err);
    memset(&x, 0, sizeof(x));
    dir = jh_cli_outputs_open(a->rep.out, "batch", a->rep.force,
                              (const char *const *)a->inputs, a->ninputs);
    if (dir == NULL)
        return JH_EXIT_INTERNAL;
    path = jh_outdir_path(dir, "summary.xlsx");
    json = jh_outdir_path(dir, "summary.json");
    sc->xlsx = path;
    sc->json = json;
    st = path != NULL && json != NULL
             ? jh_pool_run(2, a->jobs, summary_task, sc, NULL, NULL, NULL, &err)
             : jh_error_set2(&err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    /* --format json copies summary.json as written: opened here, it stays
     * this run's whatever another run does to the folder afterwards. */
    if (st == JH_OK && a->rep.json) {
        *json_copy = fopen(json, "rb");
        if (*json_copy == NULL)
            st = jh_error_errno2(&err, JH_ERR_IO, json, errno, "无法读取",
                                 "cannot read");
    }
    free(path);
    free(json);
    sc->xlsx = NULL;
    sc->json = NULL;

    x.b = b;
    x.a = a;
    x.dir = dir;
    x.bctx = *bctx;
    x.charts = a->rep.charts;
    x.copts = jh_cli_chart_options(&a->rep);
    /* --jobs workers each run one gnuplot for their county's charts */
    x.copts.processes = a->jobs > 1 ? 1 : 0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (st == JH_OK && x.charts) {
        /* The summary charts run alone: one gnuplot per job. */
        jh_chart_options sopts = x.copts;
        sopts.processes = a->jobs;
        path = jh_cli_staged_folder(dir, "charts/.keep");
        st = path != NULL ? jh_report_batch_charts(path, bctx, &sopts, &err)
                          : jh_error_set2(&err, JH_ERR_NOMEM, NULL, 0, 0,
                                          "内存不足", "out of memory");
        free(path);
        if (st == JH_ERR_NOTFOUND) {
            jh_cli_fail2("警告：%s；已跳过图表，其余文件均已写出",
                         "warning: %s; charts skipped, everything else "
                         "written",
                         err_text(&err));
            x.charts = false;
            st = JH_OK;
        }
    }
    tm->charts = seconds_since(&t0);

    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (st == JH_OK && a->per_county) {
        x.first = calloc(b->ncounties + 1, sizeof(*x.first));
        x.count = calloc(b->ncounties + 1, sizeof(*x.count));
        if (x.first == NULL || x.count == NULL) {
            st = jh_error_set2(&err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                               "out of memory");
        } else {
            /* Groups are sorted by county: each county's are together. */
            for (size_t g = b->ngroups; g-- > 0;) {
                x.first[b->groups[g].county] = g;
                x.count[b->groups[g].county]++;
            }
            progress_start(&pr, "报告", "reports");
            st = jh_pool_run(b->ncounties, a->jobs, export_county, &x,
                             progress_cb, &pr, NULL, &err);
        }
        free(x.first);
        free(x.count);
    }
    tm->per_county = seconds_since(&t0);
    if (st != JH_OK) {
        jh_cli_error(&err);
        jh_outdir_abort(dir);
        return jh_cli_exit_code(st);
    }
    /* The manifest says what an earlier batch wrote: its summary, charts
     * and county folders are replaced or removed, nothing else. */
    clock_gettime(CLOCK_MONOTONIC, &t0);
    st = jh_outdir_commit(dir, &err);
    tm->commit = seconds_since(&t0);
    if (st != JH_OK) {
        jh_cli_error(&err);
        return JH_EXIT_INTERNAL;
    }
    return JH_EXIT_OK;
}

/* Read every input fully, as a baseline for --profile: the time the disk
 * and page cache take, which no parser can beat. */
static double
plain_read_seconds(const batch_args *a, size_t *bytes)
{
    struct timespec t0;
    char *buf = malloc(1 << 20);

    *bytes = 0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (size_t i = 0; buf != NULL && i < a->ninputs; i++) {
        FILE *f = fopen(a->inputs[i], "rb");
        size_t n;
        while (f != NULL && (n = fread(buf, 1, 1 << 20, f)) > 0)
            *bytes += n;
        if (f != NULL)
            fclose(f);
    }
    free(buf);
    return seconds_since(&t0);
}

/* Run the batch of @p a; prints the error and returns an exit code. */
static int
run_batch(const batch_args *a, jh_batch **out)
{
    jh_batch_options bo = JH_BATCH_OPTIONS_INIT;
    progress pr = {isatty(2) != 0, NULL, NULL, {0, 0}, 0.0};
    jh_error err;
    jh_status st;

    jh_error_clear(&err);
    bo.standard = &a->in.std;
    bo.jobs = a->jobs;
    bo.encoding = (jh_encoding)a->in.encoding;
    bo.sheet = a->in.sheet;
    bo.progress = progress_cb;
    bo.progress_data = &pr;
    bo.file_years = a->input_years;
    bo.require_years = a->trend;
    progress_start(&pr, "县", "counties");
    st = jh_batch_run(out, (const char *const *)a->inputs, a->ninputs, &bo,
                      &err);
    if (st != JH_OK) {
        if (pr.on && pr.last >= 0.0)
            fputc('\n', stderr);
        jh_cli_error(&err);
        return jh_cli_exit_code(st);
    }
    return JH_EXIT_OK;
}

int
jh_cmd_batch(int argc, char **argv)
{
    batch_args a;
    jh_batch *b = NULL;
    jh_batch_report_context bctx;
    summary_ctx sc = {NULL, NULL, NULL, NULL};
    timings tm = {0, 0, 0, 0, 0};
    double raw = 0.0;
    size_t raw_bytes = 0;
    FILE *json_copy = NULL;
    int rc = parse_args(&a, argc, argv, false);

    if (rc != JH_EXIT_OK) {
        args_release(&a);
        return rc < 0 ? JH_EXIT_OK : rc;
    }
    rc = jh_cli_input_standard(&a.in);
    if (rc != JH_EXIT_OK)
        goto done;
    if (a.profile)
        raw = plain_read_seconds(&a, &raw_bytes);
    rc = run_batch(&a, &b);
    if (rc != JH_EXIT_OK)
        goto done;
    print_warnings(b);
    bctx = (jh_batch_report_context){b, a.rep.lang, JH_VERSION,
                                     jh_cli_document_epoch(), a.per_county};
    sc = (summary_ctx){&bctx, NULL, NULL, &tm};
    if (a.rep.out != NULL) {
        rc = write_outputs(&a, b, &bctx, &sc, &tm, &json_copy);
        if (rc != JH_EXIT_OK)
            goto done;
    }
    if (a.rep.json && a.rep.out != NULL) {
        /* summary.json as written. */
        if (json_copy == NULL || copy_to_stdout(json_copy) != 0) {
            jh_cli_fail2("无法把 %s/summary.json 复制到标准输出",
                         "cannot copy %s/summary.json to standard output",
                         a.rep.out);
            rc = JH_EXIT_INTERNAL;
            goto done;
        }
    } else if (a.rep.json) {
        jh_error err;
        jh_error_clear(&err);
        if (write_json(&bctx, NULL, &err) != JH_OK) {
            jh_cli_error(&err);
            rc = JH_EXIT_INTERNAL;
            goto done;
        }
    } else {
        jh_report_batch_text(stdout, &bctx);
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        jh_cli_fail2("无法写入标准输出", "cannot write to standard output");
        rc = JH_EXIT_INTERNAL;
        goto done;
    }
    if (a.profile)
        fprintf(stderr,
                jh_cli_zh()
                    ? "junheng: --profile 耗时：直接读取 %.3f 秒（%zu 字节），"
                      "读取和解析 %.3f 秒（其中读入内存 %.3f 秒），表头和分组 "
                      "%.3f 秒，导入、建模和分析 %.3f 秒（%zu 组，%u 个线程），"
                      "summary.json %.3f 秒，summary.xlsx %.3f 秒（同时写出），"
                      "图表 %.3f 秒，各县报告 %.3f 秒，提交 %.3f 秒\n"
                    : "junheng: profile: plain read %.3f s (%zu bytes), read "
                      "and parse %.3f s (bytes into memory %.3f s), header "
                      "and grouping %.3f s, import, model and analysis %.3f s "
                      "(%zu groups, %u jobs), summary.json %.3f s, "
                      "summary.xlsx %.3f s (side by side), charts %.3f s, "
                      "per-county reports %.3f s, commit %.3f s\n",
                raw, raw_bytes, b->timing.read, b->timing.read_bytes,
                b->timing.group, b->timing.analyze, b->ngroups, a.jobs, tm.json,
                tm.workbook, tm.charts, tm.per_county, tm.commit);
    rc = JH_EXIT_OK;
    if (a.rep.strict) {
        for (size_t g = 0; g < b->ngroups; g++) {
            if (!b->groups[g].pass)
                rc = JH_EXIT_FAILED;
        }
    }

done:
    if (json_copy != NULL)
        fclose(json_copy);
    jh_batch_free(b);
    args_release(&a);
    return rc;
}

/* ---------------------------------------------------------------------- */
/* junheng trend                                                           */

static void
trend_text(FILE *out, const jh_batch *b, size_t ci, jh_lang lang)
{
    const jh_standard *std = b->standard;
    char num[64];
    size_t width = 12; /* of a column: the longest indicator name */

    for (size_t k = 0; k < std->nindicators; k++) {
        size_t w = jh_report_batch_columns(
            jh_indicator_short(&std->indicators[k], lang));
        if (w > width)
            width = w;
    }
    fprintf(out, "%s · %s\n", b->counties[ci],
            jh_label(lang, "batch_trend_title"));
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        bool any = false;
        for (size_t g = 0; g < b->ngroups; g++)
            any = any ||
                  (b->groups[g].county == ci && b->groups[g].levels[l].present);
        if (!any)
            continue;
        fprintf(out, "\n%s (%s %s)\n", jh_level_name((jh_level)l, lang),
                jh_label(lang, "cv_limit"),
                cli_fixed(std->cv_limit[l], 2, num, sizeof(num)));
        jh_report_batch_pad(out, jh_label(lang, "batch_year"), 10);
        for (size_t k = 0; k < std->nindicators; k++) {
            fputs("  ", out);
            jh_report_batch_pad(
                out, jh_indicator_short(&std->indicators[k], lang), width);
        }
        fputc('\n', out);
        for (size_t g = 0; g < b->ngroups; g++) {
            const jh_batch_level *lv = &b->groups[g].levels[l];
            if (b->groups[g].county != ci || !lv->present)
                continue;
            snprintf(num, sizeof(num), "%d", b->groups[g].year);
            fprintf(out, "%-10s", b->groups[g].year != 0 ? num : "-");
            for (size_t k = 0; k < std->nindicators; k++) {
                const jh_indicator_stats *is = &lv->ind[k];
                fprintf(out, "  %-*s%s", (int)width - 1,
                        is->cv_defined ? cli_fixed(is->cv, 3, num, sizeof(num))
                                       : jh_label(lang, "undefined"),
                        is->cv_pass ? " " : "*");
            }
            fputc('\n', out);
        }
    }
    fprintf(out, "\n* %s\n", jh_label(lang, "chart_cv_over"));
}

/* The "changes" of trend's JSON: per level and indicator, per year the CV
 * and mean and the change from the year before, at full precision, with
 * the direction as the text prints it. */
static json_t *
trend_changes_json(const jh_batch *b, size_t ci)
{
    const jh_standard *std = b->standard;
    json_t *levels = json_array();
    jh_trend_step *steps = calloc(b->ngroups + 1, sizeof(*steps));
    static const char *const dirs[] = {"down", "same", "up"};

    if (steps == NULL || levels == NULL) {
        free(steps);
        json_decref(levels);
        return NULL;
    }
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        json_t *lo = NULL, *inds = NULL;
        for (size_t k = 0; k < std->nindicators; k++) {
            size_t n = jh_report_trend_steps(b, ci, (jh_level)l, k, steps);
            json_t *io, *ys;
            if (n == 0)
                break;
            if (lo == NULL) {
                lo = json_object();
                inds = json_array();
                json_object_set_new(lo, "level",
                                    json_string(jh_level_key((jh_level)l)));
                json_object_set_new(lo, "indicators", inds);
                json_array_append_new(levels, lo);
            }
            io = json_object();
            ys = json_array();
            json_object_set_new(io, "id", json_string(std->indicators[k].id));
            json_object_set_new(io, "name_zh",
                                json_string(std->indicators[k].short_zh));
            json_object_set_new(io, "name_en",
                                json_string(std->indicators[k].short_en));
            for (size_t i = 0; i < n; i++) {
                const jh_trend_step *s = &steps[i];
                json_t *yo = json_object();
                json_object_set_new(yo, "year", json_integer(s->year));
                json_object_set_new(
                    yo, "cv", s->cv_defined ? json_real(s->cv) : json_null());
                json_object_set_new(yo, "mean", json_real(s->mean));
                json_object_set_new(yo, "cv_change",
                                    !s->first && s->dcv_defined
                                        ? json_real(s->dcv)
                                        : json_null());
                json_object_set_new(yo, "cv_direction",
                                    !s->first && s->dcv_defined
                                        ? json_string(dirs[s->cv_dir + 1])
                                        : json_null());
                json_object_set_new(yo, "gap",
                                    !s->first && s->dcv_defined
                                        ? json_string(s->cv_dir < 0 ? "narrower"
                                                      : s->cv_dir > 0
                                                          ? "wider"
                                                          : "unchanged")
                                        : json_null());
                json_object_set_new(yo, "mean_change",
                                    !s->first ? json_real(s->dmean)
                                              : json_null());
                json_object_set_new(yo, "mean_direction",
                                    !s->first
                                        ? json_string(dirs[s->mean_dir + 1])
                                        : json_null());
                json_array_append_new(ys, yo);
            }
            json_object_set_new(io, "years", ys);
            json_array_append_new(inds, io);
        }
    }
    free(steps);
    return levels;
}

static void
trend_json(FILE *out, const jh_batch *b, size_t ci)
{
    const jh_standard *std = b->standard;
    json_t *root = json_object(), *years = json_array(), *levels = json_array();

    json_object_set_new(root, "county", json_string(b->counties[ci]));
    json_object_set_new(root, "standard", json_string(std->id));
    for (size_t g = 0; g < b->ngroups; g++) {
        if (b->groups[g].county == ci)
            json_array_append_new(years, b->groups[g].year != 0
                                             ? json_integer(b->groups[g].year)
                                             : json_null());
    }
    json_object_set_new(root, "years", years);
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        json_t *lo = json_object(), *inds = json_array();
        bool any = false;
        for (size_t k = 0; k < std->nindicators; k++) {
            json_t *io = json_object(), *cvs = json_array(),
                   *pass = json_array();
            for (size_t g = 0; g < b->ngroups; g++) {
                const jh_batch_level *lv = &b->groups[g].levels[l];
                if (b->groups[g].county != ci)
                    continue;
                any = any || lv->present;
                json_array_append_new(cvs, lv->present && lv->ind[k].cv_defined
                                               ? json_real(lv->ind[k].cv)
                                               : json_null());
                json_array_append_new(
                    pass, json_boolean(lv->present && lv->ind[k].cv_pass));
            }
            json_object_set_new(io, "id", json_string(std->indicators[k].id));
            json_object_set_new(io, "cv", cvs);
            json_object_set_new(io, "cv_pass", pass);
            json_array_append_new(inds, io);
        }
        json_object_set_new(lo, "level",
                            json_string(jh_level_key((jh_level)l)));
        json_object_set_new(lo, "cv_limit", json_real(std->cv_limit[l]));
        json_object_set_new(lo, "indicators", inds);
        if (any)
            json_array_append_new(levels, lo);
        else
            json_decref(lo);
    }
    json_object_set_new(root, "levels", levels);
    json_object_set_new(root, "changes", trend_changes_json(b, ci));
    json_dumpf(root, out, JSON_INDENT(2) | JSON_REAL_PRECISION(17));
    fputc('\n', out);
    json_decref(root);
}

int
jh_cmd_trend(int argc, char **argv)
{
    batch_args a;
    jh_batch *b = NULL;
    size_t ci = 0;
    int rc = parse_args(&a, argc, argv, true);

    if (rc != JH_EXIT_OK) {
        args_release(&a);
        return rc < 0 ? JH_EXIT_OK : rc;
    }
    rc = jh_cli_input_standard(&a.in);
    if (rc == JH_EXIT_OK)
        rc = run_batch(&a, &b);
    if (rc != JH_EXIT_OK)
        goto done;
    if (a.county != NULL) {
        for (ci = 0; ci < b->ncounties; ci++) {
            if (strcmp(b->counties[ci], a.county) == 0)
                break;
        }
        if (ci == b->ncounties) {
            jh_cli_fail2("输入中没有名为“%s”的县（输入共有 %zu 个县）",
                         "no county '%s' in the input (it has %zu)", a.county,
                         b->ncounties);
            rc = JH_EXIT_DATA;
            goto done;
        }
    } else if (b->ncounties != 1) {
        jh_cli_fail2("输入中有 %zu 个县：请用 --county-name NAME 选择其中一个",
                     "the input holds %zu counties: choose one with "
                     "--county-name NAME",
                     b->ncounties);
        rc = JH_EXIT_USAGE;
        goto done;
    }
    if (a.rep.out != NULL) {
        jh_batch_report_context bctx = {b, a.rep.lang, JH_VERSION,
                                        jh_cli_document_epoch(), false};
        jh_chart_options copts = jh_cli_chart_options(&a.rep);
        jh_outdir *dir = NULL;
        jh_error err;
        jh_status st = JH_OK;
        char *path;

        jh_error_clear(&err);
        dir = jh_cli_outputs_open(a.rep.out, "trend", a.rep.force,
                                  (const char *const *)a.inputs, a.ninputs);
        if (dir == NULL) {
            rc = JH_EXIT_INTERNAL;
            goto done;
        }
        path = jh_outdir_path(dir, "trend.xlsx");
        st = path != NULL ? jh_report_trend_workbook(path, &bctx, ci, &err)
                          : jh_error_set2(&err, JH_ERR_NOMEM, NULL, 0, 0,
                                          "内存不足", "out of memory");
        free(path);
        if (st == JH_OK && a.rep.charts) {
            path = jh_cli_staged_folder(dir, ".keep");
            st = path != NULL
                     ? jh_report_trend_charts(path, &bctx, ci, &copts, &err)
                     : jh_error_set2(&err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                                     "out of memory");
            free(path);
            if (st == JH_ERR_NOTFOUND) {
                jh_cli_fail2("警告：%s；已跳过图表",
                             "warning: %s; charts skipped", err_text(&err));
                st = JH_OK;
            }
        }
        if (st == JH_OK)
            st = jh_outdir_commit(dir, &err);
        else
            jh_outdir_abort(dir);
        if (st != JH_OK) {
            jh_cli_error(&err);
            rc = JH_EXIT_INTERNAL;
            goto done;
        }
    }
    if (a.rep.json)
        trend_json(stdout, b, ci);
    else {
        jh_batch_report_context tctx = {b, a.rep.lang, JH_VERSION, 0, false};
        trend_text(stdout, b, ci, a.rep.lang);
        jh_report_trend_changes_text(stdout, &tctx, ci);
    }
    if (fflush(stdout) != 0) {
        jh_cli_fail2("无法写入标准输出", "cannot write to standard output");
        rc = JH_EXIT_INTERNAL;
    }

done:
    jh_batch_free(b);
    args_release(&a);
    return rc;
}
