/*
 * junheng - rectification plans: what a county must add so that it passes.
 *
 * Two kinds of fix, applied in this order to a copy of the county:
 *
 * 1. Per-school fixes (2017 standard, per-school rule: at least 6 of the 7
 *    indicators meet their threshold and the seventh reaches 85% of it).
 *    For every section that misses an indicator the plan gives the
 *    shortfall to the threshold in physical units (persons, m², yuan,
 *    rooms), and for every failing section what the rule strictly
 *    requires: the cheapest set of fixes that makes it pass, chosen among
 *    the options "raise every missed indicator to its threshold except one
 *    (or, in general, except nindicators − min_met of them), which is
 *    raised to the floor (85%)".  Options are compared by cost when the
 *    user gave unit costs and every quantity involved has one, else by the
 *    number of indicators that need an addition (ties: the smaller sum of
 *    additions relative to the threshold numerator, then the first
 *    option); the rule used is recorded.
 *
 * 2. CV fixes.  With CV ≤ c written as sd ≤ c·mean the least total
 *    addition Σ a_i (numerator units, a_i ≥ 0) that brings an indicator's
 *    CV within its limit is a convex problem (sd is a weighted Euclidean
 *    norm of an affine map of the values, c·mean is linear).  Its optimum
 *    raises the lowest sections to a common level t and leaves the others:
 *    the marginal effect of a unit added to section i on the CV,
 *    (scale / (P·mean)) · ((X_i − mean)/sd − CV), grows with X_i, so the
 *    lowest values are always raised first.  The CV after raising every
 *    value below t to t falls monotonically as t grows (every raised value
 *    is at or below the mean), so t is found by bisection between the
 *    lowest and the highest value.  CV fixes start from the values after
 *    the per-school fixes.
 *
 * Rounding: every addition is rounded up to a whole unit (person, room,
 * m², yuan) of the quantity that is actually added.  Teacher counts belong
 * to a section.  Physical quantities (areas, equipment, rooms) belong to
 * the whole school: a combined school's section receives physical_share of
 * what the school adds, so a section addition a needs a whole-school
 * addition W = a / physical_share (rounded up), and the section actually
 * gains W · physical_share.  When two sections of one school need the same
 * physical quantity, the school adds the larger of their needs (each
 * section then has at least what it needs).
 *
 * The projection is not estimated: the additions are applied to a copy of
 * the county, the model is rebuilt and jh_analysis_run() recomputes every
 * value, CV and verdict.  If rounding or a whole-school addition shared
 * with a sibling section leaves some CV over its limit, the CV fixes are
 * repeated on the projected figures (rounds), up to JH_PLAN_MAX_ROUNDS.
 */
#ifndef JUNHENG_PLAN_H
#define JUNHENG_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "junheng/analysis.h"
#include "junheng/costs.h"
#include "junheng/error.h"
#include "junheng/school.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Most rounds of CV fixes before a plan gives up. */
#define JH_PLAN_MAX_ROUNDS 20

/** How far a per-school fix raises an indicator. */
typedef enum jh_plan_target {
    JH_TARGET_NONE = 0, /**< not raised */
    JH_TARGET_FLOOR,    /**< to the partial floor (85% of the threshold) */
    JH_TARGET_THRESHOLD /**< to the threshold */
} jh_plan_target;

/** One addition to one section for one indicator. */
typedef struct jh_plan_amount {
    double shortfall;        /**< exact numerator shortfall (unrounded) */
    double section_addition; /**< what the section gains, after rounding */
    double whole_addition;   /**< what the school adds (= section addition
                                  for teachers and single-level schools) */
    double cost;             /**< whole_addition × unit cost; NAN unknown */
} jh_plan_amount;

/** A missed indicator of one section. */
typedef struct jh_plan_shortfall {
    size_t indicator; /**< index into the standard's indicators */
    double value;     /**< value before the plan */
    double threshold;
    bool partial;                /**< already at the floor (85%) */
    jh_plan_amount to_threshold; /**< to reach the threshold */
    jh_plan_amount to_floor;     /**< to reach the floor (0 if partial) */
    jh_plan_target required;     /**< what the strict rule asks of it */
} jh_plan_shortfall;

/** How the options of the strict rule were compared. */
typedef enum jh_plan_rule {
    JH_RULE_NONE = 0, /**< the section passes: nothing is required */
    JH_RULE_COST,     /**< by total cost (every quantity has a cost) */
    JH_RULE_COUNT,    /**< by number of indicators to raise */
    JH_RULE_ALL       /**< every missed indicator to its threshold
                           (jh_plan_options.fix_all) */
} jh_plan_rule;

/** A section that misses at least one indicator. */
typedef struct jh_plan_section {
    size_t section; /**< index into the model's sections */
    bool pass;      /**< passes the per-school rule before the plan */
    size_t nshortfalls;
    jh_plan_shortfall shortfalls[JH_MAX_INDICATORS];
    jh_plan_rule rule;     /**< how the required fixes were chosen */
    size_t required_count; /**< indicators the required fixes raise */
    double required_cost;  /**< NAN when some cost is unknown */
} jh_plan_section;

/** One section raised by a CV fix. */
typedef struct jh_plan_cv_school {
    size_t section;        /**< index into the model's sections */
    double value_before;   /**< value when the fix starts */
    double value_after;    /**< value after the fix (≥ t) */
    jh_plan_amount amount; /**< shortfall = exact addition to reach t */
} jh_plan_cv_school;

/** The fix of one indicator's CV in one level, in one round. */
typedef struct jh_plan_cv_fix {
    jh_level level;
    size_t indicator;
    size_t round;       /**< 1 for the first pass */
    double cv_original; /**< CV before the whole plan */
    double cv_start;    /**< CV when this fix starts */
    double cv_limit;
    double t;       /**< the common level the lowest are raised to */
    double cv_at_t; /**< CV with exactly t (before rounding) */
    size_t nschools;
    jh_plan_cv_school *schools; /**< in increasing order of value_before */
    double total_section;       /**< Σ section additions (after rounding) */
    double total_exact;         /**< Σ exact additions (the optimum) */
    double total_whole;         /**< Σ whole-school additions */
    double cost;                /**< NAN when the cost is unknown */
} jh_plan_cv_fix;

/** What one school adds in total (per-school and CV fixes together). */
typedef struct jh_plan_school {
    size_t school;               /**< index into the county's schools */
    double addition[JH_Q_COUNT]; /**< units added to the school */
    /** Of which per section, for per-section quantities (teachers): the
     * teachers each section gains, indexed by jh_level. */
    double section_addition[JH_LEVEL_COUNT][JH_Q_COUNT];
    double cost;        /**< Σ priced additions */
    bool cost_complete; /**< every addition has a cost */
} jh_plan_school;

/** Options of jh_plan_run().  Zero-initialise for defaults. */
typedef struct jh_plan_options {
    const jh_plan_costs *costs; /**< NULL: no costs but equipment (1/yuan) */
    /** Raise every missed indicator to its threshold instead of only what
     * the per-school rule requires. */
    bool fix_all;
} jh_plan_options;

/** A plan and its projection. */
typedef struct jh_plan {
    const jh_analysis *before; /**< borrowed: the analysis planned for */
    jh_plan_costs costs;       /**< the costs used */
    bool fix_all;              /**< as in the options */
    jh_plan_section *sections; /**< sections missing an indicator */
    size_t nsections;
    jh_plan_cv_fix *cv_fixes; /**< in order of application */
    size_t ncv_fixes;
    size_t rounds;           /**< rounds of CV fixes (0 if none needed) */
    jh_plan_school *schools; /**< schools that add anything, input order */
    size_t nschools;
    double total[JH_Q_COUNT]; /**< Σ over schools, units */
    double total_cost;        /**< Σ priced additions */
    bool cost_complete;       /**< every addition has a cost */
    /** The projection: the county with every addition, its model and its
     * analysis, recomputed by jh_analysis_run(). */
    jh_county *county_after;
    jh_model *model_after;
    jh_analysis *after;
    bool pass; /**< after->pass */
} jh_plan;

/**
 * Plan the additions that make @p before's county pass (see the header
 * comment) and project them.
 *
 * @param out  receives a new plan the caller frees with jh_plan_free(); it
 *             borrows @p before, its model and county
 * @return JH_OK (also when the projection still fails: see plan->pass),
 *         JH_ERR_NOMEM, JH_ERR_INTERNAL (the rebuilt model differs)
 */
jh_status jh_plan_run(jh_plan **out, const jh_analysis *before,
                      const jh_plan_options *opts, jh_error *err);

/** Free a plan and its projection (tolerates NULL). */
void jh_plan_free(jh_plan *plan);

/**
 * The water-filling step on raw values: raise every value of @p x below a
 * level t to t, with t the least level for which the weighted CV
 * (jh_wstats_compute with weights @p w) is at most @p limit.  @p y
 * receives the new values and *level t (the smallest value when the CV is
 * already within the limit).  Bisection runs to the resolution of a
 * double.  Errors (JH_ERR_STATS): as jh_wstats_compute(), a negative
 * limit.
 */
jh_status jh_plan_cv_level(double *level, double *y, const double *x,
                           const double *w, size_t n, double limit,
                           jh_error *err);

#ifdef __cplusplus
}
#endif

#endif
