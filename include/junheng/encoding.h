/*
 * junheng - turning the bytes of a text file into UTF-8.
 *
 * County offices save CSV from Excel on Chinese Windows in GBK, from WPS or
 * scripts in UTF-8 with or without a byte-order mark, and "Unicode text" in
 * UTF-16LE.  Detection checks strict UTF-8 first (GB18030 would accept UTF-8
 * bytes and produce garbage), then GB18030, the superset of GBK and GB2312.
 * All conversion is done by iconv.
 */
#ifndef JUNHENG_ENCODING_H
#define JUNHENG_ENCODING_H

#include <stddef.h>

#include "junheng/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Text encodings junheng reads. */
typedef enum jh_encoding {
    JH_ENC_AUTO = 0, /**< detect: BOMs, then strict UTF-8, then GB18030 */
    JH_ENC_UTF8,     /**< UTF-8, an optional BOM is dropped */
    JH_ENC_GB18030,  /**< GB18030, also used for GBK and GB2312 */
    JH_ENC_UTF16LE   /**< UTF-16 little endian ("Unicode text") */
} jh_encoding;

/**
 * Parse an encoding name given by a user: "auto", "utf-8"/"utf8",
 * "gbk"/"gb2312"/"gb18030"/"cp936", "utf-16le"/"utf-16".  Case-insensitive.
 * Returns JH_ERR_ARG for an unknown name.
 */
jh_status jh_encoding_parse(const char *name, jh_encoding *out);

/** Canonical name of an encoding ("UTF-8", "GB18030", "UTF-16LE"). */
const char *jh_encoding_name(jh_encoding enc);

/**
 * Convert @p len bytes at @p data to NUL-terminated UTF-8 without a BOM.
 *
 * @param out       receives a malloc'd buffer the caller frees
 * @param out_len   receives its length without the NUL (may be NULL)
 * @param detected  receives the encoding used (may be NULL)
 * @param enc       JH_ENC_AUTO to detect, or the encoding to use
 * @param file      file name for error messages (may be NULL)
 * @return JH_OK, JH_ERR_ENCODING naming the line and byte offset of the
 *         first invalid sequence, or JH_ERR_NOMEM.
 */
jh_status jh_encoding_to_utf8(char **out, size_t *out_len,
                              jh_encoding *detected, const char *data,
                              size_t len, jh_encoding enc, const char *file,
                              jh_error *err);

#ifdef __cplusplus
}
#endif

#endif
