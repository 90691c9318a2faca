/* junheng - the one number and cell parser of the importer: school types,
 * localities, ownership, yes/no, units and numbers written as text
 * (src/import/cell.c).  Internal. */
#ifndef JH_IMPORT_CELL_H
#define JH_IMPORT_CELL_H

#include <stdbool.h>
#include <stddef.h>

#include "header.h"
#include "junheng/school.h"

/* What a unit measures, for matching a unit in a cell with its column. */
typedef enum jh__unit_kind {
    U_NONE = 0,
    U_PERSONS,
    U_CLASSES,
    U_AREA,
    U_MONEY,
    U_ROOMS,
    U_UNITS, /* 台, 个: any count of things */
    U_BOOKS
} jh__unit_kind;

/* A unit junheng converts, and its factor to the unit junheng counts in. */
typedef struct jh__cell_unit {
    const char *text;
    jh__unit_kind kind;
    double scale;
} jh__cell_unit;

extern const jh__cell_unit jh__cell_units[];

bool jh__parse_type(const char *text, jh_school_type *out);
bool jh__parse_locality(const char *text, jh_locality *out);
bool jh__parse_ownership(const char *text, jh_ownership *out);
bool jh__parse_yes_no(const char *text, bool *out);
/* The ASCII form of the full-width character at @p p that stands for ASCII
 * in numbers (０-９, ＋, ，, －, ．), or 0: the one table for every reader. */
char jh__fullwidth_ascii(const char *p);
/* Code points in the UTF-8 text @p s. */
size_t jh__utf8_chars(const char *s);
/* Index of @p text in jh__cell_units (case-insensitive), or -1. */
int jh__find_unit(const char *text);
/* Whether a unit of kind @p got may stand in a column counted in @p want. */
bool jh__unit_fits(jh__unit_kind got, jh__unit_kind want);
/* The kind of unit a column is counted in. */
jh__unit_kind jh__field_unit(const jh__field *f);
/* Rewrite a number written as text into plain ASCII decimal notation. */
bool jh__normalize_number(const char *text, char *out, size_t size, int *unit);

#endif
