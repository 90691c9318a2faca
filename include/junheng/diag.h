/*
 * junheng - a list of warnings collected while importing and analyzing.
 *
 * Warnings never stop a run; each names where it comes from (file, line,
 * column or cell) so that outputs can list them next to the figures.
 */
#ifndef JUNHENG_DIAG_H
#define JUNHENG_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "junheng/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/** One warning.  Strings are owned by the list. */
typedef struct jh_diag {
    char *file;    /**< file, or NULL */
    long line;     /**< 1-based line or row, 0 if none */
    long column;   /**< 1-based column, 0 if none */
    char *cell;    /**< spreadsheet cell such as "Sheet1!F12", or NULL */
    char *code;    /**< school code the warning is about, or NULL */
    char *message; /**< one line, never NULL */
    char *message_zh; /**< the same in Chinese, or NULL when there is none */
} jh_diag;

/** A growable list of warnings.  Initialise with JH_DIAGS_INIT. */
typedef struct jh_diags {
    jh_diag *items;
    size_t count;
    size_t cap;
} jh_diags;

#define JH_DIAGS_INIT {NULL, 0, 0}

/** Release every warning and reset the list to empty (tolerates NULL). */
void jh_diags_release(jh_diags *list);

/**
 * Append a warning in English (@p fmt) and in Chinese (@p fmt_zh, taking
 * the same arguments in the same order).  When the conversions of the two
 * formats differ, the Chinese text is left out rather than formatted
 * wrongly (the build's cmake/check_messages.py catches that).  @p file,
 * @p cell and @p code may be NULL.  Adding to a NULL list is a no-op that
 * succeeds.  Returns JH_ERR_NOMEM on allocation failure (the list is left
 * as it was).
 */
jh_status jh_diags_add2(jh_diags *list, const char *file, long line,
                        long column, const char *cell, const char *code,
                        const char *fmt_zh, const char *fmt, ...)
    __attribute__((format(printf, 8, 9)));

/** Append a formatted error (va_list) in both languages: the worker of
 * jh_diags_add2() for callers with their own variadic functions. */
jh_status jh_diags_vadd2(jh_diags *list, const char *file, long line,
                         long column, const char *cell, const char *code,
                         const char *fmt_zh, const char *fmt, va_list ap)
    __attribute__((format(printf, 8, 0)));

/** Append a copy of @p d (both languages). */
jh_status jh_diags_append(jh_diags *list, const jh_diag *d);

/** The message of @p d in Chinese when @p zh and there is one, else in
 * English. */
const char *jh_diag_message(const jh_diag *d, bool zh);

/** Format one warning as "<file>:<line>:<col>: <message>" into @p buf. */
char *jh_diag_format(const jh_diag *d, char *buf, size_t size);

/** jh_diag_format() with the Chinese message when @p zh and there is one. */
char *jh_diag_format_lang(const jh_diag *d, bool zh, char *buf, size_t size);

#ifdef __cplusplus
}
#endif

#endif
