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

/** Most named provisions a standard may define. */
#define JH_MAX_PROVISIONS 16

/** Range of a split weight ([weights]): a junior or senior pupil weighs
 * between half and three times a primary pupil (the 2017 rules use 1.1,
 * 1.2 and 1.32; 11 typed for 1.1 is refused). */
#define JH_WEIGHT_MIN 0.5
#define JH_WEIGHT_MAX 3.0

/** Largest CV limit a standard may set (cv_limit_*, composite_limit_*);
 * a limit must also be more than 0. */
#define JH_CV_LIMIT_MAX 2.0

/** Most pupils a teaching-point minimum or a provision's enrollment range
 * may name. */
#define JH_MAX_SCHOOL_PUPILS 100000

/** How difference coefficients are judged. */
typedef enum jh_cv_rule {
    JH_CV_EACH = 0,  /**< every indicator's CV within its limit (2017) */
    JH_CV_COMPOSITE, /**< the mean of the CVs within a limit (2012) */
    JH_CV_NONE       /**< CVs are reported, not judged */
} jh_cv_rule;

/** Whether teaching points (教学点) are evaluated. */
typedef enum jh_teaching_points {
    JH_TP_MIN = 0,   /**< those with teaching_point_min pupils or more */
    JH_TP_EXCLUDE,   /**< none */
    JH_TP_INCLUDE    /**< all */
} jh_teaching_points;

/** A named rule that can be switched on and off (the 2019 relaxations,
 * moving indoor sports rooms). */
typedef struct jh_provision {
    char id[48];       /**< "relax_2019_rooms_pre2016" */
    char name_zh[192];
    char name_en[192];
    bool enabled;
    /** Enrollment range a provision applies to (NAN when it has none),
     * e.g. rural schools of 50-99 pupils for relax_2019_pe_art_parttime. */
    double min_students, max_students;
} jh_provision;

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
    double threshold[JH_LEVEL_COUNT]; /**< value that meets the standard;
                                           NAN when there is none */
    int decimals;         /**< decimals official tables print values with */
} jh_indicator;

/**
 * Limits of the school-level government-guarantee items (政府保障程度) of
 * the 2017 standard, the [guarantee] section of a standards file (see
 * guarantee.h).  NAN where a standard sets none.
 */
typedef struct jh_guarantee_limits {
    bool defined;   /**< the standard has a [guarantee] section */
    /** Most pupils in the compulsory sections of a school (2000), of a
     * nine- or twelve-year school (2500). */
    double school_size_max;
    double school_size_max_combined;
    /** The same under provision relax_2019_school_size, for schools that
     * qualify (2400, 3000). */
    double school_size_max_relaxed;
    double school_size_max_combined_relaxed;
    /** Most pupils in a class, by level (45 primary, 50 junior). */
    double class_size_max[JH_LEVEL_COUNT];
    /** Classes per music room and per art room (12): a school needs
     * ceil(classes / classes_per_room) of each. */
    double classes_per_music_room;
    double classes_per_art_room;
    /** Smallest room, m² (96 music, 90 art); under provision
     * relax_2019_rooms_pre2016, rooms built before 2016: 73 and 67. */
    double music_room_min_area;
    double art_room_min_area;
    double music_room_min_area_pre2016;
    double art_room_min_area_pre2016;
    /** Share of full-time teachers holding a certificate (1 = 100%). */
    double certified_share;
    /** Training funds as a share of the public-funds budget (0.05). */
    double training_funds_share;
    /** Schools below this many pupils get public funds as for this many
     * (100); used by the county evaluation. */
    double small_school_pupils;
    /** Teaching points are checked too (default: only schools). */
    bool include_teaching_points;
} jh_guarantee_limits;

/**
 * Limits of the county-level items of the 2017 evaluation (government
 * guarantee, education quality, social recognition), the [county] section
 * of a standards file (see evaluate.h).  Shares are 0..1.
 */
typedef struct jh_county_limits {
    bool defined; /**< the standard has a [county] section */
    /** Public funds per pupil a year (生均公用经费基准定额, yuan), for the
     * small-school rule (schools under small_school_pupils funded as for
     * that many). */
    double public_funds_per_pupil[JH_LEVEL_COUNT];
    double special_funds_per_student_min; /**< 6000 (some provinces 8000) */
    double salary_ratio_min;              /**< teachers / civil servants: 1 */
    double training_completion_min;       /**< 5-year 360-hour: 1 */
    double rotation_share_min;            /**< 0.10 */
    double rotation_backbone_share_min;   /**< 0.20 */
    double nearby_min[JH_LEVEL_COUNT];    /**< 1 primary, 0.95 junior */
    double quality_places_share_min;      /**< 0.5 */
    double migrant_public_share_min;      /**< 0.85 */
    double junior_retention_min;          /**< 0.95 */
    double disabled_enrollment_min;       /**< 0.95 */
    double monitoring_level_min;          /**< 3 (level III) */
    double monitoring_difference_max;     /**< 0.15, to be strictly below */
    double recognition_min;               /**< 0.85 */
    double parents_recognition_min;       /**< NAN: reported, not judged */
} jh_county_limits;

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
    /**
     * Move indoor sports rooms (其中室内体育用房, which statistics count in
     * the teaching and auxiliary area) from the teaching area to the sports
     * area of each school before the split, as many counties do (§1.1 of
     * the rules).  A blank indoor area then counts as 0.
     */
    bool subtract_indoor_sports;

    char version[32];   /**< "2017" */
    char file[512];     /**< file it was read from, "" when built in */
    char base[48];      /**< built-in standard a file starts from, or "" */
    jh_cv_rule cv_rule;
    /** Limit of the mean of the CVs per level (JH_CV_COMPOSITE). */
    double composite_limit[JH_LEVEL_COUNT];
    /** Scope: which schools are evaluated. */
    bool include_special;       /**< special-education schools */
    bool include_vocational;    /**< vocational schools */
    jh_teaching_points teaching_points;
    bool include_private;       /**< 民办 */
    bool include_province_run;  /**< 省属 */
    size_t nprovisions;
    jh_provision provisions[JH_MAX_PROVISIONS];
    /** School-level government-guarantee limits ([guarantee]). */
    jh_guarantee_limits guarantee;
    /** County-level item limits ([county]). */
    jh_county_limits county;
} jh_standard;

/**
 * The built-in standard with the given id ("quality-2017", "basic-2012";
 * NULL for the default, quality-2017), or NULL when there is none.  Built-in
 * standards are the files in standards/, compiled in.
 */
const jh_standard *jh_standard_builtin(const char *id);

/** Number of built-in standards; their ids by jh_standard_builtin_id(). */
size_t jh_standard_builtin_count(void);

/** Id of the @p i-th built-in standard, or NULL. */
const char *jh_standard_builtin_id(size_t i);

/** The standards-file text a built-in standard was compiled from. */
const char *jh_standard_builtin_text(const char *id);

/**
 * Parse a standards file (INI, read with libinih) of @p len bytes named
 * @p name (for messages) into @p out.  `base = ID` as the first key of
 * [standard] starts from a built-in standard and overrides it.  Errors
 * (JH_ERR_PARSE, JH_ERR_DATA) name the file and line.
 */
jh_status jh_standard_parse(jh_standard *out, const char *text, size_t len,
                            const char *name, jh_error *err);

/**
 * Resolve what a user gave as --standard: a built-in id, or the path of a
 * standards file.  Fills @p out.
 */
jh_status jh_standard_resolve(jh_standard *out, const char *arg,
                              jh_error *err);

/** Index of provision @p id in @p std, or -1. */
int jh_standard_provision_find(const jh_standard *std, const char *id);

/** True when provision @p id exists in @p std and is switched on. */
bool jh_standard_provision_on(const jh_standard *std, const char *id);

/**
 * Switch provision @p id on or off.  JH_ERR_NOTFOUND (with a message that
 * lists the provisions) when the standard has no such provision.
 */
jh_status jh_standard_set_provision(jh_standard *std, const char *id,
                                    bool enabled, jh_error *err);

/**
 * The effective standard written back as a standards file (every value,
 * overrides applied), malloc'd; NULL when out of memory.
 */
char *jh_standard_to_ini(const jh_standard *std);

/** True when the indicator has a threshold for @p level. */
bool jh_indicator_has_threshold(const jh_indicator *ind, int level);

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
