/*
 * junheng - words for results the statistics computed, for the reports:
 * what a failing or incomplete guarantee check needs, and the JSON keys of
 * a plan's rule and target.  They make words only; nothing is computed.
 */
#ifndef JUNHENG_RESULT_WORDS_H
#define JUNHENG_RESULT_WORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "junheng/guarantee.h"
#include "junheng/plan.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * One line saying what a check needs, into @p buf (Chinese, or English
 * when @p en): "2 more music rooms", "12 m² too small", "3 teachers
 * without a certificate", "not given: 音乐专用教室数 (music_rooms)".
 * Empty for a pass or a check that does not apply.  Returns @p buf.
 */
char *jh_gresult_describe(const jh_gresult *r, jh_gcheck check, bool en,
                          char *buf, size_t size);

/** English key of a rule ("cost", "count", "all", "none"). */
const char *jh_plan_rule_key(jh_plan_rule rule);

/** English key of a target ("threshold", "floor", "none"). */
const char *jh_plan_target_key(jh_plan_target target);

#ifdef __cplusplus
}
#endif

#endif
