/*
 * junheng - the whole 2017 county evaluation (县域义务教育优质均衡发展督导
 * 评估, 教督〔2017〕6号, §1.5 of the rules): resource allocation (the
 * analysis), government guarantee (15 items), education quality (9 items),
 * social recognition (a survey, at least 85%) and the one-vote-veto items.
 *
 * Items that can be computed from the school table are computed (school
 * size, class size, music and art rooms, certification, training funds,
 * small-school public funds, every count of 表Ⅰ); the others are read from
 * the county's facts file (one row per item: item, value, note).  Limits
 * come from the standard's [county] and [guarantee] sections.  A fact that
 * is not given leaves its item incomplete, never passed.
 */
#ifndef JUNHENG_EVALUATE_H
#define JUNHENG_EVALUATE_H

#include <stdbool.h>
#include <stddef.h>

#include "junheng/analysis.h"
#include "junheng/diag.h"
#include "junheng/error.h"
#include "junheng/facts.h"
#include "junheng/guarantee.h"
#include "junheng/items.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Most figures one item has. */
#define JH_EVAL_MAX_FIGURES 6

/** One figure of an item: a fact or a computed count, against a limit. */
typedef struct jh_figure {
    const char *id; /**< fact key, or a computed key ("school_size") */
    /** Its name, with the figures of the loaded standard. */
    char name_zh[192];
    char name_en[192];
    jh_eunit unit;
    jh_cmp cmp;
    double value; /**< NAN when not given */
    double limit; /**< NAN for JH_CMP_YES / NO / INFO */
    jh_verdict verdict;
    int fact; /**< jh_fact_id it was read from, or -1 */
    /** For JH_EU_SCHOOLS figures from guarantee.h: the check, else -1. */
    int gcheck;
} jh_figure;

/** One item (a row of 表Ⅳ, 表Ⅴ, ...). */
typedef struct jh_eval_item {
    jh_part part;
    int number;          /**< 1-based within its part, as in the rules */
    const char *id;      /**< "rotation" */
    /** The requirement, as the standard words it, with the figures of the
     * loaded standard. */
    char name_zh[384];
    char name_en[384];
    bool computed; /**< computed from the school table */
    size_t nfigures;
    jh_figure figure[JH_EVAL_MAX_FIGURES];
    jh_verdict verdict; /**< fail if any figure fails, else incomplete if
                             any is not given, else pass */
} jh_eval_item;

/** A stated count that differs from the school data's own figure (both
 * real: a figure the school table lacks is never compared). */
typedef struct jh_contradiction {
    jh_fact_id fact;
    double stated;
    double computed;
} jh_contradiction;

/** A school under the small-school pupil count and its public funds. */
typedef struct jh_small_school {
    size_t school;   /**< index into the county's schools */
    double pupils;   /**< compulsory pupils */
    double required; /**< yuan: per-pupil amounts × the minimum count */
    double funds;    /**< public funds given (NAN when blank) */
    jh_verdict verdict;
} jh_small_school;

/** The counts of 表Ⅰ: from the school table where it has them, else from
 * the facts file. */
typedef struct jh_table1 {
    /** Schools by type (jh_school_type), every row of the file. */
    size_t schools[JH_TYPE_COUNT];
    size_t teaching_points_50plus; /**< teaching points with ≥ 50 pupils */
    double classes[JH_LEVEL_COUNT];
    double students[JH_LEVEL_COUNT];
    /** Full-time teachers by section: section counts, the whole-school
     * count of single-level schools, or (combined schools without section
     * counts) the whole count split by pupils — then teachers_estimated. */
    double teachers[JH_LEVEL_COUNT];
    bool teachers_estimated;
    /** Rows where a figure was blank (counted as 0 in no figure). */
    size_t blank_classes, blank_teachers;
    /** The same by level. */
    size_t blank_classes_by[JH_LEVEL_COUNT], blank_teachers_by[JH_LEVEL_COUNT];
    /** The school table's own classes and teachers: NAN when a row counted
     * lacks the figure (a sum of some rows is no county figure). */
    double classes_schools[JH_LEVEL_COUNT];
    double teachers_schools[JH_LEVEL_COUNT];
    /** Where classes[], students[] and teachers[] come from. */
    jh_t1_source classes_from[JH_LEVEL_COUNT];
    jh_t1_source students_from[JH_LEVEL_COUNT];
    jh_t1_source teachers_from[JH_LEVEL_COUNT];
} jh_table1;

/** The evaluation of one county. */
typedef struct jh_evaluation {
    const jh_analysis *analysis; /**< borrowed */
    const jh_facts *facts;       /**< borrowed */
    const jh_standard *standard; /**< borrowed */
    jh_guarantee *guarantee;     /**< owned */
    jh_eval_item *items;         /**< every part in order, veto last */
    size_t nitems;
    jh_verdict part[JH_PART_COUNT]; /**< JH_PART_VETO: fail = tripped */
    jh_verdict verdict;             /**< the county */
    jh_fact_id *missing;            /**< facts an item needs, not given */
    size_t nmissing;
    jh_contradiction *contradictions;
    size_t ncontradictions;
    jh_small_school *small; /**< schools under the minimum */
    size_t nsmall;
    jh_table1 table1;
    double recognition;         /**< overall share satisfied, or NAN */
    double parents_recognition; /**< parents' share, or NAN */
} jh_evaluation;

/**
 * Evaluate the county of @p analysis (its model's county and standard)
 * with @p facts.  The standard needs [guarantee] and [county] sections
 * (JH_ERR_ARG otherwise).  Warnings (may be NULL) name the facts file's
 * line: a survey count larger than the count it is part of, a retention
 * stated both ways that disagree.
 *
 * @param out  receives an evaluation the caller frees with
 *             jh_evaluation_free(); it borrows @p analysis and @p facts
 * @return JH_OK, JH_ERR_ARG or JH_ERR_NOMEM
 */
jh_status jh_evaluate(jh_evaluation **out, const jh_analysis *analysis,
                      const jh_facts *facts, jh_diags *warn, jh_error *err);

/** Free an evaluation (tolerates NULL). */
void jh_evaluation_free(jh_evaluation *ev);

#ifdef __cplusplus
}
#endif

#endif
