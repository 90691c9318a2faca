/*
 * junheng - indicators, difference coefficients and verdicts.
 *
 * For each level and indicator, over the sections with X_i the value and
 * P_i the enrollment (P = ΣP_i):
 *   mean = ΣP_i X_i / P   (equals county total / county students)
 *   S    = sqrt(ΣP_i (X_i − mean)² / P)   population form, divided by P
 *   CV   = S / mean
 * computed with GSL's gsl_stats_wmean and
 * gsl_stats_wvariance_with_fixed_mean (not gsl_stats_wsd, which applies a
 * bias correction for reliability weights).
 */
#ifndef JUNHENG_ANALYSIS_H
#define JUNHENG_ANALYSIS_H

#include <stdbool.h>
#include <stddef.h>

#include "junheng/diag.h"
#include "junheng/error.h"
#include "junheng/model.h"
#include "junheng/standard.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Weighted summary of one indicator over the sections of one level. */
typedef struct jh_wstats {
    double total_weight; /**< ΣP_i */
    double mean;         /**< enrollment-weighted mean */
    double sd;           /**< weighted population standard deviation */
    double cv;           /**< sd / mean */
} jh_wstats;

/**
 * Compute the weighted mean, population SD and CV of @p n values @p x with
 * weights @p w.  Errors (JH_ERR_STATS): n == 0, a negative or non-finite
 * weight or value, total weight 0, or mean 0 (the CV is then undefined,
 * never 0).  On error *out holds what could be computed, cv = NAN.
 */
jh_status jh_wstats_compute(jh_wstats *out, const double *x, const double *w,
                            size_t n, jh_error *err);

/** Figures of one indicator for one level. */
typedef struct jh_indicator_stats {
    double total;      /**< Σ numerators (after split) */
    double mean;       /**< weighted mean (= total × scale / students) */
    double sd;         /**< weighted population SD */
    double cv;         /**< CV, NAN when undefined */
    bool cv_defined;   /**< false when the mean is 0 */
    double cv_limit;   /**< limit for this level, NAN when not judged */
    /** cv ≤ limit; false when undefined; true when CVs are not judged
     * singly (cv_limit NAN) and the CV is defined */
    bool cv_pass;
    /** The CV printed to 3 decimals tells another story than the verdict
     * at full precision (0.5004 prints "0.500" and fails). */
    bool cv_print_disagrees;
    double min, max;   /**< of the section values */
    double median;     /**< unweighted median of the section values */
    size_t below;      /**< sections below the threshold (0 without one) */
    size_t met;        /**< sections meeting the threshold */
    bool has_threshold; /**< the level has a threshold for it */
} jh_indicator_stats;

/** Verdict of one section. */
typedef struct jh_section_result {
    double value[JH_MAX_INDICATORS];
    bool met[JH_MAX_INDICATORS];     /**< value meets the threshold (false
                                          when there is none) */
    bool partial[JH_MAX_INDICATORS]; /**< not met, but ≥ floor × threshold */
    size_t met_count;
    bool pass;         /**< the per-school rule holds (true when the
                            standard has none: min_met 0) */
} jh_section_result;

/** Figures of one level. */
typedef struct jh_level_result {
    jh_level level;
    bool present;      /**< the level has at least one section */
    size_t nsections;
    size_t *sections;  /**< indices into the model's sections */
    double students;
    jh_indicator_stats ind[JH_MAX_INDICATORS];
    size_t schools_passing;
    /** Mean of the indicators' CVs (NAN when one is undefined), judged
     * against composite_limit under JH_CV_COMPOSITE (2012 standard). */
    double composite_cv;
    double composite_limit; /**< NAN when the composite is not judged */
    bool composite_pass;
    bool composite_print_disagrees;
    bool cv_pass;      /**< the standard's CV rule holds for the level */
    bool schools_pass; /**< every section passes */
    bool pass;
} jh_level_result;

/** The analysis of one county under one standard. */
typedef struct jh_analysis {
    const jh_model *model;       /**< borrowed */
    const jh_standard *standard; /**< borrowed */
    jh_section_result *results;  /**< one per model section */
    jh_level_result levels[JH_LEVEL_COUNT];
    bool pass;                   /**< every present level passes */
} jh_analysis;

/**
 * Analyze @p model under its standard.  An indicator whose weighted mean is
 * 0 gets an undefined CV (it fails) and a warning.  Checks the invariant
 * that the weighted mean equals total / students (JH_ERR_INTERNAL if not).
 */
jh_status jh_analysis_run(jh_analysis **out, const jh_model *model,
                          jh_diags *warn, jh_error *err);

/** Free an analysis (tolerates NULL). */
void jh_analysis_free(jh_analysis *analysis);

#ifdef __cplusplus
}
#endif

#endif
