/* junheng - converting text files to UTF-8 with iconv. */
#include "junheng/encoding.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

jh_status
jh_encoding_parse(const char *name, jh_encoding *out)
{
    static const struct {
        const char *name;
        jh_encoding enc;
    } names[] = {
        {"auto", JH_ENC_AUTO},        {"utf-8", JH_ENC_UTF8},
        {"utf8", JH_ENC_UTF8},        {"utf-8-sig", JH_ENC_UTF8},
        {"gbk", JH_ENC_GB18030},      {"gb2312", JH_ENC_GB18030},
        {"gb18030", JH_ENC_GB18030},  {"cp936", JH_ENC_GB18030},
        {"utf-16le", JH_ENC_UTF16LE}, {"utf-16", JH_ENC_UTF16LE},
        {"utf16", JH_ENC_UTF16LE},
    };

    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        if (strcasecmp(name, names[i].name) == 0) {
            *out = names[i].enc;
            return JH_OK;
        }
    }
    return JH_ERR_ARG;
}

const char *
jh_encoding_name(jh_encoding enc)
{
    switch (enc) {
    case JH_ENC_UTF8:
        return "UTF-8";
    case JH_ENC_GB18030:
        return "GB18030";
    case JH_ENC_UTF16LE:
        return "UTF-16LE";
    case JH_ENC_AUTO:
        break;
    }
    return "auto";
}

bool
jh__utf8_valid(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;

    while (i < len) {
        unsigned char c = s[i];
        size_t n;
        unsigned long cp;
        /* Runs of ASCII eight bytes at a time: no high bit, no NUL byte. */
        if (c < 0x80 && i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if ((w & 0x8080808080808080ULL) == 0 &&
                ((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL) ==
                    0) {
                i += 8;
                continue;
            }
        }
        if (c < 0x80) {
            if (c == 0)
                return false;
            i++;
            continue;
        }
        if (c >= 0xc2 && c <= 0xdf)
            n = 1, cp = c & 0x1fUL;
        else if (c >= 0xe0 && c <= 0xef)
            n = 2, cp = c & 0x0fUL;
        else if (c >= 0xf0 && c <= 0xf4)
            n = 3, cp = c & 0x07UL;
        else
            return false;
        for (size_t k = 1; k <= n; k++) {
            if (i + k >= len || (s[i + k] & 0xc0) != 0x80)
                return false;
            cp = (cp << 6) | (s[i + k] & 0x3fUL);
        }
        /* Overlong forms, surrogates and values past U+10FFFF. */
        if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
            cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return false;
        i += n + 1;
    }
    return true;
}

static long
line_of(const char *data, size_t offset)
{
    long line = 1;

    for (size_t i = 0; i < offset; i++) {
        if (data[i] == '\n')
            line++;
    }
    return line;
}

/*
 * Convert with iconv from @p from to UTF-8.  On an invalid or incomplete
 * sequence returns JH_ERR_ENCODING and stores the byte offset in *bad.
 */
static jh_status
convert(const char *from, const char *data, size_t len, char **out,
        size_t *out_len, size_t *bad)
{
    iconv_t cd = iconv_open("UTF-8", from);
    size_t cap = len * 2 + 16, used = 0;
    char *buf;
    char *in = (char *)data;
    size_t inleft = len;

    if (cd == (iconv_t)-1)
        return JH_ERR_INTERNAL;
    buf = malloc(cap);
    if (buf == NULL) {
        iconv_close(cd);
        return JH_ERR_NOMEM;
    }
    while (inleft > 0) {
        char *o = buf + used;
        size_t oleft = cap - used - 1;
        size_t r = iconv(cd, &in, &inleft, &o, &oleft);
        used = (size_t)(o - buf);
        if (r != (size_t)-1)
            break;
        if (errno == E2BIG) {
            char *nb = realloc(buf, cap * 2);
            if (nb == NULL) {
                free(buf);
                iconv_close(cd);
                return JH_ERR_NOMEM;
            }
            buf = nb;
            cap *= 2;
            continue;
        }
        *bad = (size_t)(in - data);
        free(buf);
        iconv_close(cd);
        return JH_ERR_ENCODING;
    }
    iconv_close(cd);
    buf[used] = '\0';
    *out = buf;
    *out_len = used;
    return JH_OK;
}

jh_status
jh_encoding_to_utf8(char **out, size_t *out_len, jh_encoding *detected,
                    const char *data, size_t len, jh_encoding enc,
                    const char *file, jh_error *err)
{
    const unsigned char *u = (const unsigned char *)data;
    size_t bad = 0, n = 0;
    char *buf = NULL;
    jh_status st;
    const char *name;

    if (enc == JH_ENC_AUTO) {
        if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE)
            enc = JH_ENC_UTF16LE;
        else if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
            enc = JH_ENC_UTF8;
    }
    if (enc == JH_ENC_UTF16LE && len >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
        data += 2;
        len -= 2;
    }
    if (enc == JH_ENC_UTF8 && len >= 3 && u[0] == 0xEF && u[1] == 0xBB &&
        u[2] == 0xBF) {
        data += 3;
        len -= 3;
    }

    if (enc == JH_ENC_AUTO) {
        /* Strict UTF-8 first: GB18030 would "decode" UTF-8 into garbage. */
        st = convert("UTF-8", data, len, &buf, &n, &bad);
        if (st == JH_OK) {
            enc = JH_ENC_UTF8;
        } else if (st == JH_ERR_ENCODING) {
            size_t bad_utf8 = bad;
            st = convert("GB18030", data, len, &buf, &n, &bad);
            /* Name the byte of the reading that got further: a UTF-8 file
             * with one stray byte fails as GB18030 near its start. */
            if (st == JH_ERR_ENCODING && bad_utf8 > bad)
                bad = bad_utf8;
            if (st == JH_ERR_ENCODING)
                return jh_error_set2(
                    err, JH_ERR_ENCODING, file, line_of(data, bad), 0,
                    "文字编码既不是 UTF-8 也不是 GBK/GB18030（无效字节 "
                    "0x%02X，位于第 %zu 字节后）；请用 --encoding 指明编码，"
                    "或把文件另存为 UTF-8 编码的 CSV",
                    "text is neither UTF-8 nor GBK/GB18030: invalid byte "
                    "0x%02X at offset %zu (use --encoding to say which)",
                    (unsigned char)data[bad], bad);
            enc = JH_ENC_GB18030;
        }
    } else {
        name = enc == JH_ENC_GB18030   ? "GB18030"
               : enc == JH_ENC_UTF16LE ? "UTF-16LE"
                                       : "UTF-8";
        st = convert(name, data, len, &buf, &n, &bad);
        if (st == JH_ERR_ENCODING)
            return jh_error_set2(
                err, JH_ERR_ENCODING, file,
                enc == JH_ENC_UTF16LE ? 0 : line_of(data, bad), 0,
                "文字不是有效的 %s 编码（无效字节 0x%02X，位于第 %zu 字节后）；"
                "请检查 --encoding 是否选对",
                "text is not valid %s: invalid byte 0x%02X at offset %zu", name,
                (unsigned char)data[bad], bad);
    }
    if (st == JH_ERR_NOMEM)
        return jh_error_set2(err, st, file, 0, 0, "内存不足", "out of memory");
    if (st != JH_OK)
        return jh_error_set2(err, st, file, 0, 0,
                             "系统的 iconv 无法转换这种编码",
                             "iconv cannot convert this encoding");
    /* A NUL byte would silently cut every string short. */
    if (memchr(buf, '\0', n) != NULL) {
        size_t at = (size_t)((char *)memchr(buf, '\0', n) - buf);
        long line = line_of(buf, at);
        free(buf);
        return jh_error_set2(err, JH_ERR_ENCODING, file, line, 0,
                             "文件中有 NUL 字节：可能是二进制文件，或是没有字节"
                             "顺序标记（BOM）的 UTF-16 文本；请另存为 UTF-8 "
                             "编码的 CSV",
                             "text contains a NUL byte (a binary file, or "
                             "UTF-16 without a byte-order mark?)");
    }
    /* A BOM inside UTF-16 or a forced encoding shows up as U+FEFF. */
    if (n >= 3 && (unsigned char)buf[0] == 0xEF &&
        (unsigned char)buf[1] == 0xBB && (unsigned char)buf[2] == 0xBF) {
        memmove(buf, buf + 3, n - 2);
        n -= 3;
    }
    *out = buf;
    if (out_len != NULL)
        *out_len = n;
    if (detected != NULL)
        *detected = enc;
    return JH_OK;
}

/* Copy @p len bytes at @p p to @p o, each byte that is not part of valid
 * UTF-8 as "\xHH"; returns the end of what was written. */
static char *
escape_invalid(char *o, const char *p, size_t len)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t i = 0;

    while (i < len) {
        unsigned char c = (unsigned char)p[i];
        size_t k = c < 0x80                 ? 1
                   : c >= 0xc2 && c <= 0xdf ? 2
                   : c >= 0xe0 && c <= 0xef ? 3
                   : c >= 0xf0 && c <= 0xf4 ? 4
                                            : 0;
        if (k > 0 && i + k <= len && jh__utf8_valid(p + i, k)) {
            memcpy(o, p + i, k);
            o += k;
            i += k;
        } else {
            *o++ = '\\';
            *o++ = 'x';
            *o++ = hex[c >> 4];
            *o++ = hex[c & 15];
            i++;
        }
    }
    return o;
}

char *
jh__display_name(const char *name)
{
    size_t n = strlen(name);
    char *out, *o;
    const char *p = name;

    if (jh__utf8_valid(name, n))
        return jh__strdup(name);
    /* GB18030 gives at most 3 bytes of UTF-8 for 2, an escape 4 for 1. */
    out = malloc(4 * n + 1);
    if (out == NULL)
        return NULL;
    o = out;
    while (*p != '\0') {
        size_t len = strcspn(p, "/");
        if (len > 0 && jh__utf8_valid(p, len)) {
            memcpy(o, p, len);
            o += len;
        } else if (len > 0) {
            char *u = NULL;
            size_t ulen = 0, bad = 0;
            jh_status st = convert("GB18030", p, len, &u, &ulen, &bad);
            if (st == JH_ERR_NOMEM) {
                free(out);
                return NULL;
            }
            if (st == JH_OK && ulen <= 2 * len && jh__utf8_valid(u, ulen)) {
                memcpy(o, u, ulen);
                o += ulen;
            } else {
                o = escape_invalid(o, p, len);
            }
            free(u);
        }
        p += len;
        if (*p == '/')
            *o++ = *p++;
    }
    *o = '\0';
    return out;
}
