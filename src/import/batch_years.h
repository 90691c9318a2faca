/*
 * junheng - a batch's files: where each file's header is, the year and
 * the county its name gives (library-internal; see batch_input.h).
 */
#ifndef JUNHENG_BATCH_YEARS_H
#define JUNHENG_BATCH_YEARS_H

#include <stdbool.h>
#include <stddef.h>

#include "junheng/error.h"
#include "junheng/school_reader.h"
#include "junheng/table.h"

/* One file of a batch. */
typedef struct jh__batch_source {
    jh_table *table;
    size_t hr, nh; /* header row and number of header rows */
    /* The header mapped once for all the file's counties; NULL when it
     * has an error, which each county then reports as on its own. */
    jh_import_header *header;
    double read_bytes; /* seconds reading the bytes (jh__csv_read_chunked) */
    /* Without a 年份 column: the file's year (0 when none) and the county
     * named after the file (malloc'd; NULL for the plain file stem). */
    int year;
    char *stem;
} jh__batch_source;

/* The cell text of (@p row, @p col), "" when @p col < 0 or past the end. */
static inline const char *
jh__batch_cell(const jh_table_row *row, long col)
{
    return col >= 0 && (size_t)col < row->ncells ? row->cells[col] : "";
}

/* Bounds of @p s without leading and trailing blanks (ASCII whitespace
 * and U+3000, the ideographic space): returns the start, *len the
 * length. */
const char *jh__batch_trimmed(const char *s, size_t *len);

/* The column of the header rows (@p hr, @p nh rows) of @p t that names
 * the year (年份, 年度, ...), or -1. */
long jh__batch_year_column(const jh_table *t, size_t hr, size_t nh);

/* Does any row of @p t from @p first on have a non-blank cell in column
 * @p col (false when @p col < 0)? */
bool jh__batch_column_used(const jh_table *t, size_t first, long col);

/* The file's name without folders and extension (malloc'd; NULL when out
 * of memory). */
char *jh__batch_file_stem(const char *path);

/*
 * The year of every one of the @p nfiles files (@p files, @p sources)
 * without a 年份 column, into its source's year and stem, before
 * grouping: the user's (@p file_years, may be NULL), else the one in the
 * file's name, else in its folder's name.  An error for a file without a
 * year when years are used (or @p require_years), and for a user's year
 * given to a file with a 年份 column.  See jh_batch_input_read().
 */
jh_status jh__batch_years(jh__batch_source *sources, char *const *files,
                          size_t nfiles, const int *file_years,
                          bool require_years, jh_error *err);

#endif
