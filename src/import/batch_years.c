/*
 * junheng - a batch's files: the year column, and the year and county a
 * file's or folder's name gives (see batch_years.h).
 */
#include "batch_years.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

const char *
jh__batch_trimmed(const char *s, size_t *len)
{
    size_t n = strlen(s);

    for (;;) {
        if (n > 0 && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')) {
            s++;
            n--;
        } else if (n >= 3 && memcmp(s, "\xe3\x80\x80", 3) == 0) {
            s += 3;
            n -= 3;
        } else {
            break;
        }
    }
    for (;;) {
        char c = n > 0 ? s[n - 1] : 'x';
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            n--;
        else if (n >= 3 && memcmp(s + n - 3, "\xe3\x80\x80", 3) == 0)
            n -= 3;
        else
            break;
    }
    *len = n;
    return s;
}

static const char *const year_headers[] = {"year",     "年份", "年度",
                                           "统计年份", "学年", NULL};
/* True when header cell @p cell names one of @p names (a unit in
 * parentheses after the name allowed). */
static bool
header_is(const char *cell, const char *const *names)
{
    size_t len;
    const char *s = jh__batch_trimmed(cell, &len);
    const char *paren = NULL;

    for (size_t i = 0; i + 1 <= len; i++) {
        if (s[i] == '(' || (i + 3 <= len && memcmp(s + i, "（", 3) == 0)) {
            paren = s + i;
            break;
        }
    }
    if (paren != NULL && paren > s)
        len = (size_t)(paren - s);
    while (len > 0 && s[len - 1] == ' ')
        len--;
    for (size_t k = 0; names[k] != NULL; k++) {
        if (strlen(names[k]) == len && strncasecmp(s, names[k], len) == 0)
            return true;
    }
    return false;
}

long
jh__batch_year_column(const jh_table *t, size_t hr, size_t nh)
{
    for (size_t r = hr; r < hr + nh && r < t->nrows; r++) {
        for (size_t j = 0; j < t->rows[r].ncells; j++) {
            if (header_is(t->rows[r].cells[j], year_headers))
                return (long)j;
        }
    }
    return -1;
}

bool
jh__batch_column_used(const jh_table *t, size_t first, long col)
{
    if (col < 0)
        return false;
    for (size_t i = first; i < t->nrows; i++) {
        if (!jh__is_blank(jh__batch_cell(&t->rows[i], col)))
            return true;
    }
    return false;
}

char *
jh__batch_file_stem(const char *path)
{
    const char *base = strrchr(path, '/');
    const char *dot;

    base = base != NULL ? base + 1 : path;
    dot = strrchr(base, '.');
    return strndup(base, dot != NULL && dot != base ? (size_t)(dot - base)
                                                    : strlen(base));
}

/* Suffixes that go with a year in a name ("2023年"). */
static const char *const year_suffixes[] = {"学年", "年度", "年", NULL};

/*
 * The year in the name @p s of @p len bytes: a run of exactly four digits
 * 19xx or 20xx.  Returns it, with the bytes [*at, *end) it takes with a
 * year suffix after it; 0 when there is none or several different ones.
 */
static int
name_year(const char *s, size_t len, size_t *at, size_t *end)
{
    int found = 0;

    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && s[j] >= '0' && s[j] <= '9')
            j++;
        if (j == i) {
            i++;
            continue;
        }
        if (j - i == 4 && ((s[i] == '1' && s[i + 1] == '9') ||
                           (s[i] == '2' && s[i + 1] == '0'))) {
            int v = (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 +
                    (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
            if (found != 0 && found != v)
                return 0;
            if (found == 0) {
                size_t e = j;
                for (size_t k = 0; year_suffixes[k] != NULL; k++) {
                    size_t n = strlen(year_suffixes[k]);
                    if (len - j >= n &&
                        memcmp(s + j, year_suffixes[k], n) == 0) {
                        e = j + n;
                        break;
                    }
                }
                found = v;
                *at = i;
                *end = e;
            }
        }
        i = j;
    }
    return found;
}

/* Length of the separator at @p s (of @p len bytes), 0 when none. */
static size_t
separator_len(const char *s, size_t len)
{
    static const char *const seps[] = {
        " ",  "_",  "-",  ".", "(", ")",  "[",
        "]",  "（", "）", "·", "—", "－", "\xe3\x80\x80",
        "、", NULL};

    for (size_t k = 0; seps[k] != NULL; k++) {
        size_t n = strlen(seps[k]);
        if (len >= n && memcmp(s, seps[k], n) == 0)
            return n;
    }
    return 0;
}

/* Length of a separator ending at @p s + @p len, 0 when none. */
static size_t
separator_before(const char *s, size_t len)
{
    for (size_t n = 1; n <= 3 && n <= len; n++) {
        if (separator_len(s + len - n, n) == n)
            return n;
    }
    return 0;
}

/* @p name without the bytes [@p at, @p end) and the separators at either
 * end of what is left; malloc'd ("" when nothing is left). */
static char *
without_year(const char *name, size_t at, size_t end)
{
    size_t len = strlen(name), n = 0, a = 0, z, k;
    char *out = malloc(len + 1);

    if (out == NULL)
        return NULL;
    memcpy(out, name, at);
    memcpy(out + at, name + end, len - end);
    n = at + len - end;
    while (a < n && (k = separator_len(out + a, n - a)) > 0)
        a += k;
    z = n;
    while (z > a && (k = separator_before(out + a, z - a)) > 0)
        z -= k;
    memmove(out, out + a, z - a);
    out[z - a] = '\0';
    return out;
}

/* The last part of a path, without its extension when @p stem. */
static char *
path_base(const char *path, bool stem)
{
    return stem ? jh__batch_file_stem(path)
                : jh__strdup(strrchr(path, '/') != NULL ? strrchr(path, '/') + 1
                                                        : path);
}

/*
 * The year of file @p path, which has no 年份 column: the user's
 * (@p given), else the one in the file's name, else in its folder's name
 * (0 when none), and the county named after the file into src->stem.  See
 * jh_batch_input_read().
 */
static jh_status
file_year(jh__batch_source *src, const char *path, int given, jh_error *err)
{
    char *stem = jh__batch_file_stem(path);
    char *real = NULL, *folder = NULL, *slash;
    size_t at = 0, end = 0, fat = 0, fend = 0;
    int year, fyear = 0;

    if (stem == NULL)
        goto nomem;
    year = name_year(stem, strlen(stem), &at, &end);
    /* The folder: of the real path, so that "2023.csv" in the current
     * folder and "./2023.csv" have one. */
    real = realpath(path, NULL);
    if (real != NULL && (slash = strrchr(real, '/')) != NULL) {
        *slash = '\0';
        folder = path_base(real, false);
        if (folder == NULL)
            goto nomem;
        fyear = name_year(folder, strlen(folder), &fat, &fend);
    }
    if (year != 0) {
        src->stem = without_year(stem, at, end);
        if (src->stem == NULL)
            goto nomem;
        if (src->stem[0] == '\0' && folder != NULL && folder[0] != '\0') {
            free(src->stem);
            src->stem = fyear != 0 ? without_year(folder, fat, fend)
                                   : jh__strdup(folder);
            if (src->stem == NULL)
                goto nomem;
        }
        if (src->stem[0] == '\0') { /* "2023/2023.csv": keep the name */
            free(src->stem);
            src->stem = NULL;
        }
    }
    src->year = given != 0 ? given : year != 0 ? year : fyear;
    free(stem);
    free(real);
    free(folder);
    return JH_OK;

nomem:
    free(stem);
    free(real);
    free(folder);
    return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                         "out of memory");
}

jh_status
jh__batch_years(jh__batch_source *sources, char *const *files, size_t nfiles,
                const int *file_years, bool require_years, jh_error *err)
{
    bool any = false;
    size_t missing = nfiles;

    for (size_t f = 0; f < nfiles; f++) {
        jh__batch_source *src = &sources[f];
        const jh_table *t = src->table;
        long ycol = jh__batch_year_column(t, src->hr, src->nh);
        int given = file_years != NULL ? file_years[f] : 0;
        jh_status st;

        if (jh__batch_column_used(t, src->hr + src->nh, ycol)) {
            if (given != 0)
                return jh_error_set2(
                    err, JH_ERR_DATA, files[f], 0, 0,
                    "文件中已有“年份”列，不再采用 --year %d（请删去该选项，"
                    "或删去“年份”列）",
                    "the file has a year (年份) column: --year %d is not "
                    "taken for it (remove the option or the column)",
                    given);
            any = true;
            continue;
        }
        st = file_year(src, files[f], given, err);
        if (st != JH_OK)
            return st;
        if (src->year != 0)
            any = true;
        else if (missing == nfiles)
            missing = f;
    }
    if (missing < nfiles && (any || require_years))
        return jh_error_set2(
            err, JH_ERR_DATA, files[missing], 0, 0,
            "无法确定这个文件的年份：请任选一种方法注明年份——"
            "在表中加一列“年份”；或在文件名或所在文件夹名中写上年份"
            "（如 2023.csv、2023年青溪县.xlsx、青溪县2023/）；"
            "或在命令中加 --year %s=2023",
            "no year for this file (无法确定年份): give the table a year "
            "(年份) column, or put the year in the file's or its folder's "
            "name (2023.csv, 2023年青溪县.xlsx, 青溪县2023/), or pass "
            "--year %s=2023",
            files[missing]);
    return JH_OK;
}
