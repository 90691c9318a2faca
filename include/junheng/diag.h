/*
 * junheng - a list of warnings collected while importing and analyzing.
 *
 * Warnings never stop a run; each names where it comes from (file, line,
 * column or cell) so that outputs can list them next to the figures.
 */
#ifndef JUNHENG_DIAG_H
#define JUNHENG_DIAG_H

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
 * Append a warning.  @p file, @p cell and @p code may be NULL.  Adding to a
 * NULL list is a no-op that succeeds.  Returns JH_ERR_NOMEM on allocation
 * failure (the list is left as it was).
 */
jh_status jh_diags_add(jh_diags *list, const char *file, long line,
                       long column, const char *cell, const char *code,
                       const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

/** Format one warning as "<file>:<line>:<col>: <message>" into @p buf. */
char *jh_diag_format(const jh_diag *d, char *buf, size_t size);

#ifdef __cplusplus
}
#endif

#endif
