/* junheng - the names of school types, levels and quantities, shared by
 * the model (src/model/school.c) and the header matcher (src/import/). */
#ifndef JH_SCHOOL_NAMES_H
#define JH_SCHOOL_NAMES_H

#include <stdbool.h>

#include "junheng/school.h"

typedef struct jh__type_name {
    const char *key;
    const char *zh;
} jh__type_name;

typedef struct jh__quantity_name {
    const char *key;
    const char *zh;
    const char *aliases[4];
    bool sectioned;
} jh__quantity_name;

extern const jh__type_name jh__type_names[JH_TYPE_COUNT];
extern const jh__quantity_name jh__quantity_names[JH_Q_COUNT];
extern const char *const jh__level_keys[3];
extern const char *const jh__level_zh[3];

#endif
