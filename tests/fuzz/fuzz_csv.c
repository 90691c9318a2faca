/*
 * junheng fuzz target: the CSV reader and everything behind it.
 *
 * The first byte picks the encoding (auto, UTF-8, GB18030, UTF-16LE) so
 * that every decoder is reached; the rest is the file.  A successful parse
 * goes on through the school import, the model and the analysis, whose
 * invariants (weighted mean = total / students) abort on violation.
 */
#include <gsl/gsl_errno.h>
#include <stdint.h>
#include <stdlib.h>

#include "junheng/analysis.h"
#include "junheng/csv.h"
#include "junheng/model.h"
#include "junheng/school.h"
#include "junheng/school_reader.h"
#include "junheng/standard.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const jh_encoding encs[] = {JH_ENC_AUTO, JH_ENC_UTF8,
                                       JH_ENC_GB18030, JH_ENC_UTF16LE};
    jh_csv_options opts = {0};
    jh_diags warn = JH_DIAGS_INIT;
    jh_table *t = NULL;
    jh_county *c = NULL;
    jh_model *m = NULL;
    jh_analysis *a = NULL;
    jh_error err;

    gsl_set_error_handler_off();
    if (size < 1)
        return 0;
    opts.encoding = encs[data[0] & 3];
    if (jh_csv_parse(&t, (const char *)data + 1, size - 1, "fuzz.csv", &opts,
                     &err) == JH_OK &&
        jh_county_from_table(&c, t, NULL, &warn, &err) == JH_OK &&
        jh_model_build(&m, c, jh_standard_builtin(NULL), &warn, &err) ==
            JH_OK) {
        jh_status st = jh_analysis_run(&a, m, &warn, &err);
        if (st == JH_ERR_INTERNAL)
            abort(); /* an invariant failed: a bug */
    }
    jh_analysis_free(a);
    jh_model_free(m);
    jh_county_free(c);
    jh_table_free(t);
    jh_diags_release(&warn);
    return 0;
}
