/*
 * junheng - the vocabulary of the whole 2017 county evaluation
 * (教督〔2017〕6号, §1.5 of the rules): the facts a county states, the
 * four parts and the veto, verdicts, comparisons, units and where a figure
 * of 表Ⅰ comes from, each with its English key and names.  The reader
 * (facts.h), the judging (evaluate.h) and the outputs share it.
 */
#ifndef JUNHENG_ITEMS_H
#define JUNHENG_ITEMS_H

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

/** English key of a fact ("rotation_share"). */
const char *jh_fact_key(jh_fact_id id);

/** Chinese name of a fact ("交流轮岗教师比例"). */
const char *jh_fact_zh(jh_fact_id id);

/** English name of a fact. */
const char *jh_fact_en(jh_fact_id id);

/** Kind of a fact's value. */
jh_fact_kind jh_fact_kind_of(jh_fact_id id);

/** The fact named by @p text: its key (any case), its Chinese name or one
 * of its Chinese aliases; -1 when none is. */
int jh_fact_lookup(const char *text);

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

/** Where a figure of 表Ⅰ comes from. */
typedef enum jh_t1_source {
    JH_T1_SCHOOLS = 0, /**< the school table: every row counted has it */
    JH_T1_FACTS,       /**< the facts file: the school table lacks it */
    JH_T1_NONE         /**< neither gives it: the figure is NAN */
} jh_t1_source;

/** "schools", "facts" or "none". */
const char *jh_t1_source_key(jh_t1_source source);

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
