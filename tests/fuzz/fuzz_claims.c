/*
 * junheng fuzz target: the claims reader of `junheng verify` (CSV text
 * through the same reader as school files, then the claims layouts).
 */
#include <stdint.h>
#include <stdlib.h>

#include "junheng/csv.h"
#include "junheng/standard.h"
#include "junheng/verify.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    jh_table *t = NULL;
    jh_claims claims = {0};
    jh_error err;

    if (jh_csv_parse(&t, (const char *)data, size, "claims.csv", NULL,
                     &err) == JH_OK)
        (void)jh_claims_add_table(&claims, t, jh_standard_builtin(NULL),
                                  &err);
    jh_claims_release(&claims);
    jh_table_free(t);
    return 0;
}
