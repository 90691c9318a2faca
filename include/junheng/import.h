/*
 * junheng - reading a county's school file, whatever its format.
 *
 * The entry point every subcommand uses: picks the reader by the file's
 * content and extension, reads the table and maps it to schools.
 */
#ifndef JUNHENG_IMPORT_H
#define JUNHENG_IMPORT_H

#include "junheng/diag.h"
#include "junheng/encoding.h"
#include "junheng/error.h"
#include "junheng/school.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Options for jh_import_county().  Zero-initialise for defaults. */
typedef struct jh_file_options {
    jh_encoding encoding; /**< text files: JH_ENC_AUTO or forced */
    const char *sheet;    /**< workbooks: sheet name or 1-based number */
} jh_file_options;

/**
 * Read the schools in @p path (CSV or tab-separated text).  On success
 * *out is a new county the caller frees with jh_county_free().
 */
jh_status jh_import_county(jh_county **out, const char *path,
                           const jh_file_options *opts, jh_diags *warn,
                           jh_error *err);

#ifdef __cplusplus
}
#endif

#endif
