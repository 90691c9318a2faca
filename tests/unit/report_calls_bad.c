/* junheng tests - a report-layer object that runs a check itself, for the
 * test build.report_calls_caught: cmake/check_report_calls.py must name
 * its call of jh_diagnostics_run (an allowed name lookup passes). */
#include "junheng/diagnostics.h"
#include "junheng/guarantee.h"

const char *jh_test_bad_report(const jh_analysis *a);

const char *
jh_test_bad_report(const jh_analysis *a)
{
    jh_diagnostics *d = NULL;
    jh_status st = jh_diagnostics_run(&d, a, NULL);

    jh_diagnostics_free(d);
    return st == JH_OK ? jh_gcheck_key(JH_G_SCHOOL_SIZE) : "";
}
