/*
 * junheng - evaluation standards: indicators, thresholds, limits, scope.
 *
 * Every number of a rule lives in a jh_standard, never in scattered
 * literals, so that provincial rules can override them.
 */
#ifndef JUNHENG_STANDARD_H
#define JUNHENG_STANDARD_H

#include <stdbool.h>
#include <stddef.h>

#include "junheng/error.h"
#include "junheng/school.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Most indicators a standard may define. */
#define JH_MAX_INDICATORS 16

/** One resource indicator: quantity per student (scale 1) or per 100. */
typedef struct jh_indicator {
    char id[48];       /**< snake_case id, e.g. "teaching_area_per_student" */
    char name_zh[96];  /**< e.g. "生均教学及辅助用房面积" */
    char name_en[96];  /**< e.g. "Teaching and auxiliary area per student" */
    char short_zh[48]; /**< short label for charts and headers */
    char short_en[48];
    char unit_zh[24];  /**< unit of the value, e.g. "平方米/生" */
    char unit_en[32];  /**< e.g. "m2/student", "per 100 students" */
    jh_quantity quantity; /**< numerator */
    double scale;         /**< 1 per student, 100 per 100 students */
    bool split;           /**< split by weighted enrollment in combined schools */
    double threshold[JH_LEVEL_COUNT]; /**< value that meets the standard */
} jh_indicator;

/** A complete standard. */
typedef struct jh_standard {
    char id[48];       /**< "quality-2017" */
    char name_zh[128];
    char name_en[128];
    char source[128];  /**< document, e.g. "教督〔2017〕6号" */
    size_t nindicators;
    jh_indicator indicators[JH_MAX_INDICATORS];
    /** CV limit per level (every indicator), or <0 if not judged singly */
    double cv_limit[JH_LEVEL_COUNT];
    /** Per-school rule: at least min_met indicators meet their threshold
     * and every other one reaches partial_floor × threshold. */
    size_t min_met;
    double partial_floor;
    /** Split weights relative to a primary pupil (1). */
    double weight_junior_nine;    /**< nine-year junior: 1.1 */
    double weight_senior_complete;/**< complete secondary senior: 1.2 */
    double weight_junior_twelve;  /**< twelve-year junior: 1.1 */
    double weight_senior_twelve;  /**< twelve-year senior: 1.32 */
    /** Scope. */
    double teaching_point_min;    /**< teaching points below this excluded */
} jh_standard;

/** The built-in standard with the given id ("quality-2017"), or NULL. */
const jh_standard *jh_standard_builtin(const char *id);

/** Index of the indicator with id @p id in @p std, or -1. */
int jh_standard_find(const jh_standard *std, const char *id);

/**
 * True when @p value meets @p threshold.  "以上" includes the threshold
 * itself; a relative tolerance of 1e-9 keeps floating-point error from
 * flipping a school exactly on the line (9 / 1000 * 100 is 0.8999...).
 */
bool jh_meets(double value, double threshold);

#ifdef __cplusplus
}
#endif

#endif
