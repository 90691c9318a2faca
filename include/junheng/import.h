/*
 * junheng - reading a county's school file, whatever its format.
 *
 * The entry point every subcommand uses: picks the reader by the file's
 * content (zip → .xlsx, OLE2 → .xls, anything else → CSV or tab-separated
 * text), selects the sheet of a workbook, finds the header and maps the
 * table to schools.
 */
#ifndef JUNHENG_IMPORT_H
#define JUNHENG_IMPORT_H

#include "junheng/diag.h"
#include "junheng/encoding.h"
#include "junheng/error.h"
#include "junheng/school.h"
#include "junheng/school_reader.h"
#include "junheng/table.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Options for jh_import_county().  Zero-initialise for defaults. */
typedef struct jh_file_options {
    jh_encoding encoding; /**< text files: JH_ENC_AUTO or forced */
    /**
     * Workbooks: the sheet's name, or its 1-based number when no sheet has
     * that name.  NULL: the first visible sheet whose first
     * JH_HEADER_SCAN_ROWS rows hold the required columns (code, name,
     * type), else the first visible sheet.  Ignored, with a warning, for
     * text files.
     */
    const char *sheet;
} jh_file_options;

/**
 * Read the file at @p path into a table: the selected sheet of an .xlsx or
 * .xls workbook, or the whole of a CSV or tab-separated text file.
 *
 * @param out  receives a table the caller frees with jh_table_free()
 * @return JH_OK; JH_ERR_NOTFOUND for a sheet the workbook does not have
 *         (the message lists the sheets); otherwise the reader's error,
 *         which names the file (and entry or sheet).
 */
jh_status jh_import_table(jh_table **out, const char *path,
                          const jh_file_options *opts, jh_diags *warn,
                          jh_error *err);

/**
 * Read the schools in @p path (see jh_import_table()), finding the header
 * as jh_school_find_header() does.  For .xls files, blank cells in
 * enrollment and building columns add a warning that FreeXL reads formula
 * cells as blank.
 *
 * @param county  receives the county (free with jh_county_free())
 * @param table   receives the table it was read from, or NULL when not
 *                wanted (free with jh_table_free())
 * @param iopts   import options (NULL for defaults); find_header is always
 *                set; with iopts->errors, row errors are collected as
 *                jh_county_from_table() describes
 */
jh_status jh_import_file(jh_county **county, jh_table **table, const char *path,
                         const jh_file_options *fopts,
                         const jh_import_options *iopts, jh_diags *warn,
                         jh_error *err);

/**
 * Read the schools in @p path: jh_import_file() without the table.  On
 * success *out is a new county the caller frees with jh_county_free().
 */
jh_status jh_import_county(jh_county **out, const char *path,
                           const jh_file_options *opts, jh_diags *warn,
                           jh_error *err);

#ifdef __cplusplus
}
#endif

#endif
