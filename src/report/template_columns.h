/* junheng - the columns of the input template (library-internal): the
 * table of template_columns.c, read by template.c's sheets. */
#ifndef JUNHENG_TEMPLATE_COLUMNS_H
#define JUNHENG_TEMPLATE_COLUMNS_H

#include <stdbool.h>
#include <stddef.h>

#include "junheng/report.h"
#include "junheng/standard.h"

typedef enum col_kind {
    K_TEXT,    /* free text, with an input hint */
    K_LIST,    /* drop-down from the hidden list sheet */
    K_INTEGER, /* whole number ≥ 0 (pupils, classes: the importer says so) */
    K_DECIMAL  /* number ≥ 0 */
} col_kind;

/* Which list a drop-down column uses (a column of the hidden sheet). */
enum { L_TYPE, L_LOCALITY, L_OWNERSHIP, L_INCLUDE, L_COUNT };

/* Column groups, in the order of the sheet and of the 说明 sheet. */
enum {
    G_SCHOOL,
    G_PUPILS,
    G_TEACHERS,
    G_BUILDINGS,
    G_GUARANTEE,
    G_RELAX,
    G_OTHER,
    G_COUNT
};

/* Who reads a column: whether it is required follows from the standard. */
enum {
    U_KEY = 1,       /* every command: always required */
    U_GUARANTEE = 2, /* the guarantee checks: required when the standard
                        has a [guarantee] section */
    U_OPTIONAL = 4   /* never required */
};

typedef struct tcol {
    const char *zh, *en; /* header without level and unit; NULL: quantity */
    int quantity;        /* jh_quantity for composed headers, else -1 */
    int level;           /* level prefix (小学…, _primary), or -1 */
    const char *unit_zh, *unit_en;
    col_kind kind;
    int list; /* for K_LIST */
    double width;
    const char *hint_zh, *hint_en; /* the input hint of the data sheet */
    int group;
    unsigned use;
    /* what reads it besides the standard's indicators (which are found in
     * the standard itself), or NULL */
    const char *use_zh, *use_en;
    const char *note_zh, *note_en; /* the 说明 sheet's explanation */
} tcol;

/* The data sheet's columns: NCOLS of them, the number columns contiguous
 * from FIRST_NUMBER on. */
#define NCOLS 47
#define FIRST_NUMBER 5 /* jh__tpl_columns[5] is the first number column */
#define NNUMBERS 37    /* number columns, FIRST_NUMBER .. FIRST_NUMBER+36 */
_Static_assert(NCOLS == FIRST_NUMBER + NNUMBERS + 5, "columns and examples");

/** The columns, left to right. */
extern const tcol jh__tpl_columns[NCOLS];

/** The names of the column groups, in the order of the sheets. */
extern const char *const jh__tpl_group_zh[G_COUNT];
extern const char *const jh__tpl_group_en[G_COUNT];

/** True when standard @p std needs column @p c. */
bool jh__tpl_column_required(const tcol *c, const jh_standard *std);

/** What reads column @p c (indicators of every built-in standard, of @p std
 * when it comes from a file, then the column's other uses) into @p buf. */
void jh__tpl_column_use(const tcol *c, const jh_standard *std, bool en,
                        char *buf, size_t size);

/** The header of column @p c in language @p lang into @p buf. */
void jh__tpl_header_of(const tcol *c, jh_lang lang, char *buf, size_t size);

#endif
