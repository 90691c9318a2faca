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
#include "junheng/guarantee.h"
#include "junheng/table.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The facts a county states, by id (docs/evaluate.md lists them). */
typedef enum jh_fact_id {
    /* government guarantee (政府保障程度) */
    JH_F_PLANNING_LAYOUT = 0,
    JH_F_UNIFIED_STANDARDS,
    JH_F_SPECIAL_FUNDS_PER_STUDENT,
    JH_F_SALARY_RATIO,
    JH_F_TRAINING_COMPLETION,
    JH_F_STAFFING_ALLOCATION,
    JH_F_ROTATION_SHARE,
    JH_F_ROTATION_BACKBONE_SHARE,
    JH_F_NEARBY_URBAN_PRIMARY,
    JH_F_NEARBY_TOWN_PRIMARY,
    JH_F_NEARBY_URBAN_JUNIOR,
    JH_F_NEARBY_TOWN_JUNIOR,
    JH_F_QUALITY_PLACES_SHARE,
    JH_F_MIGRANT_PUBLIC_SHARE,
    /* education quality (教育质量) */
    JH_F_JUNIOR_RETENTION,
    JH_F_JUNIOR_ENTRANTS,
    JH_F_JUNIOR_GRADE3,
    JH_F_DISABLED_ENROLLMENT,
    JH_F_CHARTERS_INFORMATISATION,
    JH_F_IT_TEACHING,
    JH_F_MORAL_EDUCATION,
    JH_F_CURRICULUM,
    JH_F_HOMEWORK_BURDEN,
    JH_F_MONITORING_LEVEL,
    JH_F_MONITORING_DIFFERENCE,
    /* social recognition (社会认可度) */
    JH_F_QUESTIONNAIRES_ISSUED,
    JH_F_QUESTIONNAIRES_VALID,
    JH_F_QUESTIONNAIRES_SATISFIED,
    JH_F_VISITS,
    JH_F_VISITS_SATISFIED,
    JH_F_PARENTS_VALID,
    JH_F_PARENTS_SATISFIED,
    /* one-vote veto (一票否决): 是 = it happened */
    JH_F_VETO_EXAM_ADMISSION,
    JH_F_VETO_SCHOOL_CHOICE,
    JH_F_VETO_KEY_SCHOOLS,
    JH_F_VETO_UNFILLED_POSTS,
    JH_F_VETO_MAJOR_INCIDENT,
    JH_F_VETO_FALSIFICATION,
    /* counts of 表Ⅰ a county may state; compared with the school data */
    JH_F_SCHOOLS_PRIMARY,
    JH_F_SCHOOLS_JUNIOR,
    JH_F_SCHOOLS_NINE_YEAR,
    JH_F_SCHOOLS_TWELVE_YEAR,
    JH_F_SCHOOLS_COMPLETE_SECONDARY,
    JH_F_TEACHING_POINTS,
    JH_F_TEACHING_POINTS_50PLUS,
    JH_F_CLASSES_PRIMARY,
    JH_F_CLASSES_JUNIOR,
    JH_F_STUDENTS_PRIMARY,
    JH_F_STUDENTS_JUNIOR,
    JH_F_TEACHERS_PRIMARY,
    JH_F_TEACHERS_JUNIOR,
    JH_F_COUNT
} jh_fact_id;

/** What a fact's value is. */
typedef enum jh_fact_kind {
    JH_FK_SHARE = 0, /**< 0..1; "95%" and "95％" accepted */
    JH_FK_NUMBER,    /**< a ratio or an amount (yuan), ≥ 0 */
    JH_FK_COUNT,     /**< a whole number ≥ 0 */
    JH_FK_YESNO,     /**< 是 / 否 (1 / 0) */
    JH_FK_LEVEL      /**< monitoring level 1–4: Ⅲ, III, 3, 三级 */
} jh_fact_kind;

/** One fact as read. */
typedef struct jh_fact {
    bool given;    /**< the row is there with a value */
    double value;  /**< share, number, count, 1/0, or level; NAN if not */
    char *note;    /**< the note column, or NULL */
    long line;     /**< line or sheet row it was read from */
    char cell[64]; /**< its value cell ("Sheet1!B7"), or "" for text */
} jh_fact;

/** A county's facts file. */
typedef struct jh_facts {
    char *source; /**< file name */
    jh_fact fact[JH_F_COUNT];
} jh_facts;

/** English key of a fact ("rotation_share"). */
const char *jh_fact_key(jh_fact_id id);

/** Chinese name of a fact ("交流轮岗教师比例"). */
const char *jh_fact_zh(jh_fact_id id);

/** English name of a fact. */
const char *jh_fact_en(jh_fact_id id);

/** Kind of a fact's value. */
jh_fact_kind jh_fact_kind_of(jh_fact_id id);

/**
 * Read a facts table: a header row (among the first 10) naming an item
 * column (item, 项目, 指标, 评估项目) and a value column (value, 值, 数值,
 * 指标值), optionally note (备注, 说明); other columns are ignored.  Then one
 * row per fact: the item by its id or Chinese name, its value.  Blank rows
 * and rows with a blank value are skipped (the fact stays not given).
 * Errors name the file and line (or cell): unknown item, an item twice, a
 * value of the wrong kind (not a share, not 是/否, a share above 100%).
 *
 * @param out  receives facts the caller frees with jh_facts_free()
 * @return JH_OK, JH_ERR_DATA or JH_ERR_NOMEM
 */
jh_status jh_facts_from_table(jh_facts **out, const jh_table *table,
                              jh_error *err);

/**
 * Read facts like jh_facts_from_table(), but go on past a problem: every
 * problem of the table (unknown or repeated items, values that do not
 * parse, spreadsheet error cells, an impossible retention) is appended to
 * @p found, in Chinese and English, with its line and cell, in table order.
 *
 * @param out    receives the facts when there is no problem (the caller
 *               frees them with jh_facts_free()), NULL otherwise
 * @param found  the problems are appended here (caller-owned list)
 * @return JH_OK; JH_ERR_DATA when problems were found (listed in @p found);
 *         JH_ERR_NOMEM (in @p err)
 */
jh_status jh_facts_check_table(jh_facts **out, const jh_table *table,
                               jh_diags *found, jh_error *err);

/** Free facts (tolerates NULL). */
void jh_facts_free(jh_facts *facts);

/** The four parts of the evaluation, and the veto items. */
typedef enum jh_part {
    JH_PART_RESOURCES = 0, /**< 资源配置 */
    JH_PART_GUARANTEE,     /**< 政府保障程度 */
    JH_PART_QUALITY,       /**< 教育质量 */
    JH_PART_RECOGNITION,   /**< 社会认可度 */
    JH_PART_VETO,          /**< 一票否决 */
    JH_PART_COUNT
} jh_part;

/** A verdict of a figure, an item, a part or the county. */
typedef enum jh_verdict {
    JH_V_PASS = 0,
    JH_V_FAIL,
    JH_V_INCOMPLETE /**< something it needs is not given */
} jh_verdict;

/** How a figure is judged against its limit. */
typedef enum jh_cmp {
    JH_CMP_MIN = 0, /**< value ≥ limit */
    JH_CMP_BELOW,   /**< value < limit (strictly) */
    JH_CMP_YES,     /**< the statement holds (是) */
    JH_CMP_NO,      /**< it did not happen (否): veto items */
    JH_CMP_ALL,     /**< value (schools or items meeting) = limit (all) */
    JH_CMP_INFO     /**< reported, not judged */
} jh_cmp;

/** Unit of a figure. */
typedef enum jh_eunit {
    JH_EU_SHARE = 0, /**< 0..1, printed as a percentage */
    JH_EU_RATIO,     /**< a plain ratio (salary) */
    JH_EU_YUAN,
    JH_EU_LEVEL, /**< monitoring level */
    JH_EU_YESNO,
    JH_EU_SCHOOLS, /**< schools meeting / schools */
    JH_EU_ITEMS    /**< indicators meeting / indicators */
} jh_eunit;

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

/** Where a figure of 表Ⅰ comes from. */
typedef enum jh_t1_source {
    JH_T1_SCHOOLS = 0, /**< the school table: every row counted has it */
    JH_T1_FACTS,       /**< the facts file: the school table lacks it */
    JH_T1_NONE         /**< neither gives it: the figure is NAN */
} jh_t1_source;

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

/** "schools", "facts" or "none". */
const char *jh_t1_source_key(jh_t1_source source);

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

/** English key of a part ("guarantee"). */
const char *jh_part_key(jh_part part);

/** Chinese name of a part ("政府保障程度"). */
const char *jh_part_zh(jh_part part);

/** English name of a part ("Government guarantee"). */
const char *jh_part_en(jh_part part);

/** English key of a verdict: "pass", "fail", "incomplete". */
const char *jh_verdict_key(jh_verdict v);

/** English key of a comparison: "min", "below", "yes", "no", "all",
 * "info". */
const char *jh_cmp_key(jh_cmp cmp);

/** English key of a unit: "share", "ratio", "yuan", "level", "yes_no",
 * "schools", "items". */
const char *jh_eunit_key(jh_eunit unit);

#ifdef __cplusplus
}
#endif

#endif
