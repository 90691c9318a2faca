/* junheng - the numeric keys of a standards file's [guarantee] and
 * [county] sections, shared by the reader (standard_ini.c), the writer
 * (standard_write.c) and the standard itself (standard.c). */
#ifndef JH_STANDARD_KEYS_H
#define JH_STANDARD_KEYS_H

#include <stdbool.h>
#include <stddef.h>

#include "junheng/standard.h"

/* A number of [guarantee]: its key and where it sits in
 * jh_guarantee_limits; a ratio key is at most 1. */
typedef struct jh__guarantee_key {
    const char *key;
    size_t offset;
    bool ratio;
    bool positive;
} jh__guarantee_key;

/* A number of [county]: its key, where it sits in jh_county_limits and
 * its kind: 0 a positive number, 1 a share (0 < share <= 1), 2 a share
 * that may be "none", 3 a monitoring level (1 to 4). */
typedef struct jh__county_key {
    const char *key;
    size_t offset;
    int kind;
} jh__county_key;

extern const jh__guarantee_key jh__guarantee_keys[];
extern const size_t jh__nguarantee_keys;
extern const jh__county_key jh__county_keys[];
extern const size_t jh__ncounty_keys;

/* The field of key @p i of jh__guarantee_keys in @p s, and its value. */
double *jh__guarantee_field(jh_standard *s, size_t i);
double jh__guarantee_value(const jh_standard *s, size_t i);

/* The field of key @p i of jh__county_keys in @p s, and its value. */
double *jh__county_field(jh_standard *s, size_t i);
double jh__county_value(const jh_standard *s, size_t i);

/* Set the plain flags the model reads from the provisions of @p std. */
void jh__standard_sync_flags(jh_standard *std);

#endif
