/*
 * junheng - the readable summary of an analysis (report_text.c).
 */
#ifndef JUNHENG_REPORT_TEXT_H
#define JUNHENG_REPORT_TEXT_H

#include <stddef.h>
#include <stdio.h>

#include "junheng/error.h"
#include "junheng/report.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Remark for a section as in 表Ⅱ-2: which indicators met the standard and
 * which reached the partial floor, into @p buf.  Returns @p buf.
 */
char *jh_section_remark(const jh_report_context *ctx, size_t section, char *buf,
                        size_t size);

/** Write the readable summary (per level table, failing schools).
 * Returns JH_ERR_ARG when the context lacks the checks, JH_ERR_IO when
 * @p out has an error. */
jh_status jh_report_text(FILE *out, const jh_report_context *ctx,
                         jh_error *err);

#ifdef __cplusplus
}
#endif

#endif
