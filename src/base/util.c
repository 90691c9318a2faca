/* junheng - small helpers shared inside the library. */
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

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

static bool
blank_char(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool
number_char(unsigned char c)
{
    return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.' ||
           c == 'e' || c == 'E' || c == ' ' || c == '\t';
}

/* Powers of ten that a double holds exactly. */
static const double exact_pow10[] = {
    1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/*
 * The common cell, a plain decimal such as 1234 or 5234.5, without
 * strtod's general machinery.  With at most 15 significant digits and 22
 * decimals the number is m / 10^k where m and 10^k are both exact
 * doubles, and IEEE division rounds that quotient correctly: the double
 * strtod would give (Clinger's fast path, the first step of every
 * correctly rounding decimal reader).  Anything else (exponents, longer
 * numbers) returns false and goes to strtod_l.  *end is where it stopped.
 */
static bool
parse_plain(const char *p, double *out, const char **end)
{
    uint64_t m = 0;
    int digits = 0, decimals = 0;
    bool neg = false, any = false;
    double v;

    if (*p == '+' || *p == '-')
        neg = *p++ == '-';
    for (; *p >= '0' && *p <= '9'; p++) {
        any = true;
        if (m == 0 && *p == '0')
            continue; /* a leading zero is not significant */
        if (++digits > 15)
            return false;
        m = m * 10 + (uint64_t)(*p - '0');
    }
    if (*p == '.') {
        for (p++; *p >= '0' && *p <= '9'; p++) {
            any = true;
            if (++decimals > 22)
                return false;
            if (m == 0 && *p == '0')
                continue;
            if (++digits > 15)
                return false;
            m = m * 10 + (uint64_t)(*p - '0');
        }
    }
    if (!any || *p == 'e' || *p == 'E')
        return false;
    v = (double)m / exact_pow10[decimals];
    *out = neg ? -v : v;
    *end = p;
    return true;
}

bool
jh__parse_double(const char *text, double *out)
{
    const char *p = text, *q;
    char *end = NULL;
    double v;

    while (*p == ' ' || *p == '\t')
        p++;
    if (parse_plain(p, &v, &q)) {
        while (*q == ' ' || *q == '\t')
            q++;
        if (*q == '\0') {
            *out = v;
            return true;
        }
    }
    /* Only plain decimal notation: digits, sign, point, exponent.  This
     * rejects "nan", "inf", hex floats and anything else strtod would take. */
    for (q = p; *q != '\0'; q++) {
        if (!number_char((unsigned char)*q))
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

const char *
jh__trim_span(const char *s, size_t *len)
{
    const char *start = s;
    size_t n;

    for (;;) {
        if (blank_char((unsigned char)*start))
            start++;
        else if ((unsigned char)start[0] == 0xE3 &&
                 (unsigned char)start[1] == 0x80 &&
                 (unsigned char)start[2] == 0x80)
            start += 3;
        else
            break;
    }
    n = strlen(start);
    for (;;) {
        if (n > 0 && blank_char((unsigned char)start[n - 1]))
            n--;
        else if (n >= 3 && (unsigned char)start[n - 3] == 0xE3 &&
                 (unsigned char)start[n - 2] == 0x80 &&
                 (unsigned char)start[n - 1] == 0x80)
            n -= 3;
        else
            break;
    }
    *len = n;
    return start;
}

char *
jh__trim(char *s)
{
    size_t len;
    const char *start = jh__trim_span(s, &len);

    memmove(s, start, len);
    s[len] = '\0';
    return s;
}

bool
jh__is_blank(const char *s)
{
    for (; *s != '\0'; s++) {
        if (!blank_char((unsigned char)*s))
            return false;
    }
    return true;
}


/*
 * Large buffers.  A national file is 25 MB and its table some 60 MB: as
 * ordinary heap memory every 4 KiB page of them is a page fault on first
 * touch, and on a virtual machine a fault costs some 20 microseconds (a
 * third of a national batch went there).  These buffers are mapped
 * 2 MiB-aligned and offered to the kernel for transparent huge pages, so
 * that a few dozen faults do.  Under AddressSanitizer they are plain
 * malloc, so that reads past them are still caught.
 */
#define BIG_ALIGN ((size_t)2 << 20)
#define BIG_HEAD ((size_t)64) /* keeps the mapping's size; 64-aligned */

void *
jh__big_alloc(size_t size)
{
    char *map, *start;
    size_t total, lead;

    if (size > SIZE_MAX - BIG_HEAD - 2 * BIG_ALIGN)
        return NULL;
    /* Below the huge-page size a mapping would only waste address space
     * (and, with huge pages, a whole 2 MiB page of memory): plain malloc.
     * Under AddressSanitizer always plain malloc. */
    if (JH__ASAN || size < BIG_ALIGN - BIG_HEAD) {
        start = malloc(BIG_HEAD + size);
        if (start == NULL)
            return NULL;
        *(size_t *)(void *)start = 0;
        return start + BIG_HEAD;
    }
    total = (BIG_HEAD + size + BIG_ALIGN - 1) & ~(BIG_ALIGN - 1);
    map = mmap(NULL, total + BIG_ALIGN, PROT_READ | PROT_WRITE,
               MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (map == MAP_FAILED)
        return NULL;
    /* Keep the 2 MiB-aligned part of the mapping. */
    start = (char *)(((uintptr_t)map + BIG_ALIGN - 1) &
                     ~(uintptr_t)(BIG_ALIGN - 1));
    lead = (size_t)(start - map);
    if (lead > 0)
        munmap(map, lead);
    if (BIG_ALIGN - lead > 0)
        munmap(start + total, BIG_ALIGN - lead);
#ifdef MADV_HUGEPAGE
    madvise(start, total, MADV_HUGEPAGE);
#endif
    *(size_t *)(void *)start = total;
    return start + BIG_HEAD;
}

void
jh__big_free(void *p)
{
    char *start;
    size_t total;

    if (p == NULL)
        return;
    start = (char *)p - BIG_HEAD;
    total = *(size_t *)(void *)start;
    if (total == 0)
        free(start);
    else
        munmap(start, total);
}

void *
jh__big_realloc(void *p, size_t used, size_t size)
{
    void *n = jh__big_alloc(size);

    if (n != NULL && p != NULL && used > 0)
        memcpy(n, p, used);
    if (n != NULL)
        jh__big_free(p);
    return n;
}

jh_status
jh__input_kind(const char *path, struct stat *sb, jh_error *err)
{
    if (S_ISREG(sb->st_mode) || S_ISFIFO(sb->st_mode))
        return JH_OK;
    if (S_ISDIR(sb->st_mode))
        return jh_error_set2(err, JH_ERR_IO, path, 0, 0,
                             "这是一个文件夹，不是文件；请写出其中要读取的"
                             "文件名",
                             "is a folder, not a file");
    if (S_ISCHR(sb->st_mode) || S_ISBLK(sb->st_mode))
        return jh_error_set2(err, JH_ERR_DATA, path, 0, 0,
                             "这不是文件，而是设备；junheng 只读取文件和管道",
                             "not a file but a device: junheng reads files "
                             "and pipes");
    return jh_error_set2(err, JH_ERR_DATA, path, 0, 0,
                         "这不是文件，而是套接字或其他特殊文件；junheng 只"
                         "读取文件和管道",
                         "not a file but a socket or other special file: "
                         "junheng reads files and pipes");
}

/* jh__read_file() gives up on @p path, larger than @p max bytes: closes
 * @p f, frees @p buf. */
static jh_status
refuse_large(FILE *f, char *buf, const char *path, size_t max, jh_error *err)
{
    free(buf);
    fclose(f);
    return jh_error_set2(err, JH_ERR_DATA, path, 0, 0,
                         "文件太大，超过了 %zu 字节的上限；请确认选对了文件",
                         "file is larger than the limit of %zu bytes", max);
}

/* jh__read_file() runs out of memory reading @p path: closes @p f, frees
 * @p buf. */
static jh_status
refuse_nomem(FILE *f, char *buf, const char *path, jh_error *err)
{
    free(buf);
    fclose(f);
    return jh_error_set2(err, JH_ERR_NOMEM, path, 0, 0, "读取文件时内存不足",
                         "out of memory reading file");
}

jh_status
jh__read_file(const char *path, size_t max, char **out, size_t *len,
              jh_error *err)
{
    /* O_NONBLOCK: opening a FIFO that has no writer must not wait for
     * one (reading it then finds the end at once). */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    FILE *f;
    char *buf = NULL;
    size_t cap = 0, n = 0;
    jh_status st;

    struct stat sb;

    if (fd < 0)
        return jh_error_errno2(err, JH_ERR_IO, path, errno, "无法打开文件",
                               "cannot open");
    /* A device (/dev/zero, a terminal) or a folder is refused before a
     * byte is read; a pipe is read to its end, the limit checked as it
     * comes. */
    if (fstat(fd, &sb) != 0) {
        int e = errno;
        close(fd);
        return jh_error_errno2(err, JH_ERR_IO, path, e, "无法打开文件",
                               "cannot open");
    }
    st = jh__input_kind(path, &sb, err);
    if (st == JH_OK &&
        fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) != 0)
        st = jh_error_errno2(err, JH_ERR_IO, path, errno, "无法读取文件",
                             "cannot read");
    f = st == JH_OK ? fdopen(fd, "rb") : NULL;
    if (f == NULL) {
        if (st == JH_OK)
            st = jh_error_errno2(err, JH_ERR_IO, path, errno, "无法打开文件",
                                 "cannot open");
        close(fd);
        return st;
    }
    /* A regular file's size is known: refused before reading when it is
     * too big; else one allocation, no copies while growing (the loop
     * below still reads until the end). */
    if (S_ISREG(sb.st_mode) && (uintmax_t)sb.st_size > max)
        return refuse_large(f, NULL, path, max, err);
    if (S_ISREG(sb.st_mode)) {
        cap = (size_t)sb.st_size + 65537;
        buf = malloc(cap);
        if (buf == NULL)
            return refuse_nomem(f, NULL, path, err);
        /* The bytes go straight into the buffer, not through stdio's. */
        setvbuf(f, NULL, _IONBF, 0);
    }
    for (;;) {
        size_t got;
        if (cap - n < 65536) {
            size_t ncap = cap == 0 ? 262144 : cap * 2;
            char *nb;
            if (ncap > max + 65537)
                ncap = max + 65537;
            nb = realloc(buf, ncap);
            if (nb == NULL)
                return refuse_nomem(f, buf, path, err);
            buf = nb;
            cap = ncap;
        }
        got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (n > max)
            return refuse_large(f, buf, path, max, err);
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        int e = errno;
        free(buf);
        fclose(f);
        return jh_error_errno2(err, JH_ERR_IO, path, e, "无法读取文件",
                               "cannot read");
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

void
jh__xml_visible(char *s, size_t size)
{
    static const char hex[] = "0123456789abcdef";
    size_t n = strlen(s), extra = 0, i, j;

    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            extra += 5;
    }
    if (extra == 0)
        return;
    /* Cut at a character boundary so that the escapes fit. */
    while (n > 0 && n + extra >= size) {
        unsigned char c = (unsigned char)s[--n];
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            extra -= 5;
        while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
            n--;
    }
    s[n] = '\0';
    /* Expand from the end. */
    j = n + extra;
    s[j] = '\0';
    for (i = n; i-- > 0;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            j -= 6;
            memcpy(s + j, "\\u00", 4);
            s[j + 4] = hex[c >> 4];
            s[j + 5] = hex[c & 15];
        } else {
            s[--j] = (char)c;
        }
    }
}
