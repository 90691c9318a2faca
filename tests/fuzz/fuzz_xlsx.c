/*
 * junheng fuzz target: the .xlsx reader (libzip + expat) and the school
 * import behind it, with header detection and every error collected.
 */
#include <gsl/gsl_errno.h>
#include <stdint.h>
#include <stdlib.h>

#include "junheng/school.h"
#include "junheng/school_reader.h"
#include "junheng/xlsx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    jh_xlsx *x = NULL;
    jh_error err;

    gsl_set_error_handler_off();
    if (jh_xlsx_open_buffer(&x, data, size, "fuzz.xlsx", NULL, &err) !=
        JH_OK)
        return 0;
    for (size_t i = 0; i < jh_xlsx_sheet_count(x) && i < 4; i++) {
        jh_table *t = NULL;
        jh_county *c = NULL;
        jh_diags warn = JH_DIAGS_INIT, errors = JH_DIAGS_INIT;
        jh_import_options opts = {0};

        (void)jh_xlsx_sheet_name(x, i);
        (void)jh_xlsx_sheet_hidden(x, i);
        if (jh_xlsx_read_sheet(x, i, &t, &err) == JH_OK) {
            opts.find_header = true;
            opts.errors = &errors;
            (void)jh_county_from_table(&c, t, &opts, &warn, &err);
        }
        jh_county_free(c);
        jh_table_free(t);
        jh_diags_release(&warn);
        jh_diags_release(&errors);
    }
    jh_xlsx_free(x);
    return 0;
}
