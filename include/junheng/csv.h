/*
 * junheng - reading delimited text files (CSV, TSV) into a jh_table.
 *
 * Parsing is done by libcsv in strict mode, after the whole file has been
 * converted to UTF-8.  Each row records the line where it starts.
 */
#ifndef JUNHENG_CSV_H
#define JUNHENG_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "junheng/encoding.h"
#include "junheng/error.h"
#include "junheng/table.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Largest file junheng reads, in bytes (1 GiB). */
#define JH_CSV_MAX_FILE ((size_t)1 << 30)

/** Longest cell accepted, in bytes (64 KiB); longer cells are an error. */
#define JH_CSV_MAX_CELL ((size_t)64 * 1024)

/** Options for reading a delimited file.  Zero-initialise for defaults. */
typedef struct jh_csv_options {
    jh_encoding encoding; /**< JH_ENC_AUTO (default) or a forced encoding */
    char delimiter;       /**< 0: ',' unless the first line has only tabs */
    /** The caller has checked @p data with jh__utf8_valid() (valid UTF-8,
     * no NUL byte; encoding must be JH_ENC_UTF8): it is not checked again
     * and is parsed where it is.  Unchecked valid UTF-8 is parsed in place
     * too, after the check. */
    bool utf8_checked;
} jh_csv_options;

/**
 * Parse @p len bytes of a delimited file named @p source (used in messages).
 * On success *out is a new table the caller frees with jh_table_free().
 * Errors: JH_ERR_ENCODING, JH_ERR_PARSE (broken quoting, with its line),
 * JH_ERR_DATA (cell too long), JH_ERR_NOMEM.
 */
jh_status jh_csv_parse(jh_table **out, const char *data, size_t len,
                       const char *source, const jh_csv_options *opts,
                       jh_error *err);

/** Read and parse the file at @p path (see jh_csv_parse()). */
jh_status jh_csv_read_file(jh_table **out, const char *path,
                           const jh_csv_options *opts, jh_error *err);

#ifdef __cplusplus
}
#endif

#endif
