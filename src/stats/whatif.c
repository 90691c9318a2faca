/* junheng - what-if copies of a county; table error helper. */
#include "whatif.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

jh_county *
jh__county_copy(const jh_county *c)
{
    jh_county *copy = malloc(sizeof(*copy));

    if (copy == NULL)
        return NULL;
    *copy = *c;
    copy->schools = NULL;
    if (c->nschools > 0) {
        copy->schools = malloc(c->nschools * sizeof(*copy->schools));
        if (copy->schools == NULL) {
            free(copy);
            return NULL;
        }
        memcpy(copy->schools, c->schools, c->nschools * sizeof(*copy->schools));
    }
    return copy;
}

void
jh__county_copy_free(jh_county *copy)
{
    if (copy == NULL)
        return;
    /* The strings belong to the original county. */
    free(copy->schools);
    free(copy);
}
