/* junheng - the one header matcher: the table of column names and the
 * reading of header cells into fields (src/import/header.c).  Internal. */
#ifndef JH_IMPORT_HEADER_H
#define JH_IMPORT_HEADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "junheng/table.h"

typedef enum jh__field_kind {
    F_NONE = 0,
    F_CODE,
    F_NAME,
    F_TYPE,
    F_COUNTY,
    F_LOCALITY,
    F_OWNERSHIP,
    F_PARENT,
    F_INCLUDE,
    F_PRE2016,    /* 专用教室2016年前建成 */
    F_SIZE_RELAX, /* 规模放宽适用 */
    F_STUDENTS,   /* arg: level */
    F_CLASSES,    /* arg: level, or -1 for the whole school */
    F_GRADES,     /* 年级数; arg: level, or -1 for the whole school */
    F_WHOLE,      /* arg: quantity */
    F_SECTION     /* arg: quantity, arg2: level */
} jh__field_kind;

typedef struct jh__field {
    jh__field_kind kind;
    int arg, arg2;
    double multiplier; /* from a unit such as 万元 */
    char unit[64];     /* the header's unit, "" when none */
    char header[256];  /* as written, for messages */
} jh__field;

/* Most code points compared: longer headers are cut (no known name is
 * near that long). */
#define JH_NEAR_MAX 48

/* The search for the known name nearest to one header. */
typedef struct jh__nearest {
    const char *want; /* column key to look at, or NULL for any */
    uint32_t cp[JH_NEAR_MAX];
    size_t ncp;
    size_t best;       /* distance of the best so far (SIZE_MAX: none) */
    const char *shown; /* the name to suggest */
    const char *key;   /* its column key */
} jh__nearest;

/* Where the label of a merged span stands while columns are walked. */
typedef struct jh__span_state {
    char label[256]; /* label of the span the column is under, or "" */
    bool sub;        /* the previous column had a second-row name */
} jh__span_state;

/* The canonical form of a header or name (see header.c). */
void jh__header_canon(const char *in, char *out, size_t size);
/* Split a header into its name and its unit, both canonical. */
void jh__split_unit(const char *header, char *name, size_t nsize, char *unit,
                    size_t usize);
/* Lower-case ASCII, spaces and hyphens to underscores, in place. */
void jh__normalize_key(char *s);
/* Identify one header; f->kind stays F_NONE for unknown columns. */
void jh__identify(const char *header, jh__field *f);
/* Copy the trimmed text of a cell into @p buf. */
void jh__cell_text(const jh_table *t, size_t row, size_t col, char *buf,
                   size_t size);
/* Identify column @p col of a header of @p nrows rows at @p row, visiting
 * columns left to right with the same @p span. */
void jh__identify_column(const jh_table *t, size_t row, size_t nrows,
                         size_t col, jh__span_state *span, jh__field *f);
/* Number of columns of a header of @p nrows rows at @p row. */
size_t jh__header_width(const jh_table *t, size_t row, size_t nrows);
/* Look for the header in the first JH_HEADER_SCAN_ROWS rows; true when
 * found, else *row is the row that came closest. */
bool jh__find_header(const jh_table *t, size_t *row, size_t *nrows);
/* Set @p nr to look for names of column @p want (NULL: any) near the
 * header @p header. */
void jh__near_init(jh__nearest *nr, const char *want, const char *header);
/* Try every name the importer knows on @p nr. */
void jh__near_all(jh__nearest *nr);
/* The column key of a mapped field, as jh__near_all() names columns. */
const char *jh__field_key(const jh__field *f);

#endif
