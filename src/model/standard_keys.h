/* junheng - the numeric keys of a standards file's [guarantee] and
 * [county] sections (one table each), shared by the reader
 * (standard_ini.c), the writer (standard_write.c) and the standard itself
 * (standard.c). */
#ifndef JH_STANDARD_KEYS_H
#define JH_STANDARD_KEYS_H

#include <stdbool.h>
#include <stddef.h>

#include "junheng/standard.h"

/* A number of [guarantee] or [county]: its key, where it sits in
 * jh_guarantee_limits or jh_county_limits, and its kind: 0 a positive
 * number, 1 a share (0 < share <= 1), 2 a share that may be "none", 3 a
 * monitoring level (1 to 4). */
typedef struct jh__limit_key {
    const char *key;
    size_t offset;
    int kind;
} jh__limit_key;

/* The numbers of one section of limits. */
typedef struct jh__limit_table {
    const char *section;       /* "guarantee" or "county" */
    const jh__limit_key *keys; /* n of them, in the order written back */
    size_t n;
    size_t offset;             /* of the limits in jh_standard */
    const char *share_example; /* how to write a share, for messages */
    const char *share_example_zh; /* the same in Chinese */
} jh__limit_table;

extern const jh__limit_table jh__guarantee_table;
extern const jh__limit_table jh__county_table;

/* The field of key @p i of table @p t in @p s, and its value. */
double *jh__limit_field(jh_standard *s, const jh__limit_table *t, size_t i);
double jh__limit_value(const jh_standard *s, const jh__limit_table *t,
                       size_t i);

/* Set the plain flags the model reads from the provisions of @p std. */
void jh__standard_sync_flags(jh_standard *std);

#endif
