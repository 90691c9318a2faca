/*
 * junheng - running gnuplot safely: data-file text, scratch folders,
 * spawning without a shell, deadlines, checking outputs.
 *
 * gnuplot's data reader is not plain TSV: a double quote ends a string
 * field and a backslash starts an escape (parse_esc: \\, \n, \t, \", octal
 * \ooo and \0ooo).  jh__gp_put_text() writes a quote as the four-digit
 * octal escape \0042 (which never swallows a following digit) and a
 * backslash as \\, so that strcol() and xticlabels() give back exactly the
 * original text.
 */
#include "gnuplot.h"

#include <errno.h>
#include <ftw.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "subprocess.h"
#include "util.h"

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

size_t
jh__gp_text_cols(const char *s)
{
    size_t cols = 0, len;

    for (size_t i = 0; s[i] != '\0'; i += len)
        cols += char_width(s + i, &len);
    return cols;
}

char *
jh__gp_clip(char *out, size_t size, const char *s, size_t max_cols)
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

void
jh__gp_put_text(FILE *f, const char *s)
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

void
jh__gp_put_num(FILE *f, double v)
{
    char buf[64];

    if (!isfinite(v))
        v = 0.0;
    fputs(jh__fmt_fixed(v, 6, buf, sizeof(buf)), f);
}

/* ------------------------------------------------------------------ */
/* Folders                                                             */
/* ------------------------------------------------------------------ */

static int
remove_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    remove(path);
    return 0;
}

void
jh__gp_remove_tree(const char *path)
{
    nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

jh_status
jh__gp_scratch(char **dir_out, char **scratch_out, const char *dir,
               jh_error *err)
{
    /* gnuplot takes a file name starting with '<' or '|' for a command:
     * make every path it sees start with '/' or "./". */
    char *d = dir[0] == '/' ? jh__strdup(dir) : jh__asprintf("./%s", dir);
    char *s = d != NULL ? jh__asprintf("%s/.data-XXXXXX", d) : NULL;
    jh_status st;

    *dir_out = *scratch_out = NULL;
    if (s == NULL) {
        free(d);
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    }
    if (mkdtemp(s) == NULL) {
        st = jh_error_errno2(err, JH_ERR_IO, dir, errno,
                             "无法为图表创建临时文件夹",
                             "cannot create a scratch folder for charts");
        free(s);
        free(d);
        return st;
    }
    *dir_out = d;
    *scratch_out = s;
    return JH_OK;
}

/* ------------------------------------------------------------------ */
/* Running gnuplot                                                     */
/* ------------------------------------------------------------------ */

/*
 * The environment for gnuplot: ours, with numbers in the C locale.  LC_ALL
 * would override LC_NUMERIC, so when it is set its value becomes LANG and
 * every LC_* variable is dropped (the same locale for everything else).
 * TZ is UTC0: cairo writes the local offset after a PDF's creation date
 * (+08'00 in China, Z in UTC), which stamp_pdf() cannot replace in place;
 * in UTC the same input gives the same bytes in every time zone.
 * Returns a malloc'd array whose strings are either borrowed from environ
 * or the two static ones below; free only the array.  NULL when out of
 * memory.
 */
static char **
child_env(char *const *base_env, char **lang_buf)
{
    static char numeric[] = "LC_NUMERIC=C";
    static char tz[] = "TZ=UTC0";
    /* Each chart is drawn on a fresh 1600x900 image (5.8 MB): glibc's
     * malloc is told to keep such blocks for the next chart instead of
     * mapping and unmapping them, and to back its heap with huge pages
     * (glibc 2.35 and later; older ones ignore the names they do not
     * know).  Page faults were a fifth of gnuplot's time on a virtual
     * machine; with these a county's charts take some 15% less.  A
     * GLIBC_TUNABLES of the user's own is left as it is. */
    static char tunables[] =
        "GLIBC_TUNABLES=glibc.malloc.hugetlb=1:"
        "glibc.malloc.mmap_threshold=33554432:"
        "glibc.malloc.trim_threshold=268435456";
    const char *all = NULL;
    bool has_tunables = false;
    size_t n = 0, k = 0;
    char **env;

    *lang_buf = NULL;
    for (char *const *e = base_env; e != NULL && *e != NULL; e++, n++) {
        if (strncmp(*e, "LC_ALL=", 7) == 0 && (*e)[7] != '\0')
            all = *e + 7;
        if (strncmp(*e, "GLIBC_TUNABLES=", 15) == 0)
            has_tunables = true;
    }
    env = calloc(n + 5, sizeof(*env));
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
    for (char *const *e = base_env; e != NULL && *e != NULL; e++) {
        if (strncmp(*e, "LC_NUMERIC=", 11) == 0 ||
            strncmp(*e, "LC_ALL=", 7) == 0 || strncmp(*e, "TZ=", 3) == 0 ||
            (all != NULL &&
             (strncmp(*e, "LC_", 3) == 0 || strncmp(*e, "LANG=", 5) == 0)))
            continue;
        env[k++] = *e;
    }
    env[k++] = numeric;
    env[k++] = tz;
    if (!has_tunables)
        env[k++] = tunables;
    env[k] = NULL;
    return env;
}

/* Most gnuplot processes one call starts. */
#define GP_MAX_PROCS 8

/* One gnuplot process: the charts it renders are listed in
 * "<scratch>/run-<index>.tsv"; it writes its stderr to run-<index>.log. */
typedef struct gp_proc {
    size_t index;
    pid_t pid;
    bool started;
    char names[200]; /* its templates, for messages: "bars.gp, cv.gp" */
} gp_proc;

static char *
run_file(const char *scratch, size_t index, const char *ext)
{
    return jh__asprintf("%s/run-%zu.%s", scratch, index, ext);
}

/* "<plots_dir>/<base>.gp", with "./" in front of a relative folder (gnuplot
 * takes a name starting with '<' or '|' for a command). */
static char *
template_path(const jh_chart_options *opts, const char *base)
{
    return opts->plots_dir[0] == '/'
               ? jh__asprintf("%s/%s.gp", opts->plots_dir, base)
               : jh__asprintf("./%s/%s.gp", opts->plots_dir, base);
}

static jh_status
check_template(const jh_chart_options *opts, const char *base, jh_error *err)
{
    char *path = template_path(opts, base);
    jh_status st = JH_OK;

    if (path == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    if (access(path, R_OK) != 0)
        st =
            jh_error_errno2(err, JH_ERR_OUTPUT, path, errno, "无法读取图表模板",
                            "cannot read the chart template");
    free(path);
    return st;
}

/*
 * Write the list of process @p proc: the parts of @p jobs that fall on the
 * charts numbered @p from to @p to (0-based, exclusive, counted across all
 * jobs in order), one line each: template path, first and last chart.
 */
static jh_status
write_list(gp_proc *proc, const jh_chart_options *opts, const char *scratch,
           const jh__gp_job *jobs, size_t njobs, size_t from, size_t to,
           jh_error *err)
{
    char *path = run_file(scratch, proc->index, "tsv");
    FILE *f = path != NULL ? fopen(path, "w") : NULL;
    size_t at = 0, used = 0;
    jh_status st = JH_OK;
    bool bad;

    proc->names[0] = '\0';
    if (f == NULL) {
        st = path == NULL ? jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0,
                                          "内存不足", "out of memory")
                          : jh_error_errno2(err, JH_ERR_IO, path, errno,
                                            "无法创建图表清单",
                                            "cannot create a chart list");
        free(path);
        return st;
    }
    for (size_t k = 0; st == JH_OK && k < njobs; k++) {
        size_t n = jobs[k].last >= jobs[k].first
                       ? jobs[k].last - jobs[k].first + 1
                       : 0;
        size_t lo = from > at ? from - at : 0;
        size_t hi = to < at + n ? to - at : n;
        char *tmpl;
        if (to > at && from < at + n && lo < hi) {
            tmpl = template_path(opts, jobs[k].tmpl);
            if (tmpl == NULL) {
                st = jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                                   "out of memory");
                break;
            }
            jh__gp_put_text(f, tmpl);
            fprintf(f, "\t%zu\t%zu\n", jobs[k].first + lo,
                    jobs[k].first + hi - 1);
            free(tmpl);
            if (strstr(proc->names, jobs[k].tmpl) == NULL)
                used += (size_t)snprintf(
                    proc->names + used,
                    used < sizeof(proc->names) ? sizeof(proc->names) - used
                                               : 0,
                    "%s%s.gp", used > 0 ? ", " : "", jobs[k].tmpl);
            if (used >= sizeof(proc->names))
                used = sizeof(proc->names) - 1;
        }
        at += n;
    }
    bad = ferror(f) != 0;
    if ((fclose(f) != 0 || bad) && st == JH_OK)
        st = jh_error_errno2(err, JH_ERR_IO, path, errno, "无法写入图表清单",
                             "cannot write a chart list");
    free(path);
    return st;
}

/*
 * Start process @p proc as `gnuplot -d -c <plots>/run.gp <scratch> <list>
 * <pdf>`.  Returns JH_ERR_NOTFOUND when the program cannot be run at all.
 */
static jh_status
spawn(gp_proc *proc, const jh_chart_options *opts, const char *scratch,
      char **envp, jh_error *err)
{
    char *runner = template_path(opts, "run");
    char *list = run_file(scratch, proc->index, "tsv");
    char *log = run_file(scratch, proc->index, "log");
    char *argv[8];
    jh_status st = JH_OK;
    int rc;

    if (runner == NULL || list == NULL || log == NULL) {
        free(runner);
        free(list);
        free(log);
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    }
    argv[0] = (char *)opts->gnuplot;
    argv[1] = (char *)"-d";
    argv[2] = (char *)"-c";
    argv[3] = runner;
    argv[4] = (char *)scratch;
    argv[5] = list;
    argv[6] = (char *)(opts->pdf ? "1" : "0");
    argv[7] = NULL;
    rc = jh__spawn(&proc->pid, argv, envp, log);
    if (rc == ENOENT || rc == ENOTDIR || rc == ELOOP)
        st = jh_error_set2(err, JH_ERR_NOTFOUND, NULL, 0, 0,
                           "找不到 gnuplot（“%s”）：请安装 gnuplot-nox，或加 "
                           "--no-charts 不生成图表",
                           "gnuplot not found ('%s'): install gnuplot-nox",
                           opts->gnuplot);
    else if (rc == EACCES || rc == ENOEXEC || rc == EISDIR)
        st = jh_error_errno2(err, JH_ERR_NOTFOUND, NULL, rc,
                             "无法运行 gnuplot（“%s”）",
                             "gnuplot cannot be run ('%s')", opts->gnuplot);
    else if (rc != 0)
        st = jh_error_errno2(err, JH_ERR_OUTPUT, NULL, rc,
                             "无法启动 gnuplot（“%s”）",
                             "cannot start gnuplot ('%s')", opts->gnuplot);
    free(runner);
    free(list);
    free(log);
    return st;
}

/*
 * The line of a process's log that says what went wrong, into @p buf:
 * gnuplot echoes the failing command first and then writes '"file" line N:
 * message', so the first line with " line " followed by a number and a
 * colon is taken, else the first non-blank line ("" when none).
 */
static char *
log_line(const char *scratch, const gp_proc *proc, char *buf, size_t size)
{
    char *path = run_file(scratch, proc->index, "log");
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

static int
timeout_of(const jh_chart_options *opts)
{
    return opts->timeout_seconds > 0 ? opts->timeout_seconds : 300;
}

/* Wait for @p proc and turn anything but a clean exit into JH_ERR_OUTPUT
 * naming its templates and the first line gnuplot wrote to stderr. */
static jh_status
reap(const gp_proc *proc, const jh_chart_options *opts, const char *scratch,
     const struct timespec *deadline, jh_error *err)
{
    char line[400];
    const char *sep, *sep_zh;
    int status = 0, r;

    /* Poll so that a template that hangs is killed at the deadline. */
    r = jh__wait_until(proc->pid, deadline, 5, &status);
    if (r > 0)
        return jh_error_set2(err, JH_ERR_OUTPUT, NULL, 0, 0,
                             "gnuplot 按图表模板 %s 画图超过 %d 秒仍未完成，已被停止；"
                             "请检查图表模板，或加 --no-charts 不生成图表",
                             "gnuplot did not finish %s within %d seconds and "
                             "was stopped",
                             proc->names, timeout_of(opts));
    if (r < 0)
        return jh_error_errno2(err, JH_ERR_OUTPUT, NULL, errno,
                               "无法等待 gnuplot 结束",
                               "cannot wait for gnuplot");
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return JH_OK;
    log_line(scratch, proc, line, sizeof(line));
    /* gnuplot's own message follows; each text skips the other's
     * separator with %.0s. */
    sep = line[0] != '\0' ? ": " : "";
    sep_zh = line[0] != '\0' ? "。gnuplot 的提示：" : "";
    if (WIFSIGNALED(status))
        return jh_error_set2(err, JH_ERR_OUTPUT, NULL, 0, 0,
                             "gnuplot 被信号 %d 终止（图表模板 %s）%.0s%s%s",
                             "gnuplot was killed by signal %d rendering "
                             "%s%s%.0s%s",
                             WTERMSIG(status), proc->names, sep, sep_zh, line);
    return jh_error_set2(err, JH_ERR_OUTPUT, NULL, 0, 0,
                         "gnuplot 出错退出（退出状态 %d，图表模板 %s）%.0s%s%s",
                         "gnuplot failed with status %d rendering %s%s%.0s%s",
                         WIFEXITED(status) ? WEXITSTATUS(status) : -1,
                         proc->names, sep, sep_zh, line);
}

/* How many processes share @p charts charts. */
static size_t
process_count(const jh_chart_options *opts, size_t charts)
{
    long n = opts->processes > 0 ? opts->processes
                                 : sysconf(_SC_NPROCESSORS_ONLN);
    size_t p = n < 1 ? 1 : (size_t)n;

    if (p > GP_MAX_PROCS)
        p = GP_MAX_PROCS;
    return p > charts ? charts : p;
}

jh_status
jh__gp_run(const jh_chart_options *opts, const char *scratch,
           const jh__gp_job *jobs, size_t njobs, jh_error *err)
{
    gp_proc procs[GP_MAX_PROCS];
    size_t total = 0, nprocs;
    char *lang = NULL;
    char **envp;
    jh_status st = JH_OK;
    struct timespec deadline;

    for (size_t k = 0; k < njobs; k++) {
        if (jobs[k].last < jobs[k].first)
            continue;
        total += jobs[k].last - jobs[k].first + 1;
        st = check_template(opts, jobs[k].tmpl, err);
        if (st != JH_OK)
            return st;
    }
    if (total == 0)
        return JH_OK;
    st = check_template(opts, "run", err);
    if (st != JH_OK)
        return st;
    /* Each process pays gnuplot's start and the fonts once: as many
     * processes as cores, each with an equal run of the charts in order. */
    nprocs = process_count(opts, total);
    memset(procs, 0, sizeof(procs));
    for (size_t p = 0; st == JH_OK && p < nprocs; p++) {
        procs[p].index = p + 1;
        st = write_list(&procs[p], opts, scratch, jobs, njobs,
                        total * p / nprocs, total * (p + 1) / nprocs, err);
    }
    if (st != JH_OK)
        return st;
    envp = child_env(opts->envp, &lang);
    if (envp == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    deadline.tv_sec += timeout_of(opts);
    for (size_t p = 0; st == JH_OK && p < nprocs; p++) {
        st = spawn(&procs[p], opts, scratch, envp, err);
        procs[p].started = st == JH_OK;
    }
    /* Reap every started process, even after a failure, and keep the
     * first error. */
    for (size_t p = 0; p < nprocs; p++) {
        jh_error e2;
        jh_status s2;
        if (!procs[p].started)
            continue;
        jh_error_clear(&e2);
        s2 = reap(&procs[p], opts, scratch, &deadline, &e2);
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
/* Checking the outputs                                                */
/* ------------------------------------------------------------------ */

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
        st = jh_error_errno2(err, JH_ERR_IO, path, errno, "无法写入",
                             "cannot write");
    if (f != NULL && fclose(f) != 0 && st == JH_OK)
        st = jh_error_errno2(err, JH_ERR_IO, path, errno, "无法写入",
                             "cannot write");
    free(data);
    return st;
}

jh_status
jh__gp_check(const char *path, const char *name, const char *tmpl, bool pdf,
             long long created, jh_error *err)
{
    struct stat sb;

    if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_size <= 0)
        return jh_error_set2(err, JH_ERR_OUTPUT, NULL, 0, 0,
                             "gnuplot 没有生成 %s 文件：图表“%s”（模板 %s.gp）",
                             "gnuplot wrote no %s for chart '%s' (%s.gp)",
                             pdf ? "pdf" : "png", name, tmpl);
    return pdf ? stamp_pdf(path, created, err) : JH_OK;
}

void
jh__gp_title(char *buf, size_t size, const jh_report_context *ctx,
             jh_level level, const char *what)
{
    char county[JH_GP_COUNTY_COLS * 2 + 8];

    jh__gp_clip(county, sizeof(county), ctx->county_name, JH_GP_COUNTY_COLS);
    snprintf(buf, size, "%s%s%s \xc2\xb7 %s", county,
             county[0] != '\0' ? " \xc2\xb7 " : "",
             jh_level_name(level, ctx->lang), what);
}

const char *
jh__gp_colon(jh_lang lang)
{
    return lang == JH_LANG_EN ? ": " : "\xef\xbc\x9a";
}
