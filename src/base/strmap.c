/* junheng - a map from strings to indices: see strmap.h. */
#include "strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint64_t
hash_bytes(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

size_t
jh__strmap_find(const jh__strmap *m, char *const *names, const char *key,
                size_t len, size_t *slot)
{
    size_t mask = m->cap - 1;
    size_t i = (size_t)hash_bytes(key, len) & mask;

    for (;; i = (i + 1) & mask) {
        size_t v = m->slots[i];
        if (v == 0) {
            *slot = i;
            return (size_t)-1;
        }
        if (strncmp(names[v - 1], key, len) == 0 && names[v - 1][len] == '\0')
            return v - 1;
    }
}

jh_status
jh__strmap_reserve(jh__strmap *m, char *const *names, size_t count)
{
    size_t cap = 64;
    size_t *slots;

    while (cap < count * 2 + 2)
        cap *= 2;
    if (cap <= m->cap)
        return JH_OK;
    slots = calloc(cap, sizeof(*slots));
    if (slots == NULL)
        return JH_ERR_NOMEM;
    for (size_t i = 0; i < m->cap; i++) {
        size_t v = m->slots[i];
        if (v != 0) {
            const char *k = names[v - 1];
            size_t j = (size_t)hash_bytes(k, strlen(k)) & (cap - 1);
            while (slots[j] != 0)
                j = (j + 1) & (cap - 1);
            slots[j] = v;
        }
    }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
    return JH_OK;
}
