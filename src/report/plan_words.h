/* junheng - the words of a plan shared by its text and its workbook
 * (library-internal). */
#ifndef JUNHENG_PLAN_WORDS_H
#define JUNHENG_PLAN_WORDS_H

#include <stddef.h>

#include "junheng/plan.h"
#include "junheng/report.h"

/** An amount into @p buf: whole units without decimals, others with two;
 * "-" style for a missing one (jh__fmt_fixed()).  Returns @p buf. */
char *jh__plan_fmt_amount(double v, char *buf, size_t size);

/** The school of section @p section of the plan's model. */
const jh_school *jh__plan_school(const jh_plan *p, size_t section);

/** How a section's per-school fix was chosen, in @p lang. */
const char *jh__plan_rule_label(jh_plan_rule rule, jh_lang lang);

/** The label of target @p t in @p lang, its share filled from @p std into
 * @p buf. */
const char *jh__plan_target_label(const jh_standard *std, jh_plan_target t,
                                  jh_lang lang, char *buf, size_t size);

#endif
