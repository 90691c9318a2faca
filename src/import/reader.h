/* junheng - what the parts of the school reader share: the importer's
 * state and its error helpers (school_cells.c), the mapped header
 * (header_map.c).  Internal. */
#ifndef JH_IMPORT_READER_H
#define JH_IMPORT_READER_H

#include <stdbool.h>
#include <stddef.h>

#include "header.h"
#include "junheng/diag.h"
#include "junheng/error.h"
#include "junheng/school_reader.h"

/* Where the problems of one import go. */
typedef struct jh__importer {
    const jh_table *t;
    jh_diags *warn;   /* warnings, may be NULL */
    jh_diags *errors; /* collect mode when not NULL */
    jh_error *err;    /* the error when not collecting */
    bool nomem;
    size_t examples;                  /* template example rows skipped */
    long first_example, last_example; /* their first and last lines */
} jh__importer;

#define JH_NO_COLUMN ((size_t)-1)

struct jh_import_header {
    size_t ncols;
    jh__field *fields; /* ncols + 1 */
    jh_column_map columns;
    bool equipment_in_wan;
    double equipment_scale;
};

/* Result of reading one cell into a school. */
typedef enum jh__cell_result { CELL_OK, CELL_BAD, CELL_STOP } jh__cell_result;

/* Whole-school counts of a row, given to its level once its type is
 * known (a single-level school only). */
typedef struct jh__row_wholes {
    double classes, grades;
    size_t grades_col;
} jh__row_wholes;

/* Most grades a level has. */
extern const double jh__max_grades[3];

/* Report bad data at (@p row, @p col) of the table; see school_cells.c. */
bool jh__data_error(jh__importer *im, size_t row, size_t col, const char *zh,
                    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Add a warning about cell (@p row, @p col); false when out of memory. */
bool jh__cell_warning(jh__importer *im, size_t row, size_t col, const char *zh,
                      const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Read the text of one mapped cell into school @p s. */
jh__cell_result jh__read_cell(jh__importer *im, size_t row, size_t col,
                              const jh__field *f, char *text, jh_school *s,
                              jh__row_wholes *wholes, bool *type_ok);
/* Map the header of @p nh rows at @p hr into @p fields and c->columns. */
jh_status jh__map_columns(jh__importer *im, jh_county *c, size_t hr, size_t nh,
                          jh__field *fields, size_t ncols);
/* Warn about unknown headers close to a missing column's name. */
bool jh__unknown_header_warnings(jh__importer *im, const jh_county *c,
                                 size_t hrow, const jh__field *fields,
                                 size_t ncols);

#endif
