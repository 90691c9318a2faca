/* junheng - small helpers shared inside the library. */
#include "util.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

char *
jh__strdup(const char *s)
{
    return s == NULL ? NULL : strdup(s);
}

char *
jh__asprintf(const char *fmt, ...)
{
    va_list ap;
    char *out = NULL;
    int n;

    va_start(ap, fmt);
    n = vasprintf(&out, fmt, ap);
    va_end(ap);
    return n < 0 ? NULL : out;
}

/* One C-locale object for the whole process; newlocale is thread-safe and
 * the object is never freed (it lives as long as the library). */
static locale_t
c_locale(void)
{
    static locale_t loc = (locale_t)0;

    if (loc == (locale_t)0)
        loc = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
    return loc;
}

bool
jh__parse_double(const char *text, double *out)
{
    const char *p = text;
    char *end = NULL;
    double v;

    while (*p == ' ' || *p == '\t')
        p++;
    /* Only plain decimal notation: digits, sign, point, exponent.  This
     * rejects "nan", "inf", hex floats and anything else strtod would take. */
    for (const char *q = p; *q != '\0'; q++) {
        if (!strchr("0123456789+-.eE \t", *q))
            return false;
    }
    if (*p == '\0')
        return false;
    errno = 0;
    v = strtod_l(p, &end, c_locale());
    if (end == p || errno == ERANGE)
        return false;
    while (*end == ' ' || *end == '\t')
        end++;
    if (*end != '\0' || !isfinite(v))
        return false;
    *out = v;
    return true;
}

char *
jh__trim(char *s)
{
    char *start = s;
    size_t len;

    for (;;) {
        if (*start == ' ' || *start == '\t' || *start == '\r' ||
            *start == '\n')
            start++;
        else if ((unsigned char)start[0] == 0xE3 &&
                 (unsigned char)start[1] == 0x80 &&
                 (unsigned char)start[2] == 0x80)
            start += 3;
        else
            break;
    }
    len = strlen(start);
    for (;;) {
        if (len > 0 && strchr(" \t\r\n", start[len - 1]))
            len--;
        else if (len >= 3 && (unsigned char)start[len - 3] == 0xE3 &&
                 (unsigned char)start[len - 2] == 0x80 &&
                 (unsigned char)start[len - 1] == 0x80)
            len -= 3;
        else
            break;
    }
    memmove(s, start, len);
    s[len] = '\0';
    return s;
}

bool
jh__is_blank(const char *s)
{
    for (; *s != '\0'; s++) {
        if (!strchr(" \t\r\n", *s))
            return false;
    }
    return true;
}

jh_status
jh__read_file(const char *path, size_t max, char **out, size_t *len,
              jh_error *err)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0;

    struct stat sb;

    if (f == NULL)
        return jh_error_set(err, JH_ERR_IO, path, 0, 0, "cannot open: %s",
                            strerror(errno));
    /* A regular file's size is known: one allocation, no copies while
     * growing (the loop below still reads until the end). */
    if (fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode) &&
        (size_t)sb.st_size <= max) {
        cap = (size_t)sb.st_size + 65537;
        buf = malloc(cap);
        if (buf == NULL) {
            fclose(f);
            return jh_error_set(err, JH_ERR_NOMEM, path, 0, 0,
                                "out of memory reading file");
        }
    }
    for (;;) {
        size_t got;
        if (cap - n < 65536) {
            size_t ncap = cap == 0 ? 262144 : cap * 2;
            char *nb;
            if (ncap > max + 65537)
                ncap = max + 65537;
            nb = realloc(buf, ncap);
            if (nb == NULL) {
                free(buf);
                fclose(f);
                return jh_error_set(err, JH_ERR_NOMEM, path, 0, 0,
                                    "out of memory reading file");
            }
            buf = nb;
            cap = ncap;
        }
        got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (n > max) {
            free(buf);
            fclose(f);
            return jh_error_set(err, JH_ERR_DATA, path, 0, 0,
                                "file is larger than the limit of %zu bytes",
                                max);
        }
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        int e = errno;
        free(buf);
        fclose(f);
        return jh_error_set(err, JH_ERR_IO, path, 0, 0, "cannot read: %s",
                            strerror(e));
    }
    fclose(f);
    buf[n] = '\0';
    *out = buf;
    if (len != NULL)
        *len = n;
    return JH_OK;
}

char *
jh__fmt_fixed(double v, int decimals, char *buf, size_t size)
{
    locale_t old = uselocale(c_locale());
    if (isnan(v))
        snprintf(buf, size, "-");
    else
        snprintf(buf, size, "%.*f", decimals, v);
    uselocale(old);
    return buf;
}

char *
jh__fmt_general(double v, int precision, char *buf, size_t size)
{
    locale_t old = uselocale(c_locale());
    snprintf(buf, size, "%.*g", precision, v);
    uselocale(old);
    return buf;
}
