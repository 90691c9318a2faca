/*
 * junheng - error reporting shared by every module.
 *
 * Fallible functions return a jh_status (JH_OK == 0) and take an optional
 * caller-owned jh_error as their last argument.  The error carries the place
 * of bad input (file, line and column, or a spreadsheet cell such as
 * "Sheet1!F12") and a one-line message that says what is wrong first.
 */
#ifndef JUNHENG_ERROR_H
#define JUNHENG_ERROR_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Status codes.  Appended only, never renumbered. */
typedef enum jh_status {
    JH_OK = 0,          /**< success */
    JH_ERR_NOMEM = 1,   /**< out of memory */
    JH_ERR_IO = 2,      /**< a file could not be read or written */
    JH_ERR_ENCODING = 3,/**< input bytes are not valid in the encoding */
    JH_ERR_PARSE = 4,   /**< malformed file (broken quoting, bad syntax) */
    JH_ERR_DATA = 5,    /**< well-formed file with invalid content */
    JH_ERR_STATS = 6,   /**< a statistic is undefined (zero mean, no weight) */
    JH_ERR_OUTPUT = 7,  /**< an output could not be produced */
    JH_ERR_INTERNAL = 8,/**< an invariant failed: a bug in junheng */
    JH_ERR_ARG = 9,     /**< invalid argument from the caller */
    JH_ERR_NOTFOUND = 10 /**< a named thing (sheet, standard) does not exist */
} jh_status;

/**
 * Where and what went wrong.  Every field may be empty or zero.
 *
 * Languages: every error is set in both (jh_error_set2() and the functions
 * built on it): @c message is English, @c message_zh the same in Chinese.
 * There is no English-only setter: the build (cmake/check_messages.py)
 * fails on a message without its Chinese text.  The front end prints the
 * Chinese text unless the user asked for English (--lang en): see
 * jh_error_format_lang().
 */
typedef struct jh_error {
    char file[512];   /**< file the problem is in ("" when none) */
    long line;        /**< 1-based line (CSV) or row (sheet); 0 if unknown */
    long column;      /**< 1-based column; 0 if unknown */
    char cell[64];    /**< spreadsheet cell such as "Sheet1!F12", or "" */
    char message[1024];   /**< one line, lower-case start, no full stop */
    char message_zh[1024];/**< the same in Chinese, or "" */
} jh_error;

/** Return a static, never-NULL description of a status code. */
const char *jh_strerror(jh_status status);

/** Clear every field of an error (tolerates NULL). */
void jh_error_clear(jh_error *err);

/**
 * Fill @p err (when not NULL) with a location and a printf-style message in
 * two languages and return @p status, so that callers can write
 * `return jh_error_set2(...)`.  @p file may be NULL; @p line and @p column
 * may be 0.  @p fmt_zh (Chinese) and @p fmt (English) take the same
 * arguments in the same order, and both texts are kept, message_zh and
 * message; where the two languages need different words for an argument,
 * pass both and skip the other's with "%.0s".  The compiler checks @p fmt against the
 * arguments; the build (cmake/check_messages.py) checks that @p fmt_zh is
 * Chinese and has the same conversions; at run time a @p fmt_zh whose
 * conversions differ is dropped (the English text is shown), never used.
 */
jh_status jh_error_set2(jh_error *err, jh_status status, const char *file,
                        long line, long column, const char *fmt_zh,
                        const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

/** jh_error_set2() for callers with their own variadic functions. */
jh_status jh_error_vset2(jh_error *err, jh_status status, const char *file,
                         long line, long column, const char *fmt_zh,
                         const char *fmt, va_list ap)
    __attribute__((format(printf, 7, 0)));

/**
 * jh_error_set2() for a failed system call: the texts of @p errnum are
 * appended, "：<Chinese>" to the Chinese message (jh_errno_zh()) and
 * ": <strerror>" to the English one.
 */
jh_status jh_error_errno2(jh_error *err, jh_status status, const char *file,
                          int errnum, const char *fmt_zh, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/** Whether two printf formats take the same arguments: the same
 * conversions in the same order ("%s：%ld" and "%s: %ld"). */
bool jh_format_same_args(const char *a, const char *b);

/** Chinese text of a status code (jh_strerror() is the English one). */
const char *jh_strerror_zh(jh_status status);

/** Chinese text of an errno value, as strerror() is the English one (C
 * locale): the common ones by name, others as "系统错误 N". */
const char *jh_errno_zh(int errnum);

/**
 * Format an error as "<file>:<line>:<col>: <message>" (or with the cell
 * instead of line and column) into @p buf.  Returns @p buf.
 */
char *jh_error_format(const jh_error *err, char *buf, size_t size);

/**
 * As jh_error_format(), with the Chinese message when @p zh is true and
 * the error has one (message_zh), the English one otherwise.
 */
char *jh_error_format_lang(const jh_error *err, int zh, char *buf,
                           size_t size);

/** Write the spreadsheet name of a column (1 → "A", 27 → "AA"). */
char *jh_column_letters(long column, char *buf, size_t size);

#ifdef __cplusplus
}
#endif

#endif
