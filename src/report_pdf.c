/*
 * junheng - printing a workbook to PDF with LibreOffice, for the binder.
 *
 * soffice is spawned without a shell, with a scratch profile inside the
 * staging folder (so the user's LibreOffice settings play no part and
 * nothing is left behind), and the PDF is checked before it counts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "junheng/report.h"
#include "subprocess.h"
#include "util.h"

jh_status
jh_report_pdf(const char *xlsx, const char *dir, const char *soffice,
              char *const *envp, jh_error *err)
{
    char *profile = jh__asprintf("-env:UserInstallation=file://%s/.lo-profile",
                                 dir);
    char *log = jh__asprintf("%s/.soffice.log", dir);
    const char *base = strrchr(xlsx, '/');
    char *pdf = NULL;
    struct stat sb;
    jh_status st;

    if (profile == NULL || log == NULL) {
        free(profile);
        free(log);
        return jh_error_set(err, JH_ERR_NOMEM, NULL, 0, 0, "out of memory");
    }
    {
        char *argv[] = {(char *)soffice, (char *)"--headless",
                        (char *)"--norestore", profile,
                        (char *)"--convert-to", (char *)"pdf",
                        (char *)"--outdir", (char *)dir, (char *)xlsx, NULL};
        st = jh__spawn_wait(argv, envp, log, 300, err);
    }
    if (st == JH_OK) {
        /* soffice names the PDF after the workbook. */
        const char *name = base != NULL ? base + 1 : xlsx;
        const char *dot = strrchr(name, '.');
        pdf = jh__asprintf("%s/%.*s.pdf", dir,
                           (int)(dot != NULL ? dot - name : (long)strlen(name)),
                           name);
        if (pdf == NULL)
            st = jh_error_set(err, JH_ERR_NOMEM, NULL, 0, 0, "out of memory");
        else if (stat(pdf, &sb) != 0 || sb.st_size == 0)
            st = jh_error_set(err, JH_ERR_OUTPUT, pdf, 0, 0,
                              "LibreOffice wrote no PDF");
    }
    if (st == JH_ERR_NOTFOUND)
        jh_error_set(err, JH_ERR_NOTFOUND, NULL, 0, 0,
                     "LibreOffice not found ('%s'): install "
                     "libreoffice-calc-nogui for --pdf",
                     soffice);
    free(pdf);
    free(profile);
    free(log);
    return st;
}
