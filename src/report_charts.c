/* junheng - the chart exporter (being written). */
#include "junheng/report.h"

jh_status
jh_report_charts(const char *dir, const jh_report_context *ctx,
                 const jh_chart_options *opts, jh_error *err)
{
    (void)ctx;
    (void)opts;
    return jh_error_set(err, JH_ERR_OUTPUT, dir, 0, 0,
                        "charts are not written yet");
}
