/* junheng - error reporting. */
#include "junheng/error.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
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

const char *
jh_strerror_zh(jh_status status)
{
    switch (status) {
    case JH_OK:
        return "成功";
    case JH_ERR_NOMEM:
        return "内存不足";
    case JH_ERR_IO:
        return "读写错误";
    case JH_ERR_ENCODING:
        return "文字编码无效";
    case JH_ERR_PARSE:
        return "文件格式有误";
    case JH_ERR_DATA:
        return "数据有误";
    case JH_ERR_STATS:
        return "统计量无法计算";
    case JH_ERR_OUTPUT:
        return "无法生成输出";
    case JH_ERR_INTERNAL:
        return "内部错误";
    case JH_ERR_ARG:
        return "参数无效";
    case JH_ERR_NOTFOUND:
        return "找不到";
    }
    return "未知错误";
}

/* The errno values a county office meets (files, folders, disks, helper
 * programs), in Chinese; the rest by number. */
static const struct {
    int errnum;
    const char *zh;
} errno_zh[] = {
    {ENOENT, "没有这个文件或文件夹"},
    {EACCES, "没有权限"},
    {EPERM, "不允许这样操作"},
    {EEXIST, "已经存在"},
    {ENOTDIR, "路径中有一项不是文件夹"},
    {EISDIR, "这是一个文件夹"},
    {ENOSPC, "磁盘已满（请腾出空间后再试）"},
    {EDQUOT, "超出磁盘配额（请腾出空间后再试）"},
    {EROFS, "磁盘只读（请换一个可写的文件夹）"},
    {EIO, "读写设备出错"},
    {ENOMEM, "内存不足"},
    {ENAMETOOLONG, "文件名太长"},
    {ELOOP, "符号链接层数太多"},
    {EMFILE, "打开的文件太多"},
    {ENFILE, "系统打开的文件太多"},
    {EBUSY, "正被占用"},
    {ENOTEMPTY, "文件夹不是空的"},
    {EXDEV, "不能跨磁盘移动"},
    {EFBIG, "文件太大"},
    {EINVAL, "参数无效"},
    {EPIPE, "输出管道已关闭"},
    {EAGAIN, "资源暂时不可用"},
    {EINTR, "被信号中断"},
    {ECHILD, "没有子进程"},
    {ENOEXEC, "不是可执行的程序"},
    {E2BIG, "参数太长"},
    {ETXTBSY, "程序文件正被占用"},
    {EBADF, "文件描述符无效"},
    {ESPIPE, "不能定位"},
    {ENXIO, "没有这个设备或地址"},
    {ENODEV, "没有这个设备"},
    {ETIMEDOUT, "超时"},
};

const char *
jh_errno_zh(int errnum)
{
    static _Thread_local char other[32];

    for (size_t i = 0; i < sizeof(errno_zh) / sizeof(errno_zh[0]); i++)
        if (errno_zh[i].errnum == errnum)
            return errno_zh[i].zh;
    snprintf(other, sizeof(other), "系统错误 %d", errnum);
    return other;
}

jh_status
jh_error_vset2(jh_error *err, jh_status status, const char *file, long line,
               long column, const char *fmt_zh, const char *fmt, va_list ap)
{
    char message[sizeof(err->message)], zh[sizeof(err->message_zh)];
    char name[sizeof(err->file)];
    va_list ap2;

    if (err == NULL)
        return status;
    /* Format before clearing: an argument may be err's own text. */
    va_copy(ap2, ap);
    vsnprintf(message, sizeof(message), fmt, ap);
    zh[0] = '\0';
    /* fmt_zh takes the arguments fmt was checked for. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    if (fmt_zh != NULL && jh_format_same_args(fmt_zh, fmt))
        vsnprintf(zh, sizeof(zh), fmt_zh, ap2);
#pragma GCC diagnostic pop
    va_end(ap2);
    snprintf(name, sizeof(name), "%s", file != NULL ? file : "");
    jh_error_clear(err);
    memcpy(err->file, name, sizeof(name));
    err->line = line;
    err->column = column;
    memcpy(err->message, message, sizeof(message));
    memcpy(err->message_zh, zh, sizeof(zh));
    return status;
}

jh_status
jh_error_set2(jh_error *err, jh_status status, const char *file, long line,
              long column, const char *fmt_zh, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    status = jh_error_vset2(err, status, file, line, column, fmt_zh, fmt, ap);
    va_end(ap);
    return status;
}

/* Append ": " and @p text to @p buf (of @p size), cut to fit. */
static void
append_detail(char *buf, size_t size, const char *sep, const char *text)
{
    size_t n = strlen(buf);

    if (n < size)
        snprintf(buf + n, size - n, "%s%s", sep, text);
}

jh_status
jh_error_errno2(jh_error *err, jh_status status, const char *file, int errnum,
                const char *fmt_zh, const char *fmt, ...)
{
    va_list ap;

    if (err == NULL)
        return status;
    va_start(ap, fmt);
    status = jh_error_vset2(err, status, file, 0, 0, fmt_zh, fmt, ap);
    va_end(ap);
    append_detail(err->message, sizeof(err->message), ": ", strerror(errnum));
    if (err->message_zh[0] != '\0')
        append_detail(err->message_zh, sizeof(err->message_zh), "：",
                      jh_errno_zh(errnum));
    return status;
}

void
jh_error_clear(jh_error *err)
{
    if (err != NULL)
        memset(err, 0, sizeof(*err));
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

/*
 * The conversions of a printf format in order, as letters ("ssld" for
 * "%s %s %ld %d"), into @p out; false when there are more than fit.
 * Flags, widths and precisions are skipped; "%%" is no conversion.
 */
static bool
conversions(const char *fmt, char *out, size_t size)
{
    size_t n = 0;

    for (const char *p = fmt; *p != '\0'; p++) {
        if (*p != '%')
            continue;
        p++;
        if (*p == '%')
            continue;
        /* A '*' takes an int argument of its own: it counts. */
        while (*p != '\0' && strchr("-+ #0123456789.*", *p) != NULL) {
            if (*p == '*') {
                if (n + 2 >= size)
                    return false;
                out[n++] = '*';
            }
            p++;
        }
        while (*p != '\0' && strchr("hlLqjzt", *p) != NULL) {
            if (n + 2 >= size)
                return false;
            out[n++] = *p++;
        }
        if (*p == '\0' || n + 2 >= size)
            return false;
        out[n++] = *p;
    }
    out[n] = '\0';
    return true;
}

/* The two formats take the same arguments. */
bool
jh_format_same_args(const char *a, const char *b)
{
    char ca[64], cb[64];

    return conversions(a, ca, sizeof(ca)) && conversions(b, cb, sizeof(cb)) &&
           strcmp(ca, cb) == 0;
}
