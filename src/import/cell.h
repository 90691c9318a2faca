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
/* How jh__parse_number() reads a number (bits).  Every reader gets the
 * full-width digits, signs, point and comma of jh__fullwidth_ascii() and
 * ideographic and no-break spaces as ASCII, and spaces around trimmed. */
enum {
    JH__NUM_UNIT = 1u << 0,    /* a unit of jh__cell_units may follow */
    JH__NUM_GROUPS = 1u << 1,  /* ',' between groups of 3 digits ("1,234") */
    JH__NUM_PERCENT = 1u << 2, /* a trailing % or ％: the value / 100 */
    JH__NUM_YUAN = 1u << 3,    /* a trailing 元 (not after a %) */
    JH__NUM_DECIMALS = 1u << 4 /* count decimals; |exponent| ≤ 300 */
};

/* A number read by jh__parse_number(). */
typedef struct jh__number {
    double value;     /* a percentage divided by 100 */
    bool percent;     /* it was written with % */
    int unit;         /* index into jh__cell_units, or -1 */
    int decimals;     /* JH__NUM_DECIMALS: digits after the point of the
                         value as a fraction (a % adds 2, an exponent
                         subtracts its power); else 0 or 2 */
    double tolerance; /* half a unit of that digit */
} jh__number;

/* The one number parser of the readers: read @p text as a number in the
 * forms @p flags allow (JH__NUM_*), in plain decimal notation (see
 * jh__parse_double()) once those forms are taken off.  False when it is not
 * one; *out is then unspecified. */
bool jh__parse_number(const char *text, unsigned flags, jh__number *out);
/* The text stage of jh__parse_number() for school cells (JH__NUM_UNIT |
 * JH__NUM_GROUPS): the number in plain ASCII into @p out, its unit's index
 * (or -1) into *unit. */
bool jh__normalize_number(const char *text, char *out, size_t size, int *unit);

#endif
