/* junheng - error reporting. */
#include "junheng/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *
jh_strerror(jh_status status)
{
    switch (status) {
    case JH_OK:
        return "success";
    case JH_ERR_NOMEM:
        return "out of memory";
    case JH_ERR_IO:
        return "input/output error";
    case JH_ERR_ENCODING:
        return "invalid text encoding";
    case JH_ERR_PARSE:
        return "malformed file";
    case JH_ERR_DATA:
        return "invalid data";
    case JH_ERR_STATS:
        return "statistic undefined";
    case JH_ERR_OUTPUT:
        return "output failed";
    case JH_ERR_INTERNAL:
        return "internal error";
    case JH_ERR_ARG:
        return "invalid argument";
    case JH_ERR_NOTFOUND:
        return "not found";
    }
    return "unknown error";
}

void
jh_error_clear(jh_error *err)
{
    if (err != NULL)
        memset(err, 0, sizeof(*err));
}

jh_status
jh_error_set(jh_error *err, jh_status status, const char *file, long line,
             long column, const char *fmt, ...)
{
    va_list ap;
    char message[sizeof(err->message)], name[sizeof(err->file)];

    if (err == NULL)
        return status;
    /* Format before clearing: an argument may be err's own message or
     * file (snprintf into its own argument is undefined). */
    va_start(ap, fmt);
    vsnprintf(message, sizeof(message), fmt, ap);
    va_end(ap);
    snprintf(name, sizeof(name), "%s", file != NULL ? file : "");
    jh_error_clear(err);
    memcpy(err->file, name, sizeof(name));
    err->line = line;
    err->column = column;
    memcpy(err->message, message, sizeof(message));
    return status;
}

void
jh_error_set_zh(jh_error *err, const char *fmt, ...)
{
    va_list ap;
    char message[sizeof(err->message_zh)];

    if (err == NULL)
        return;
    va_start(ap, fmt);
    vsnprintf(message, sizeof(message), fmt, ap);
    va_end(ap);
    memcpy(err->message_zh, message, sizeof(message));
}

char *
jh_error_format(const jh_error *err, char *buf, size_t size)
{
    return jh_error_format_lang(err, 0, buf, size);
}

char *
jh_error_format_lang(const jh_error *err, int zh, char *buf, size_t size)
{
    const char *message;

    if (size == 0)
        return buf;
    if (err == NULL) {
        buf[0] = '\0';
        return buf;
    }
    message = zh && err->message_zh[0] != '\0' ? err->message_zh : err->message;
    if (err->file[0] != '\0' && err->cell[0] != '\0')
        snprintf(buf, size, "%s: %s: %s", err->file, err->cell, message);
    else if (err->file[0] != '\0' && err->line > 0 && err->column > 0)
        snprintf(buf, size, "%s:%ld:%ld: %s", err->file, err->line, err->column,
                 message);
    else if (err->file[0] != '\0' && err->line > 0)
        snprintf(buf, size, "%s:%ld: %s", err->file, err->line, message);
    else if (err->file[0] != '\0')
        snprintf(buf, size, "%s: %s", err->file, message);
    else
        snprintf(buf, size, "%s", message);
    return buf;
}

char *
jh_column_letters(long column, char *buf, size_t size)
{
    char tmp[16];
    size_t n = 0;

    if (size == 0)
        return buf;
    while (column > 0 && n < sizeof(tmp)) {
        column--;
        tmp[n++] = (char)('A' + column % 26);
        column /= 26;
    }
    if (n + 1 > size)
        n = size - 1;
    for (size_t i = 0; i < n; i++)
        buf[i] = tmp[n - 1 - i];
    buf[n] = '\0';
    return buf;
}
