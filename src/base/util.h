/* junheng - small helpers shared inside the library (not public API). */
#ifndef JUNHENG_UTIL_H
#define JUNHENG_UTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "junheng/error.h"

/* 1 when built with AddressSanitizer: large data then keeps ordinary
 * malloc blocks, so that reads past them are still caught. */
#if defined(__SANITIZE_ADDRESS__)
#define JH__ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define JH__ASAN 1
#endif
#endif
#ifndef JH__ASAN
#define JH__ASAN 0
#endif

/** strdup that tolerates NULL (returns NULL). */
char *jh__strdup(const char *s);

/** malloc'd printf. */
char *jh__asprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/**
 * Parse a decimal number in the C locale, whatever the process locale is.
 * Leading and trailing ASCII blanks are allowed; anything else (letters,
 * hex, "nan", "inf", an empty string) fails.  Returns false on failure.
 */
bool jh__parse_double(const char *text, double *out);

/**
 * The part of @p s without leading and trailing ASCII whitespace and
 * U+3000 (ideographic space): its start, and its length in *@p len.
 */
const char *jh__trim_span(const char *s, size_t *len);

/** Trim ASCII whitespace and U+3000 (ideographic space) in place. */
char *jh__trim(char *s);

/** True when @p s is empty or only blanks. */
bool jh__is_blank(const char *s);

/**
 * True when @p len bytes at @p text are valid UTF-8 without a NUL byte
 * (strict: no overlong forms, surrogates or values past U+10FFFF).  A
 * check, not a conversion: text that passes is used where it is; anything
 * else goes through iconv, which converts it or says where it is wrong.
 */
bool jh__utf8_valid(const char *text, size_t len);

/**
 * A file or folder name (bytes, as the system gives them) as valid UTF-8
 * for reports and messages.  Valid UTF-8 is kept; each '/'-separated part
 * that is not is decoded as GB18030 when all of it decodes (names from a
 * Windows archive unpacked here are GBK), else every byte of it that is not
 * UTF-8 is shown as "\xHH" (upper-case hex), so nothing is dropped.
 * malloc'd; NULL when out of memory.  Only for showing: open files by the
 * name as given.
 */
char *jh__display_name(const char *name);

/**
 * Make @p s (NUL-terminated, in a buffer of @p size bytes) fit for XML 1.0,
 * which cannot hold C0 control characters other than tab, newline and
 * carriage return: each becomes "\u00XX" (ESC is "\u001b"), as far as
 * the buffer holds (what does not fit is cut, at a character boundary).
 * For text libxlsxwriter writes without escaping (document properties).
 */
void jh__xml_visible(char *s, size_t size);

struct stat;

/**
 * JH_OK when @p sb (of @p path) is something junheng reads as input: a
 * regular file or a pipe.  A folder, a device (/dev/zero, a terminal) or a
 * socket is an error naming @p path, before any byte is read.
 */
jh_status jh__input_kind(const char *path, struct stat *sb, jh_error *err);

/**
 * Read a whole file or pipe into a malloc'd buffer (NUL-terminated), at
 * most @p max bytes: a bigger regular file is refused before reading, a
 * pipe as soon as it has given more.  A FIFO without a writer reads as
 * empty at once; a device or folder is refused (jh__input_kind()).
 */
jh_status jh__read_file(const char *path, size_t max, char **out,
                        size_t *len, jh_error *err);

/**
 * A buffer of @p size bytes for large data written once (a file's bytes, a
 * table's rows): mapped 2 MiB-aligned for transparent huge pages, where
 * the page faults of ordinary heap memory would cost more than the work.
 * Free it with jh__big_free() only.  NULL when out of memory.
 */
void *jh__big_alloc(size_t size);

/**
 * Move the first @p used bytes of big buffer @p p (may be NULL) to a new
 * big buffer of @p size bytes and free @p p; NULL (and @p p untouched)
 * when out of memory.
 */
void *jh__big_realloc(void *p, size_t used, size_t size);

/** Free a jh__big_alloc() buffer (tolerates NULL). */
void jh__big_free(void *p);

/** Format a double with %.*g in the C locale into @p buf. */
char *jh__fmt_general(double v, int precision, char *buf, size_t size);

/** Format a double with %.*f in the C locale into @p buf. */
char *jh__fmt_fixed(double v, int decimals, char *buf, size_t size);

#endif
