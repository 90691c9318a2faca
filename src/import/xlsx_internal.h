/* junheng - what the .xlsx reader's parts share: the open workbook, growing
 * text and the XML plumbing (xlsx_package.c), read by the worksheet and
 * shared-string reader (xlsx.c).  Internal. */
#ifndef JH_XLSX_INTERNAL_H
#define JH_XLSX_INTERNAL_H

#include <expat.h>
#include <stdbool.h>
#include <stddef.h>
#include <zip.h>

#include "junheng/xlsx.h"

/* ---- the workbook ------------------------------------------------------ */

typedef struct xsheet {
    char *name;
    char
        *part; /* zip entry of the worksheet, e.g. "xl/worksheets/sheet1.xml" */
    bool hidden;
} xsheet;

struct jh_xlsx {
    zip_t *zip;
    char *path; /* file name for messages */
    jh_xlsx_limits lim;
    size_t total; /* uncompressed bytes read so far, all entries */
    xsheet *sheets;
    size_t nsheets;
    char *sst_part; /* shared strings entry, NULL when there is none */
    bool sst_loaded;
    char **sst;
    size_t nsst, sst_cap;
};

/* ---- growing text ------------------------------------------------------ */

/* A growable NUL-terminated string. */
typedef struct sbuf {
    char *s;
    size_t len, cap;
} sbuf;

/* ---- XML plumbing ------------------------------------------------------ */

/* What every handler shares: the parser, the first failure, the entry. */
typedef struct xml_ctx {
    XML_Parser parser;
    jh_xlsx *x;
    const char *entry; /* zip entry being parsed */
    jh_status status;  /* first failure inside a handler */
    jh_error *err;     /* filled by jh__xml_fail() */
} xml_ctx;

/* Append @p n bytes; false when out of memory. */
bool jh__sbuf_add(sbuf *b, const char *p, size_t n);
void jh__sbuf_clear(sbuf *b);
/* Record a failure from inside a handler and stop the parser (only the
 * first failure is kept).  @p fmt_zh and @p fmt are the Chinese and English
 * texts, taking the same arguments (as jh_error_set2()). */
void jh__xml_fail(xml_ctx *ctx, jh_status st, const char *cell,
                  const char *fmt_zh, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* The local part of a namespaced element or attribute name. */
const char *jh__xml_local_name(const char *name);
/* The value of attribute @p name (local name), or NULL. */
const char *jh__xml_attr(const XML_Char **atts, const char *name);
/* A safe namespace-aware parser for @p ctx; NULL when out of memory. */
XML_Parser jh__xml_parser_new(xml_ctx *ctx, XML_StartElementHandler start,
                              XML_EndElementHandler end,
                              XML_CharacterDataHandler text);
/* Turn a libzip error code into a status and a message naming the file. */
jh_status jh__zip_failure(const char *path, int code, bool looks_zip,
                          jh_error *err);
/* Stream zip entry @p name through @p ctx's parser (JH_ERR_NOTFOUND, err
 * untouched, when there is no such entry). */
jh_status jh__xlsx_parse_entry(jh_xlsx *x, const char *name, xml_ctx *ctx,
                               jh_error *err);
/* Read the package: the workbook part, its sheets and shared strings. */
jh_status jh__xlsx_read_package(jh_xlsx *x, jh_error *err);

#endif
