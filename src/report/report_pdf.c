/*
 * junheng - printing a workbook to PDF with LibreOffice, for the binder.
 *
 * soffice is spawned without a shell, with a scratch profile inside the
 * staging folder (so the user's LibreOffice settings play no part; under
 * /tmp when the folder's name is not UTF-8, see below), removed afterwards
 * with its log, and the PDF is checked before it counts.  The
 * profile is given to soffice as a URL: it is built from the absolute path,
 * percent-encoded, because a relative path, a space, '#' or '%' makes soffice
 * wait until it is killed or put its profile somewhere else.
 *
 * LibreOffice writes the time of printing into the PDF and a random /ID:
 * both are rewritten here in place (same lengths, so the cross-reference
 * offsets stay right), so that the same workbook gives the same bytes.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "gnuplot.h"
#include "junheng/report.h"
#include "junheng/report_pdf.h"
#include "subprocess.h"
#include "util.h"

/*
 * "file://" and @p path (absolute) percent-encoded as RFC 3986 asks of a
 * path: every byte other than the unreserved ones (ALPHA DIGIT - . _ ~)
 * and '/' becomes %XX.  malloc'd; NULL when out of memory.
 */
static char *
file_url(const char *path)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n = strlen(path);
    char *url = malloc(7 + 3 * n + 1), *p;

    if (url == NULL)
        return NULL;
    memcpy(url, "file://", 7);
    p = url + 7;
    for (const unsigned char *s = (const unsigned char *)path; *s; s++) {
        if ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
            (*s >= '0' && *s <= '9') || *s == '-' || *s == '.' || *s == '_' ||
            *s == '~' || *s == '/') {
            *p++ = (char)*s;
        } else {
            *p++ = '%';
            *p++ = hex[*s >> 4];
            *p++ = hex[*s & 15];
        }
    }
    *p = '\0';
    return url;
}

/*
 * The environment for soffice: @p envp without TZ, and TZ=UTC0, so that
 * the dates it writes are in UTC whatever the user's zone.  The strings
 * are borrowed; free only the array.  NULL when out of memory.
 */
static char **
child_env(char *const *envp)
{
    static char tz[] = "TZ=UTC0";
    size_t n = 0, k = 0;
    char **env;

    for (char *const *e = envp; e != NULL && *e != NULL; e++)
        n++;
    env = calloc(n + 2, sizeof(*env));
    if (env == NULL)
        return NULL;
    for (char *const *e = envp; e != NULL && *e != NULL; e++) {
        if (strncmp(*e, "TZ=", 3) != 0)
            env[k++] = *e;
    }
    env[k++] = tz;
    env[k] = NULL;
    return env;
}

/* The first @p key in @p len bytes at @p data from @p from, or NULL. */
static char *
find(char *data, size_t len, size_t from, const char *key)
{
    size_t k = strlen(key);

    for (size_t i = from; i + k <= len; i++) {
        if (memcmp(data + i, key, k) == 0)
            return data + i;
    }
    return NULL;
}

/* FNV-1a, 64 bits, of @p len bytes, from @p h. */
static uint64_t
fnv1a(uint64_t h, const char *data, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)data[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

/* Overwrite the run of hex digits after @p at (up to @p max of them) with
 * the digits of @p hex, cycled; returns how many were written. */
static size_t
put_hex(char *at, size_t max, const char *hex)
{
    size_t n = 0;

    while (n < max &&
           ((at[n] >= '0' && at[n] <= '9') || (at[n] >= 'A' && at[n] <= 'F') ||
            (at[n] >= 'a' && at[n] <= 'f'))) {
        at[n] = hex[n % 32];
        n++;
    }
    return n;
}

/*
 * Make LibreOffice's PDF @p path reproducible: the 14 digits of
 * /CreationDate(D:...) become @p created (UTC; the child ran with TZ=UTC0,
 * so the offset after them is already Z), and the document /ID and
 * /DocChecksum (random, or a digest of the time) become a digest of the
 * bytes before the trailer, which no longer depend on the run.  Every
 * field keeps its length, so the cross-reference table stays valid.
 * Fields that are not found are left alone.
 */
static jh_status
stamp_pdf(const char *path, long long created, jh_error *err)
{
    char *data = NULL, *hit, *trailer, digits[32], hex[33];
    size_t len = 0;
    time_t t = (time_t)created;
    struct tm tm;
    uint64_t h1, h2;
    FILE *f;
    jh_status st = jh__read_file(path, (size_t)256 << 20, &data, &len, err);

    if (st != JH_OK)
        return st;
    hit = find(data, len, 0, "/CreationDate(D:");
    if (hit != NULL && gmtime_r(&t, &tm) != NULL &&
        strftime(digits, sizeof(digits), "%Y%m%d%H%M%S", &tm) == 14) {
        bool all_digits = (size_t)(hit - data) + 16 + 14 <= len;
        hit += 16;
        for (int i = 0; all_digits && i < 14; i++)
            all_digits = hit[i] >= '0' && hit[i] <= '9';
        if (all_digits)
            memcpy(hit, digits, 14);
    }
    /* The last trailer: what comes before it is now the same every run. */
    trailer = NULL;
    for (char *p = find(data, len, 0, "trailer"); p != NULL;
         p = find(data, len, (size_t)(p - data) + 1, "trailer"))
        trailer = p;
    if (trailer != NULL) {
        size_t pre = (size_t)(trailer - data);
        char *id = find(data, len, pre, "/ID");
        char *sum = find(data, len, pre, "/DocChecksum /");

        h1 = fnv1a(0xcbf29ce484222325ULL, data, pre);
        h2 = fnv1a(0x84222325cbf29ce4ULL, data, pre);
        snprintf(hex, sizeof(hex), "%016llX%016llX", (unsigned long long)h1,
                 (unsigned long long)h2);
        if (id != NULL) {
            /* /ID [ <32 hex> <32 hex> ] */
            char *end = find(data, len, (size_t)(id - data), "]");
            for (char *p = id; end != NULL && p < end; p++) {
                if (*p == '<')
                    p += put_hex(p + 1, (size_t)(end - p - 1), hex);
            }
        }
        if (sum != NULL)
            put_hex(sum + 14, len - (size_t)(sum + 14 - data), hex);
    }
    f = fopen(path, "wb");
    if (f == NULL || fwrite(data, 1, len, f) != len)
        st = jh_error_errno2(err, JH_ERR_OUTPUT, path, errno, "无法写入",
                             "cannot write");
    if (f != NULL && fclose(f) != 0 && st == JH_OK)
        st = jh_error_errno2(err, JH_ERR_OUTPUT, path, errno, "无法写入",
                             "cannot write");
    free(data);
    return st;
}

/* Copy file @p from to @p to (created or replaced). */
static jh_status
copy_file(const char *from, const char *to, jh_error *err)
{
    char *data = NULL;
    size_t len = 0;
    FILE *f;
    jh_status st = jh__read_file(from, (size_t)256 << 20, &data, &len, err);

    if (st != JH_OK)
        return st;
    f = fopen(to, "wb");
    if (f == NULL || fwrite(data, 1, len, f) != len)
        st = jh_error_errno2(err, JH_ERR_OUTPUT, to, errno, "无法写入",
                             "cannot write");
    if (f != NULL && fclose(f) != 0 && st == JH_OK)
        st = jh_error_errno2(err, JH_ERR_OUTPUT, to, errno, "无法写入",
                             "cannot write");
    free(data);
    return st;
}

jh_status
jh_report_pdf(const char *xlsx, const char *dir, const char *soffice,
              char *const *envp, long long created, jh_error *err)
{
    char absdir[PATH_MAX], absxlsx[PATH_MAX],
        tmpdir[] = "/tmp/junheng-pdf-XXXXXX";
    char *profile_dir = NULL, *url = NULL, *profile = NULL, *log = NULL;
    char *pdf = NULL, *made = NULL, *input = NULL;
    char **env = NULL;
    const char *base = strrchr(xlsx, '/'), *work;
    const char *name = base != NULL ? base + 1 : xlsx;
    const char *dot = strrchr(name, '.');
    int stem = (int)(dot != NULL ? dot - name : (long)strlen(name));
    bool utf8;
    struct stat sb;
    jh_status st;

    if (realpath(dir, absdir) == NULL || realpath(xlsx, absxlsx) == NULL)
        return jh_error_errno2(err, JH_ERR_OUTPUT, dir, errno,
                               "无法把工作簿打印为 PDF",
                               "cannot print the workbook to PDF");
    /* soffice takes --outdir as a name in the locale's encoding and fails
     * on bytes that are not UTF-8 (a GBK folder name): then it works in a
     * folder of its own under /tmp, and reads the workbook through its
     * URL, which carries any byte. */
    utf8 = jh__utf8_valid(absdir, strlen(absdir));
    if (!utf8 && mkdtemp(tmpdir) == NULL)
        return jh_error_errno2(err, JH_ERR_OUTPUT, tmpdir, errno,
                               "无法把工作簿打印为 PDF",
                               "cannot print the workbook to PDF");
    work = utf8 ? absdir : tmpdir;
    profile_dir = jh__asprintf("%s/.lo-profile", work);
    url = profile_dir != NULL ? file_url(profile_dir) : NULL;
    profile =
        url != NULL ? jh__asprintf("-env:UserInstallation=%s", url) : NULL;
    input = utf8 ? jh__strdup(absxlsx) : file_url(absxlsx);
    log = jh__asprintf("%s/.soffice.log", absdir);
    made = jh__asprintf("%s/%.*s.pdf", work, stem, name);
    pdf = jh__asprintf("%s/%.*s.pdf", dir, stem, name);
    env = child_env(envp);
    if (profile == NULL || input == NULL || log == NULL || made == NULL ||
        pdf == NULL || env == NULL) {
        st = jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                           "out of memory");
        goto done;
    }
    {
        char *argv[] = {(char *)soffice,
                        (char *)"--headless",
                        (char *)"--norestore",
                        profile,
                        (char *)"--convert-to",
                        (char *)"pdf",
                        (char *)"--outdir",
                        (char *)work,
                        input,
                        NULL};
        st = jh__spawn_wait(argv, env, log, 300, err);
    }
    /* soffice names the PDF after the workbook. */
    if (st == JH_OK && (stat(made, &sb) != 0 || sb.st_size == 0))
        st = jh_error_set2(err, JH_ERR_OUTPUT, pdf, 0, 0,
                           "LibreOffice 没有生成 PDF 文件",
                           "LibreOffice wrote no PDF");
    if (st == JH_OK && !utf8)
        st = copy_file(made, pdf, err);
    if (st == JH_OK)
        st = stamp_pdf(pdf, created, err);
    if (st == JH_ERR_NOTFOUND)
        jh_error_set2(err, JH_ERR_NOTFOUND, NULL, 0, 0,
                      "找不到 LibreOffice（“%s”）：要用 --pdf，请安装 "
                      "libreoffice-calc-nogui",
                      "LibreOffice not found ('%s'): install "
                      "libreoffice-calc-nogui for --pdf",
                      soffice);
done:
    /* The scratch profile and the log never become outputs. */
    if (profile_dir != NULL)
        jh__gp_remove_tree(profile_dir);
    if (!utf8)
        jh__gp_remove_tree(tmpdir);
    if (log != NULL)
        unlink(log);
    free(env);
    free(made);
    free(input);
    free(pdf);
    free(profile);
    free(url);
    free(profile_dir);
    free(log);
    return st;
}
