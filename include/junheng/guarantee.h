/*
 * junheng - school-level government-guarantee checks (政府保障程度) of the
 * 2017 quality-balance standard (教督〔2017〕6号, §1.5 of the rules).
 *
 * For every school (not section) in scope: its size, its largest class per
 * level, its music and art rooms and their smallest area, its certified
 * teachers and its training funds, each against the limits of the
 * standard's [guarantee] section, with the 2019 relaxations
 * (国教督办函〔2019〕30号) applied where their provision is on and the
 * school qualifies.  A check whose columns are absent or blank is "not
 * given", never a pass.
 */
#ifndef JUNHENG_GUARANTEE_H
#define JUNHENG_GUARANTEE_H

#include <stdbool.h>
#include <stddef.h>

#include "junheng/checks.h"
#include "junheng/diag.h"
#include "junheng/error.h"
#include "junheng/model.h"
#include "junheng/school.h"
#include "junheng/standard.h"

#ifdef __cplusplus
extern "C" {
#endif

/** One check of one school. */
typedef struct jh_gresult {
    jh_gstatus status;
    /** The school's figure: pupils, pupils in the largest class, rooms,
     * m², certified share (0..1) or training share (0..1); NAN when not
     * given or not applicable. */
    double value;
    /** The limit that applies to this school (a maximum for sizes, a
     * minimum for the others); NAN when not applicable. */
    double limit;
    /** What the check is computed from: classes (rooms), full-time
     * teachers (certification), public funds in yuan (training); NAN
     * otherwise. */
    double base;
    /** The limit comes from a 2019 relaxation (provision on and the
     * school qualifies). */
    bool relaxed;
    /** The value is a whole-school largest class standing in for a
     * section (a combined school that gave no per-section figure). */
    bool whole_school;
    /** How far from the limit, in the item's unit, when it fails: pupils
     * over, rooms or teachers missing, m² too small, yuan of training
     * funds missing; 0 otherwise. */
    double shortfall;
    /** When not given: what is blank or absent, as bits (1u << q) for
     * each jh_quantity q, JH_GMISS_STUDENTS and JH_GMISS_CLASSES. */
    unsigned missing_columns;
} jh_gresult;

/** Bit of jh_gresult.missing_columns: an enrollment is blank. */
#define JH_GMISS_STUDENTS (1u << 28)
/** Bit of jh_gresult.missing_columns: a class count is blank. */
#define JH_GMISS_CLASSES (1u << 29)

/** The checks of one school. */
typedef struct jh_gschool {
    size_t school; /**< index into the county's schools */
    jh_gresult item[JH_G_COUNT];
    size_t failed;  /**< checks that fail */
    size_t missing; /**< checks not given */
    bool pass;      /**< every applicable check passes (none missing) */
} jh_gschool;

/** Counts of one check over the schools. */
typedef struct jh_gsummary {
    size_t applicable; /**< schools it applies to (pass + fail + missing) */
    size_t pass;
    size_t fail;
    size_t missing;
} jh_gsummary;

/** A school not checked, and why. */
typedef struct jh_gskip {
    size_t school;
    jh_exclusion_reason reason;
} jh_gskip;

/** The government-guarantee checks of a county. */
typedef struct jh_guarantee {
    const jh_county *county;     /**< borrowed */
    const jh_standard *standard; /**< borrowed */
    jh_gschool *schools;         /**< in input order */
    size_t nschools;
    jh_gskip *skipped; /**< in input order */
    size_t nskipped;
    jh_gsummary items[JH_G_COUNT];
    size_t schools_pass;       /**< every check passes */
    size_t schools_fail;       /**< at least one check fails */
    size_t schools_incomplete; /**< none fails, some not given */
    /** Provisions applied: relax_2019_school_size, relax_2019_rooms_pre2016. */
    bool relax_size;
    bool relax_rooms;
    /** Some guarantee column is in the file at all. */
    bool any_column;
} jh_guarantee;

/**
 * Check every school of @p county in scope against @p std's [guarantee]
 * limits.  In scope: schools of the compulsory types (not special-education
 * or vocational schools, not teaching points unless the standard includes
 * them), within the standard's [scope] for private and province-run
 * schools, not marked 纳入计算 = 否, with compulsory pupils; the rest are
 * listed in skipped with the reason.
 *
 * Rules (limits from @p std): school size = primary + junior pupils ≤
 * school_size_max (school_size_max_combined for nine- and twelve-year
 * schools; the *_relaxed limits when provision relax_2019_school_size is on
 * and the school's 规模放宽适用 is 是); largest class of each level taught
 * ≤ class_size_max (a combined school that gives only a whole-school
 * largest class passes a level when that class is within the level's
 * limit, else the level is not given); music and art rooms ≥
 * ceil(classes / classes_per_room) over the compulsory classes; the
 * smallest room ≥ its area limit (the *_pre2016 limit when provision
 * relax_2019_rooms_pre2016 is on and 专用教室2016年前建成 is 是; not
 * applicable when the school has 0 rooms of the kind); certified / full-time
 * teachers ≥ certified_share (whole-school counts, else the sum of the
 * sections; not applicable with 0 teachers); training funds / public funds
 * ≥ training_funds_share.  Limits are met as in jh_meets().  Blank flags are
 * 否: a relaxation must be claimed.
 *
 * Warnings (may be NULL) name the cell: more certified teachers than
 * full-time teachers.
 *
 * @param out  receives a new result the caller frees with
 *             jh_guarantee_free(); it borrows @p county and @p std
 * @return JH_OK; JH_ERR_ARG when the standard has no [guarantee] section;
 *         JH_ERR_NOMEM
 */
jh_status jh_guarantee_run(jh_guarantee **out, const jh_county *county,
                           const jh_standard *std, jh_diags *warn,
                           jh_error *err);

/** Free a result (tolerates NULL). */
void jh_guarantee_free(jh_guarantee *g);

#ifdef __cplusplus
}
#endif

#endif
