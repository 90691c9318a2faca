/* junheng - the workbook exporter (being written). */
#include "junheng/report.h"

jh_status
jh_report_workbook(const char *path, const jh_report_context *ctx,
                   jh_error *err)
{
    (void)ctx;
    return jh_error_set(err, JH_ERR_OUTPUT, path, 0, 0,
                        "workbook export is not written yet");
}
