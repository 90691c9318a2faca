/*
 * junheng - a workbook printed to PDF by LibreOffice (report_pdf.c).
 */
#ifndef JUNHENG_REPORT_PDF_H
#define JUNHENG_REPORT_PDF_H

#include "junheng/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Print the workbook @p xlsx to a PDF of the same name in folder @p dir
 * (normally the staging folder) with LibreOffice (@p soffice, e.g.
 * "soffice"), using the workbook's print setup.  soffice runs with
 * environment @p envp and TZ=UTC0, its scratch profile inside @p dir
 * (removed afterwards; @p dir may be relative or hold any byte).  The PDF
 * is made byte-reproducible: its creation date becomes @p created (Unix
 * seconds, UTC) and its /ID a digest of its contents.  Returns
 * JH_ERR_NOTFOUND when LibreOffice cannot be run, JH_ERR_OUTPUT when it
 * fails.
 */
jh_status jh_report_pdf(const char *xlsx, const char *dir, const char *soffice,
                        char *const *envp, long long created, jh_error *err);

#ifdef __cplusplus
}
#endif

#endif
