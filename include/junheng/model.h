/*
 * junheng - from schools to evaluated units (school sections).
 *
 * Each included school gives one section per evaluated level it teaches;
 * combined schools are split: teacher counts from per-section columns (or by
 * student share with a warning), physical quantities by weighted enrollment
 * (1 : 1.1 nine-year, 1 : 1.2 complete secondary, 1 : 1.1 : 1.32
 * twelve-year; 2017 standard, §1.4 of the rules).
 */
#ifndef JUNHENG_MODEL_H
#define JUNHENG_MODEL_H

#include <stddef.h>

#include "junheng/diag.h"
#include "junheng/error.h"
#include "junheng/school.h"
#include "junheng/standard.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Why a school is not evaluated. */
typedef enum jh_exclusion_reason {
    JH_EXCL_SPECIAL = 0,          /**< special-education school */
    JH_EXCL_VOCATIONAL,           /**< vocational school */
    JH_EXCL_SMALL_TEACHING_POINT, /**< teaching point under the minimum */
    JH_EXCL_INCLUDE_NO,           /**< the row says 纳入计算 = no */
    JH_EXCL_NO_STUDENTS,          /**< no pupils in any evaluated level */
    JH_EXCL_PRIVATE,              /**< private, and the scope excludes it */
    JH_EXCL_PROVINCE_RUN,         /**< province-run, excluded by the scope */
    JH_EXCL_TEACHING_POINT,       /**< teaching points excluded by scope */
    JH_EXCL_COUNT
} jh_exclusion_reason;

/** One evaluated unit: a school's primary or junior section. */
typedef struct jh_section {
    size_t school;   /**< index into the county's schools */
    jh_level level;  /**< JH_LEVEL_PRIMARY or JH_LEVEL_JUNIOR */
    double students; /**< the section's own enrollment (the weight) */
    /** Share of whole-school physical quantities given to this section. */
    double physical_share;
    /** Share of whole-school teacher counts, when they had to be split. */
    double teacher_share;
    bool teachers_split; /**< some teacher count was split by share */
    /**
     * The section's quantities before the physical split: its own teacher
     * counts, and the whole school's physical quantities.  An indicator
     * marked `split` uses quantity × physical_share (jh_section_numerator).
     */
    double quantity[JH_Q_COUNT];
} jh_section;

/** A school left out, and why. */
typedef struct jh_exclusion {
    size_t school;
    jh_exclusion_reason reason;
} jh_exclusion;

/** The units of a county under one standard. */
typedef struct jh_model {
    const jh_county *county;     /**< borrowed; must outlive the model */
    const jh_standard *standard; /**< borrowed */
    jh_section *sections;        /**< in input order, primary before junior */
    size_t nsections;
    jh_exclusion *excluded;      /**< in input order */
    size_t nexcluded;
} jh_model;

/**
 * Build the sections of @p county under @p std.  Missing values that a
 * section needs are errors naming the cell; teacher counts split by share
 * and other assumptions are warnings.
 */
jh_status jh_model_build(jh_model **out, const jh_county *county,
                         const jh_standard *std, jh_diags *warn,
                         jh_error *err);

/** Free a model (tolerates NULL). */
void jh_model_free(jh_model *model);

/** English key of an exclusion reason ("small_teaching_point"). */
const char *jh_exclusion_key(jh_exclusion_reason reason);

/** Value of indicator @p ind for @p section (quantity / students × scale). */
double jh_section_value(const jh_section *section, const jh_indicator *ind);

/** Numerator of indicator @p ind for @p section (after any split). */
double jh_section_numerator(const jh_section *section,
                            const jh_indicator *ind);

#ifdef __cplusplus
}
#endif

#endif
