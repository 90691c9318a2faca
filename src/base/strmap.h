/*
 * junheng - a map from strings to indices into the caller's array of
 * names (open addressing; library-internal).
 */
#ifndef JUNHENG_STRMAP_H
#define JUNHENG_STRMAP_H

#include <stddef.h>

#include "junheng/error.h"

/* Zero-initialise ({NULL, 0, 0}); free slots with free(). */
typedef struct jh__strmap {
    size_t *slots; /* index + 1; 0 is empty */
    size_t cap;    /* power of two */
    size_t count;
} jh__strmap;

/*
 * Find @p key (of @p len bytes) among @p names through @p m.  Returns the
 * index, or (size_t)-1 with *slot set to the empty slot where it belongs
 * (the caller stores index + 1 there and counts it).
 */
size_t jh__strmap_find(const jh__strmap *m, char *const *names, const char *key,
                       size_t len, size_t *slot);

/* Grow the map to hold at least twice @p count entries of @p names;
 * JH_ERR_NOMEM when out of memory (the map is then unchanged). */
jh_status jh__strmap_reserve(jh__strmap *m, char *const *names, size_t count);

#endif
