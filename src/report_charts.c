/*
 * junheng - charts, drawn by gnuplot from templates in plots/.
 *
 * Safety model.  gnuplot is a scripting language: backquotes in a
 * double-quoted string, system(), "!cmd", "@macro" and file names starting
 * with "<" or "|" all run shell commands.  So:
 *
 *   - the commands live in plots/bars.gp and plots/cv.gp, never in C;
 *   - every string that comes from the input or from the label table
 *     (county, school and indicator names, titles, captions, key texts) is
 *     written to a TSV data file that the template reads with strcol() or
 *     xticlabels(), which never evaluate what they read;
 *   - gnuplot gets only a folder path and numbers as arguments (`-c`), is
 *     started with posix_spawnp (no shell), and every path it sees starts
 *     with "/" or "./" so that none can be taken for a pipe.
 *
 * gnuplot's data reader is not plain TSV: a double quote ends a string
 * field and a backslash starts an escape (parse_esc: \\, \n, \t, \", octal
 * \ooo and \0ooo).  put_text() below writes a quote as the four-digit octal
 * escape \0042 (which never swallows a following digit) and a backslash as
 * \\, so that strcol() and xticlabels() give back exactly the original text.
 *
 * One gnuplot process per template renders all charts of that template
 * (the two run side by side).  Outputs go to temporary names in a scratch
 * folder "<dir>/.data-XXXXXX", are checked (exit status, size > 0) and only
 * then renamed to their final names; the scratch folder is always removed.
 */
#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <ftw.h>
#include <math.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "junheng/report.h"
#include "util.h"


/* Longest text drawn on a chart, in display columns (a CJK character is
 * two): a school name under a bar, and the county name in a title. */
#define NAME_COLS 32
#define COUNTY_COLS 40
#define TEXT_COLS 240

/* The two templates, in plots_dir. */
enum { KIND_BARS = 0, KIND_CV = 1, KIND_COUNT = 2 };
static const char *const kind_name[KIND_COUNT] = {"bars", "cv"};

/* One chart to render: which template, its 1-based number within the
 * template's run, and its final base name ("primary-cv"). */
typedef struct chart {
    int kind;
    size_t number;
    char *final;
} chart;

/* All the state of one jh_report_charts() call. */
typedef struct charts {
    const jh_report_context *ctx;
    const jh_chart_options *opts;
    char *dir;     /* output folder, "/" or "./" prefixed */
    char *scratch; /* dir/.data-XXXXXX */
    chart *list;
    size_t count;
    size_t per_kind[KIND_COUNT];
} charts;

/* One bar of a sorted chart. */
typedef struct bar {
    double value;
    size_t order;   /* position in the input, for ties */
    size_t section; /* index into the model's sections */
} bar;

/* ------------------------------------------------------------------ */
/* Text for the data files                                             */
/* ------------------------------------------------------------------ */

/*
 * Length in bytes (1-4, never past the end) and display width of the UTF-8
 * character at @p s: a character from U+2E80 up (CJK, full-width forms)
 * counts as two columns, anything else as one.
 */
static size_t
char_width(const char *s, size_t *len)
{
    unsigned char c = (unsigned char)s[0];
    unsigned long cp = c;
    size_t n = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;

    for (size_t k = 1; k < n; k++) {
        if (s[k] == '\0') {
            n = k;
            break;
        }
    }
    if (n == 3)
        cp = ((c & 0x0fUL) << 12) | (((unsigned char)s[1] & 0x3fUL) << 6) |
             ((unsigned char)s[2] & 0x3fUL);
    else if (n == 4)
        cp = 0x10000;
    *len = n;
    return cp >= 0x2e80 ? 2 : 1;
}

/* Display columns of @p s (see char_width). */
static size_t
text_cols(const char *s)
{
    size_t cols = 0, len;

    for (size_t i = 0; s[i] != '\0'; i += len)
        cols += char_width(s + i, &len);
    return cols;
}

/*
 * Copy @p s into @p out (of @p size bytes), cut after @p max_cols display
 * columns at a character boundary with "…" appended when cut.  Always
 * NUL-terminates; returns @p out.
 */
static char *
clip(char *out, size_t size, const char *s, size_t max_cols)
{
    static const char ellipsis[] = "\xe2\x80\xa6";
    size_t cols = 0, i = 0, n = 0, len, w;

    if (size < sizeof(ellipsis)) {
        if (size > 0)
            out[0] = '\0';
        return out;
    }
    while (s[i] != '\0') {
        w = char_width(s + i, &len);
        if (cols + w > max_cols || n + len + sizeof(ellipsis) > size) {
            memcpy(out + n, ellipsis, sizeof(ellipsis));
            return out;
        }
        memcpy(out + n, s + i, len);
        n += len;
        i += len;
        cols += w;
    }
    out[n] = '\0';
    return out;
}

/*
 * Write @p s as one string field of a gnuplot data file: a double quote
 * becomes \0042, a backslash \\, and tabs, line breaks and other control
 * characters become spaces (they would split fields or lines).
 */
static void
put_text(FILE *f, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
        if (*p == '"')
            fputs("\\0042", f);
        else if (*p == '\\')
            fputs("\\\\", f);
        else if (*p < 0x20 || *p == 0x7f)
            fputc(' ', f);
        else
            fputc(*p, f);
    }
}

/* Write a number field in the C locale; NAN and infinities as 0. */
static void
put_num(FILE *f, double v)
{
    char buf[64];

    if (!isfinite(v))
        v = 0.0;
    fputs(jh__fmt_fixed(v, 6, buf, sizeof(buf)), f);
}

/* The separator between the parts of a title or a caption. */
static const char *
colon(jh_lang lang)
{
    return lang == JH_LANG_EN ? ": " : "：";
}

/* "青溪县 · 小学 · <what>" with the county name clipped. */
static void
make_title(char *buf, size_t size, const jh_report_context *ctx, jh_level level,
           const char *what)
{
    char county[COUNTY_COLS * 2 + 8];

    clip(county, sizeof(county), ctx->county_name, COUNTY_COLS);
    snprintf(buf, size, "%s%s%s \xc2\xb7 %s", county,
             county[0] != '\0' ? " \xc2\xb7 " : "",
             jh_level_name(level, ctx->lang), what);
}

/* "评估标准：quality-2017（教督〔2017〕6号）" */
static void
make_standard(char *buf, size_t size, const jh_report_context *ctx)
{
    const jh_standard *std = ctx->analysis->standard;

    if (ctx->lang == JH_LANG_EN)
        snprintf(buf, size, "%s%s%s (%s)", jh_label(ctx->lang, "standard"),
                 colon(ctx->lang), std->id, std->source);
    else
        snprintf(buf, size, "%s%s%s（%s）", jh_label(ctx->lang, "standard"),
                 colon(ctx->lang), std->id, std->source);
}

/* A file name part: the indicator id when it is a plain snake_case word,
 * else the same with every other byte replaced by '_'. */
static char *
file_part(const char *s)
{
    char *out = jh__strdup(s[0] != '\0' ? s : "indicator");

    for (char *p = out; p != NULL && *p != '\0'; p++) {
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
              (*p >= '0' && *p <= '9') || *p == '_' || *p == '-'))
            *p = '_';
    }
    return out;
}

/* ------------------------------------------------------------------ */
/* Data files                                                          */
/* ------------------------------------------------------------------ */

/* Open a scratch file "<scratch>/<kind>-<n><suffix>" for writing into
 * *out (NULL on failure). */
static jh_status
open_data(FILE **out, const charts *c, int kind, size_t n, const char *suffix,
          jh_error *err)
{
    char *path =
        jh__asprintf("%s/%s-%zu%s", c->scratch, kind_name[kind], n, suffix);
    jh_status st = JH_OK;

    *out = path != NULL ? fopen(path, "w") : NULL;
    if (path == NULL)
        st = jh_error_set(err, JH_ERR_NOMEM, NULL, 0, 0, "out of memory");
    else if (*out == NULL)
        st = jh_error_set(err, JH_ERR_IO, path, 0, 0,
                          "cannot create a chart data file: %s",
                          strerror(errno));
    free(path);
    return st;
}

/* Close a data file, reporting a write error. */
static jh_status
close_data(FILE *f, const charts *c, jh_error *err)
{
    bool bad = ferror(f) != 0;

    if (fclose(f) != 0 || bad)
        return jh_error_set(err, JH_ERR_IO, c->scratch, 0, 0,
                            "cannot write a chart data file: %s",
                            strerror(errno));
    return JH_OK;
}

static int
bar_cmp(const void *pa, const void *pb)
{
    const bar *a = pa, *b = pb;

    if (a->value < b->value)
        return -1;
    if (a->value > b->value)
        return 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

/*
 * Write "bars-N-meta.tsv" (one line: count, threshold, has_threshold, mean,
 * widest school name in display columns, title, caption, y label, key
 * texts) and "bars-N.tsv" (per bar: position,
 * value, meets, school name, value as printed) for indicator @p k of level
 * @p lr, sorted ascending by value, ties in input order.
 */
static jh_status
write_bars(charts *c, size_t n, const jh_level_result *lr, size_t k,
           jh_error *err)
{
    const jh_report_context *ctx = c->ctx;
    const jh_analysis *a = ctx->analysis;
    const jh_model *m = a->model;
    const jh_indicator *ind = &a->standard->indicators[k];
    const jh_indicator_stats *is = &lr->ind[k];
    jh_lang lang = ctx->lang;
    double thr = ind->threshold[lr->level];
    bool has_thr = isfinite(thr) && thr > 0.0;
    char text[1024], part[512], num1[64], num2[64];
    size_t name_cols = 0;
    bar *bars = calloc(lr->nsections > 0 ? lr->nsections : 1, sizeof(*bars));
    FILE *f;
    jh_status st;

    if (bars == NULL)
        return jh_error_set(err, JH_ERR_NOMEM, NULL, 0, 0, "out of memory");
    for (size_t j = 0; j < lr->nsections; j++) {
        bars[j].section = lr->sections[j];
        bars[j].order = j;
        bars[j].value = a->results[lr->sections[j]].value[k];
        if (!isfinite(bars[j].value))
            bars[j].value = 0.0;
    }
    qsort(bars, lr->nsections, sizeof(*bars), bar_cmp);

    st = open_data(&f, c, KIND_BARS, n, "-meta.tsv", err);
    if (st != JH_OK) {
        free(bars);
        return st;
    }
    for (size_t j = 0; j < lr->nsections; j++) {
        const jh_school *s =
            &m->county->schools[m->sections[bars[j].section].school];
        size_t w = text_cols(clip(part, sizeof(part), s->name, NAME_COLS));
        name_cols = w > name_cols ? w : name_cols;
    }
    fprintf(f, "%zu\t", lr->nsections);
    put_num(f, has_thr ? thr : 0.0);
    fprintf(f, "\t%d\t", has_thr ? 1 : 0);
    put_num(f, is->mean);
    fprintf(f, "\t%zu\t", name_cols);
    make_title(text, sizeof(text), ctx, lr->level,
               jh_indicator_name(ind, lang));
    put_text(f, clip(part, sizeof(part), text, TEXT_COLS));
    fputc('\t', f);
    make_standard(part, sizeof(part), ctx);
    snprintf(
        text, sizeof(text), "%s   |   %s %s%s%s %s%s%s   |   %s%s%zu / %zu",
        part, jh_label(lang, "cv"),
        is->cv_defined ? jh__fmt_fixed(is->cv, 3, num1, sizeof(num1))
                       : jh_label(lang, "undefined"),
        lang == JH_LANG_EN ? ", " : "，", jh_label(lang, "chart_limit"),
        is->cv_limit >= 0.0 ? jh__fmt_fixed(is->cv_limit, 2, num2, sizeof(num2))
                            : "-",
        lang == JH_LANG_EN ? ", " : "，",
        is->cv_limit >= 0.0 ? jh_label(lang, is->cv_pass ? "pass" : "fail")
                            : "",
        jh_label(lang, "below"), colon(lang), is->below, lr->nsections);
    put_text(f, text);
    fputc('\t', f);
    put_text(f, lang == JH_LANG_EN ? ind->unit_en : ind->unit_zh);
    fputc('\t', f);
    snprintf(text, sizeof(text), "%s %s", jh_label(lang, "chart_threshold"),
             jh__fmt_fixed(thr, 2, num1, sizeof(num1)));
    put_text(f, has_thr ? text : "");
    fputc('\t', f);
    snprintf(text, sizeof(text), "%s %s", jh_label(lang, "chart_mean"),
             jh__fmt_fixed(is->mean, 2, num1, sizeof(num1)));
    put_text(f, text);
    fputc('\t', f);
    put_text(f, jh_label(lang, "chart_met"));
    fputc('\t', f);
    put_text(f, jh_label(lang, "chart_below"));
    fputc('\n', f);
    st = close_data(f, c, err);

    f = NULL;
    if (st == JH_OK)
        st = open_data(&f, c, KIND_BARS, n, ".tsv", err);
    for (size_t j = 0; f != NULL && j < lr->nsections; j++) {
        const jh_section_result *r = &a->results[bars[j].section];
        const jh_school *s =
            &m->county->schools[m->sections[bars[j].section].school];
        fprintf(f, "%zu\t", j + 1);
        put_num(f, bars[j].value);
        fprintf(f, "\t%d\t", !has_thr || r->met[k] ? 1 : 0);
        put_text(f, clip(part, sizeof(part), s->name, NAME_COLS));
        fputc('\t', f);
        put_text(f, jh__fmt_fixed(bars[j].value, 2, num1, sizeof(num1)));
        fputc('\n', f);
    }
    if (f != NULL)
        st = close_data(f, c, err);
    free(bars);
    return st;
}

/*
 * Write "cv-N-meta.tsv" (one line: count, limit, has_limit, title,
 * caption, y label, key texts) and "cv-N.tsv" (per indicator: position,
 * CV or 0 when undefined, within the limit, short name, CV as printed) for
 * level @p lr.
 */
static jh_status
write_cv(charts *c, size_t n, const jh_level_result *lr, jh_error *err)
{
    const jh_report_context *ctx = c->ctx;
    const jh_standard *std = ctx->analysis->standard;
    jh_lang lang = ctx->lang;
    double limit = std->cv_limit[lr->level];
    bool has_limit = limit >= 0.0;
    bool disagrees = false;
    char text[1024], part[512], num[64];
    FILE *f;
    jh_status st;

    for (size_t k = 0; k < std->nindicators; k++)
        disagrees = disagrees || lr->ind[k].cv_print_disagrees;
    st = open_data(&f, c, KIND_CV, n, "-meta.tsv", err);
    if (st != JH_OK)
        return st;
    fprintf(f, "%zu\t", std->nindicators);
    put_num(f, has_limit ? limit : 0.0);
    fprintf(f, "\t%d\t", has_limit ? 1 : 0);
    make_title(text, sizeof(text), ctx, lr->level,
               jh_label(lang, "chart_cv_title"));
    put_text(f, clip(part, sizeof(part), text, TEXT_COLS));
    fputc('\t', f);
    make_standard(part, sizeof(part), ctx);
    snprintf(text, sizeof(text), "%s   |   %s%s%s%s%s", part,
             jh_label(lang, "cv_all_pass"), colon(lang),
             jh_label(lang, lr->cv_pass ? "yes" : "no"),
             disagrees ? "   |   * " : "",
             disagrees ? jh_label(lang, "warning_cv_print") : "");
    put_text(f, text);
    fputc('\t', f);
    put_text(f, jh_label(lang, "chart_cv"));
    fputc('\t', f);
    put_text(f, jh_label(lang, "chart_met"));
    fputc('\t', f);
    put_text(f, jh_label(lang, "chart_cv_over"));
    fputc('\t', f);
    snprintf(text, sizeof(text), "%s %s", jh_label(lang, "chart_cv_limit"),
             jh__fmt_fixed(limit, 2, num, sizeof(num)));
    put_text(f, has_limit ? text : "");
    fputc('\n', f);
    st = close_data(f, c, err);

    f = NULL;
    if (st == JH_OK)
        st = open_data(&f, c, KIND_CV, n, ".tsv", err);
    for (size_t k = 0; f != NULL && k < std->nindicators; k++) {
        const jh_indicator_stats *is = &lr->ind[k];
        bool ok = is->cv_defined && (!has_limit || is->cv_pass);
        fprintf(f, "%zu\t", k + 1);
        put_num(f, is->cv_defined ? is->cv : 0.0);
        fprintf(f, "\t%d\t", ok ? 1 : 0);
        put_text(f, clip(part, sizeof(part),
                         jh_indicator_short(&std->indicators[k], lang),
                         NAME_COLS));
        fputc('\t', f);
        if (is->cv_defined) {
            put_text(f, jh__fmt_fixed(is->cv, 3, num, sizeof(num)));
            if (is->cv_print_disagrees)
                fputc('*', f);
        } else {
            put_text(f, jh_label(lang, "undefined"));
        }
        fputc('\n', f);
    }
    if (f != NULL)
        st = close_data(f, c, err);
    return st;
}

/* Add a chart to the list; its final name is "<level>-<part>". */
static jh_status
add_chart(charts *c, int kind, jh_level level, const char *what, jh_error *err)
{
    char *part = file_part(what);
    char *name =
        part != NULL ? jh__asprintf("%s-%s", jh_level_key(level), part) : NULL;
    chart *grown;

    free(part);
    grown =
        name != NULL ? realloc(c->list, (c->count + 1) * sizeof(chart)) : NULL;
    if (grown == NULL) {
        free(name);
        return jh_error_set(err, JH_ERR_NOMEM, NULL, 0, 0, "out of memory");
    }
    c->list = grown;
    c->per_kind[kind]++;
    c->list[c->count++] = (chart){kind, c->per_kind[kind], name};
    return JH_OK;
}

/* Write the data of every chart and list the charts. */
static jh_status
write_data(charts *c, jh_error *err)
{
    const jh_analysis *a = c->ctx->analysis;
    const jh_standard *std = a->standard;
    jh_status st = JH_OK;

    for (int l = 0; st == JH_OK && l < JH_LEVEL_COUNT; l++) {
        const jh_level_result *lr = &a->levels[l];
        if (!lr->present || lr->nsections == 0)
            continue;
        for (size_t k = 0; st == JH_OK && k < std->nindicators; k++) {
            st = add_chart(c, KIND_BARS, lr->level, std->indicators[k].id, err);
            if (st == JH_OK)
                st = write_bars(c, c->per_kind[KIND_BARS], lr, k, err);
        }
        if (st == JH_OK)
            st = add_chart(c, KIND_CV, lr->level, "cv", err);
        if (st == JH_OK)
            st = write_cv(c, c->per_kind[KIND_CV], lr, err);
    }
    return st;
}

/* ------------------------------------------------------------------ */
/* Running gnuplot                                                     */
/* ------------------------------------------------------------------ */

/*
 * The environment for gnuplot: ours, with numbers in the C locale.  LC_ALL
 * would override LC_NUMERIC, so when it is set its value becomes LANG and
 * every LC_* variable is dropped (the same locale for everything else).
 * Returns a malloc'd array whose strings are either borrowed from environ
 * or the two static ones below; free only the array.  NULL when out of
 * memory.
 */
static char **
child_env(char *const *environ, char **lang_buf)
{
    static char numeric[] = "LC_NUMERIC=C";
    const char *all = NULL;
    size_t n = 0, k = 0;
    char **env;

    *lang_buf = NULL;
    for (char *const *e = environ; e != NULL && *e != NULL; e++, n++) {
        if (strncmp(*e, "LC_ALL=", 7) == 0 && (*e)[7] != '\0')
            all = *e + 7;
    }
    env = calloc(n + 3, sizeof(*env));
    if (env == NULL)
        return NULL;
    if (all != NULL) {
        *lang_buf = jh__asprintf("LANG=%s", all);
        if (*lang_buf == NULL) {
            free(env);
            return NULL;
        }
        env[k++] = *lang_buf;
    }
    for (char *const *e = environ; e != NULL && *e != NULL; e++) {
        if (strncmp(*e, "LC_NUMERIC=", 11) == 0 ||
            strncmp(*e, "LC_ALL=", 7) == 0 ||
            (all != NULL &&
             (strncmp(*e, "LC_", 3) == 0 || strncmp(*e, "LANG=", 5) == 0)))
            continue;
        env[k++] = *e;
    }
    env[k++] = numeric;
    env[k] = NULL;
    return env;
}

/*
 * Start `gnuplot -d -c <plots_dir>/<kind>.gp <scratch> <count> <pdf>` with
 * stdin and stdout on /dev/null and stderr into "<scratch>/<kind>.log".
 * Returns JH_ERR_NOTFOUND when the program cannot be run at all.
 */
static jh_status
spawn(pid_t *pid, const charts *c, int kind, char **envp, jh_error *err)
{
    posix_spawn_file_actions_t fa;
    char count[32], *tmpl, *log, *plots;
    char *argv[8];
    jh_status st = JH_OK;
    int rc;

    plots = c->opts->plots_dir[0] == '/'
                ? jh__strdup(c->opts->plots_dir)
                : jh__asprintf("./%s", c->opts->plots_dir);
    tmpl =
        plots != NULL ? jh__asprintf("%s/%s.gp", plots, kind_name[kind]) : NULL;
    log = jh__asprintf("%s/%s.log", c->scratch, kind_name[kind]);
    free(plots);
    if (tmpl == NULL || log == NULL) {
        free(tmpl);
        free(log);
        return jh_error_set(err, JH_ERR_NOMEM, NULL, 0, 0, "out of memory");
    }
    if (access(tmpl, R_OK) != 0) {
        st =
            jh_error_set(err, JH_ERR_OUTPUT, tmpl, 0, 0,
                         "cannot read the chart template: %s", strerror(errno));
        free(tmpl);
        free(log);
        return st;
    }
    snprintf(count, sizeof(count), "%zu", c->per_kind[kind]);
    argv[0] = (char *)c->opts->gnuplot;
    argv[1] = (char *)"-d";
    argv[2] = (char *)"-c";
    argv[3] = tmpl;
    argv[4] = c->scratch;
    argv[5] = count;
    argv[6] = (char *)(c->opts->pdf ? "1" : "0");
    argv[7] = NULL;

    rc = posix_spawn_file_actions_init(&fa);
    if (rc == 0)
        rc = posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    if (rc == 0)
        rc = posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    if (rc == 0)
        rc = posix_spawn_file_actions_addopen(
            &fa, 2, log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (rc == 0)
        rc = posix_spawnp(pid, c->opts->gnuplot, &fa, NULL, argv, envp);
    posix_spawn_file_actions_destroy(&fa);
    if (rc == ENOENT || rc == ENOTDIR || rc == ELOOP)
        st = jh_error_set(err, JH_ERR_NOTFOUND, NULL, 0, 0,
                          "gnuplot not found ('%s'): install gnuplot-nox",
                          c->opts->gnuplot);
    else if (rc == EACCES || rc == ENOEXEC || rc == EISDIR)
        st = jh_error_set(err, JH_ERR_NOTFOUND, NULL, 0, 0,
                          "gnuplot cannot be run ('%s'): %s", c->opts->gnuplot,
                          strerror(rc));
    else if (rc != 0)
        st = jh_error_set(err, JH_ERR_OUTPUT, NULL, 0, 0,
                          "cannot start gnuplot ('%s'): %s", c->opts->gnuplot,
                          strerror(rc));
    free(tmpl);
    free(log);
    return st;
}

/*
 * The line of "<scratch>/<kind>.log" that says what went wrong, into
 * @p buf: gnuplot echoes the failing command first and then writes
 * '"file" line N: message', so the first line with " line " followed by a
 * number and a colon is taken, else the first non-blank line ("" when
 * none).
 */
static char *
log_line(const charts *c, int kind, char *buf, size_t size)
{
    char *path = jh__asprintf("%s/%s.log", c->scratch, kind_name[kind]);
    FILE *f = path != NULL ? fopen(path, "r") : NULL;
    char line[400];
    bool found = false;

    buf[0] = '\0';
    while (f != NULL && !found && fgets(line, (int)sizeof(line), f) != NULL) {
        const char *at = strstr(line, " line ");
        size_t digits = at != NULL ? strspn(at + 6, "0123456789") : 0;
        line[strcspn(line, "\r\n")] = '\0';
        found = digits > 0 && at[6 + digits] == ':';
        if (found || (buf[0] == '\0' && !jh__is_blank(line)))
            snprintf(buf, size, "%s", line);
    }
    if (f != NULL)
        fclose(f);
    free(path);
    jh__trim(buf);
    return buf;
}

/* Seconds gnuplot may run. */
static int
timeout_of(const charts *c)
{
    return c->opts->timeout_seconds > 0 ? c->opts->timeout_seconds : 300;
}

/* Wait for @p pid and turn anything but a clean exit into JH_ERR_OUTPUT
 * naming the template and the first line gnuplot wrote to stderr. */
static jh_status
reap(pid_t pid, const charts *c, int kind, const struct timespec *deadline,
     jh_error *err)
{
    char line[400];
    int status = 0;
    pid_t r;

    /* Poll so that a template that hangs is killed at the deadline. */
    for (;;) {
        struct timespec now, nap = {0, 20 * 1000 * 1000};
        r = waitpid(pid, &status, WNOHANG);
        if (r != 0 && !(r < 0 && errno == EINTR))
            break;
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (now.tv_sec > deadline->tv_sec ||
            (now.tv_sec == deadline->tv_sec &&
             now.tv_nsec >= deadline->tv_nsec)) {
            kill(pid, SIGKILL);
            while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
                ;
            return jh_error_set(err, JH_ERR_OUTPUT, NULL, 0, 0,
                                "gnuplot did not finish %s.gp within %d "
                                "seconds and was stopped",
                                kind_name[kind], timeout_of(c));
        }
        nanosleep(&nap, NULL);
    }
    if (r < 0)
        return jh_error_set(err, JH_ERR_OUTPUT, NULL, 0, 0,
                            "cannot wait for gnuplot: %s", strerror(errno));
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return JH_OK;
    log_line(c, kind, line, sizeof(line));
    if (WIFSIGNALED(status))
        return jh_error_set(err, JH_ERR_OUTPUT, NULL, 0, 0,
                            "gnuplot was killed by signal %d rendering "
                            "%s.gp%s%s",
                            WTERMSIG(status), kind_name[kind],
                            line[0] != '\0' ? ": " : "", line);
    return jh_error_set(err, JH_ERR_OUTPUT, NULL, 0, 0,
                        "gnuplot failed with status %d rendering %s.gp%s%s",
                        WIFEXITED(status) ? WEXITSTATUS(status) : -1,
                        kind_name[kind], line[0] != '\0' ? ": " : "", line);
}

/* Run one gnuplot process per template with charts, side by side. */
static jh_status
render(charts *c, jh_error *err)
{
    pid_t pids[KIND_COUNT] = {0};
    bool started[KIND_COUNT] = {false};
    char *lang = NULL;
    char **envp = child_env(c->opts->envp, &lang);
    jh_status st = JH_OK;

    struct timespec deadline;

    if (envp == NULL)
        return jh_error_set(err, JH_ERR_NOMEM, NULL, 0, 0, "out of memory");
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    deadline.tv_sec += timeout_of(c);
    for (int k = 0; st == JH_OK && k < KIND_COUNT; k++) {
        if (c->per_kind[k] == 0)
            continue;
        st = spawn(&pids[k], c, k, envp, err);
        started[k] = st == JH_OK;
    }
    /* Reap every started process, even after a failure, and keep the
     * first error. */
    for (int k = 0; k < KIND_COUNT; k++) {
        jh_error e2;
        jh_status s2;
        if (!started[k])
            continue;
        jh_error_clear(&e2);
        s2 = reap(pids[k], c, k, &deadline, &e2);
        if (s2 != JH_OK && st == JH_OK) {
            st = s2;
            if (err != NULL)
                *err = e2;
        }
    }
    free(envp);
    free(lang);
    return st;
}

/* ------------------------------------------------------------------ */
/* Checking and moving the outputs                                     */
/* ------------------------------------------------------------------ */

/* "<scratch>/<kind>-<n>.<ext>" */
static char *
temp_path(const charts *c, const chart *ch, const char *ext)
{
    return jh__asprintf("%s/%s-%zu.%s", c->scratch, kind_name[ch->kind],
                        ch->number, ext);
}

/*
 * cairo writes the time of rendering into a PDF's /CreationDate; replace
 * its 14 digits with the report's fixed time so that the same input gives
 * the same bytes.  The length does not change, so the cross-reference
 * table stays valid.  Does nothing when the field is not found.
 */
static jh_status
stamp_pdf(const char *path, long long created, jh_error *err)
{
    static const char key[] = "/CreationDate (D:";
    char *data = NULL, *hit = NULL, digits[32];
    size_t len = 0;
    time_t t = (time_t)created;
    struct tm tm;
    FILE *f;
    jh_status st = jh__read_file(path, (size_t)64 << 20, &data, &len, err);

    if (st != JH_OK)
        return st;
    for (size_t i = 0; i + sizeof(key) - 1 + 14 <= len; i++) {
        if (memcmp(data + i, key, sizeof(key) - 1) == 0) {
            hit = data + i + sizeof(key) - 1;
            break;
        }
    }
    if (hit == NULL || gmtime_r(&t, &tm) == NULL ||
        strftime(digits, sizeof(digits), "%Y%m%d%H%M%S", &tm) != 14) {
        free(data);
        return JH_OK;
    }
    for (int i = 0; i < 14; i++) {
        if (hit[i] < '0' || hit[i] > '9') {
            free(data);
            return JH_OK;
        }
    }
    f = fopen(path, "r+b");
    if (f == NULL || fseek(f, (long)(hit - data), SEEK_SET) != 0 ||
        fwrite(digits, 1, 14, f) != 14)
        st = jh_error_set(err, JH_ERR_IO, path, 0, 0, "cannot write: %s",
                          strerror(errno));
    if (f != NULL && fclose(f) != 0 && st == JH_OK)
        st = jh_error_set(err, JH_ERR_IO, path, 0, 0, "cannot write: %s",
                          strerror(errno));
    free(data);
    return st;
}

/* Check that every expected output is a non-empty file, then rename them
 * all to "<dir>/<final>.<ext>". */
static jh_status
move_outputs(charts *c, jh_error *err)
{
    const char *exts[2] = {"png", "pdf"};
    size_t next = c->opts->pdf ? 2 : 1;
    jh_status st = JH_OK;

    for (size_t i = 0; st == JH_OK && i < c->count; i++) {
        for (size_t e = 0; st == JH_OK && e < next; e++) {
            char *p = temp_path(c, &c->list[i], exts[e]);
            struct stat sb;
            if (p == NULL)
                st = jh_error_set(err, JH_ERR_NOMEM, NULL, 0, 0,
                                  "out of memory");
            else if (stat(p, &sb) != 0 || !S_ISREG(sb.st_mode) ||
                     sb.st_size <= 0)
                st = jh_error_set(err, JH_ERR_OUTPUT, NULL, 0, 0,
                                  "gnuplot wrote no %s for chart '%s' "
                                  "(%s.gp)",
                                  exts[e], c->list[i].final,
                                  kind_name[c->list[i].kind]);
            else if (e == 1)
                st = stamp_pdf(p, c->ctx->created, err);
            free(p);
        }
    }
    for (size_t i = 0; st == JH_OK && i < c->count; i++) {
        for (size_t e = 0; st == JH_OK && e < next; e++) {
            char *from = temp_path(c, &c->list[i], exts[e]);
            char *to =
                jh__asprintf("%s/%s.%s", c->dir, c->list[i].final, exts[e]);
            if (from == NULL || to == NULL)
                st = jh_error_set(err, JH_ERR_NOMEM, NULL, 0, 0,
                                  "out of memory");
            else if (rename(from, to) != 0)
                st = jh_error_set(err, JH_ERR_IO, to, 0, 0,
                                  "cannot move the chart into place: %s",
                                  strerror(errno));
            free(from);
            free(to);
        }
    }
    return st;
}

static int
remove_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    remove(path);
    return 0;
}

jh_status
jh_report_charts(const char *dir, const jh_report_context *ctx,
                 const jh_chart_options *opts, jh_error *err)
{
    charts c;
    jh_status st = JH_OK;

    if (dir == NULL || dir[0] == '\0' || ctx == NULL || ctx->analysis == NULL ||
        opts == NULL || opts->gnuplot == NULL || opts->gnuplot[0] == '\0' ||
        opts->plots_dir == NULL || opts->plots_dir[0] == '\0')
        return jh_error_set(err, JH_ERR_ARG, NULL, 0, 0,
                            "charts need a folder, an analysis, a gnuplot "
                            "program and a templates folder");
    memset(&c, 0, sizeof(c));
    c.ctx = ctx;
    c.opts = opts;
    /* gnuplot takes a file name starting with '<' or '|' for a command:
     * make every path it sees start with '/' or "./". */
    c.dir = dir[0] == '/' ? jh__strdup(dir) : jh__asprintf("./%s", dir);
    c.scratch = c.dir != NULL ? jh__asprintf("%s/.data-XXXXXX", c.dir) : NULL;
    if (c.scratch == NULL) {
        free(c.dir);
        return jh_error_set(err, JH_ERR_NOMEM, NULL, 0, 0, "out of memory");
    }
    if (mkdtemp(c.scratch) == NULL) {
        st = jh_error_set(err, JH_ERR_IO, dir, 0, 0,
                          "cannot create a scratch folder for charts: %s",
                          strerror(errno));
        free(c.scratch);
        free(c.dir);
        return st;
    }
    st = write_data(&c, err);
    if (st == JH_OK)
        st = render(&c, err);
    if (st == JH_OK)
        st = move_outputs(&c, err);
    nftw(c.scratch, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    for (size_t i = 0; i < c.count; i++)
        free(c.list[i].final);
    free(c.list);
    free(c.scratch);
    free(c.dir);
    return st;
}
