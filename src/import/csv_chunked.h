/*
 * junheng - parsing one large CSV file on several threads
 * (library-internal).
 */
#ifndef JUNHENG_CSV_CHUNKED_H
#define JUNHENG_CSV_CHUNKED_H

#include <stdbool.h>

#include "junheng/encoding.h"
#include "junheng/error.h"
#include "junheng/table.h"

/*
 * Parse the text file @p path on up to @p nchunks threads, each taking a
 * run of whole lines, when that gives the same table as one parser: the
 * file is valid UTF-8 (or --encoding utf-8) and has no double quote, so
 * that no field spans lines; the delimiter is decided from the first line
 * as the CSV reader does.  The threads also read the file, check it and
 * count its lines, each its own part.  *done is false when the file does
 * not qualify, or a chunk found fault with it: the caller then reads it
 * the ordinary way, which says where any problem is.
 */
jh_status jh__csv_read_chunked(jh_table **out, const char *path,
                               jh_encoding enc, unsigned nchunks, bool *done,
                               double *read_bytes, jh_error *err);

#endif
