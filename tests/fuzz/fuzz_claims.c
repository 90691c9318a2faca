/*
 * junheng fuzz target: the claims reader of `junheng verify` (CSV text
 * through the same reader as school files, then the claims layouts:
 * blocks, title rows, verdicts and counts), and the printed-figure
 * rounding every claim read goes through.
 */
#include <math.h>
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
    for (size_t i = 0; i < claims.count; i++) {
        /* Rounded to 0 to 4 decimals, a figure moves by at most half a
         * unit of the last one (beyond 1e15 it is left as it is). */
        for (int d = 0; d <= 4; d++) {
            double v = claims.items[i].value;
            double r = jh_verify_round(v, d);
            if (isfinite(v) && fabs(v) < 1e15 &&
                !(fabs(r - v) <= 0.5 * pow(10.0, -d) * (1 + 1e-9) + 1e-300))
                abort();
        }
    }
    jh_claims_release(&claims);
    jh_table_free(t);
    return 0;
}
