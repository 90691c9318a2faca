/*
 * junheng - supplementary diagnostics of the inter-school differences.
 *
 * None of these figures is part of the 2017 standard (教督〔2017〕6号),
 * which judges only the difference coefficient (CV) of each indicator.
 * They help a county see where its CV comes from and are always labelled
 * as supplementary in the outputs:
 *
 *  - contribution: each section's share of the county's weighted squared
 *    deviation, the 差异情况 term P_i (X_i − X̄)² divided by its sum over
 *    the level (the shares sum to 1);
 *  - leave-one-out CV: the CV of the level without that section;
 *  - the exact decomposition of CV² into a within-locality and a
 *    between-locality part (urban / town / rural, unknown as its own
 *    group):
 *        CV² = Σ_g Σ_{i∈g} P_i (X_i − X̄_g)² / (P X̄²)      within
 *            + Σ_g P_g (X̄_g − X̄)² / (P X̄²)                between
 *    where X̄_g is group g's weighted mean and P_g its pupils; the same
 *    split of the weighted variance is obtained by multiplying by X̄²;
 *  - the pupil-weighted Lorenz curve, Gini and Theil indices;
 *  - the McLoone index and the federal range ratio (school-finance equity
 *    measures used in the United States).
 *
 * Every statistic is weighted by enrollment (pupils), like the CV.
 *
 * Weighted percentiles (GSL has none): the values are sorted with
 * gsl_sort_index; the p-th weighted percentile is the smallest value whose
 * cumulative pupil share reaches p, i.e. x_(k) for the least k with
 * Σ_{j≤k} P_(j) / P ≥ p (the inverse of the weighted distribution
 * function, no interpolation; a relative slack of 1e-12 keeps 0.4999...
 * from missing 0.5).  The weighted median is the 0.5 percentile.
 *
 *   Gini     = Σ_i Σ_j P_i P_j |X_i − X_j| / (2 P² X̄)
 *   Theil    = (1/P) Σ_i P_i (X_i/X̄) ln(X_i/X̄)      (a zero value adds 0)
 *   McLoone  = Σ_{X_i < M} P_i X_i / (M Σ_{X_i < M} P_i), M the weighted
 *              median; 1 when no pupil is strictly below the median
 *   federal range ratio = (P95 − P5) / P5, undefined when P5 is 0
 */
#ifndef JUNHENG_DIAGNOSTICS_H
#define JUNHENG_DIAGNOSTICS_H

#include <stdbool.h>
#include <stddef.h>

#include "junheng/analysis.h"
#include "junheng/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Groups of the within/between decomposition: one per jh_locality. */
#define JH_LOCALITY_GROUPS 4

/** One locality group of a decomposition. */
typedef struct jh_decomp_group {
    jh_locality locality; /**< the group (JH_LOCALITY_UNKNOWN included) */
    size_t nsections;     /**< sections in the group (0: group absent) */
    double students;      /**< P_g */
    double mean;          /**< X̄_g, the group's weighted mean */
    double cv;            /**< the group's own CV (NAN if its mean is 0) */
    double within;        /**< Σ_{i∈g} P_i (X_i − X̄_g)² / (P X̄²) */
    double between;       /**< P_g (X̄_g − X̄)² / (P X̄²) */
} jh_decomp_group;

/** Decomposition of CV² into within- and between-locality parts. */
typedef struct jh_decomposition {
    double cv2;     /**< CV² of the level */
    double within;  /**< Σ over groups of their within part */
    double between; /**< Σ over groups of their between part */
    /** Indexed by jh_locality; groups with nsections 0 are absent. */
    jh_decomp_group groups[JH_LOCALITY_GROUPS];
} jh_decomposition;

/** Diagnostics of one indicator in one level. */
typedef struct jh_indicator_diagnostics {
    bool defined;    /**< false when the weighted mean is 0 (all NAN) */
    double gini;     /**< pupil-weighted Gini, 0 (equal) to <1 */
    double theil;    /**< Theil T index, ≥ 0 */
    double median;   /**< weighted median (value units) */
    double p05, p95; /**< weighted 5th and 95th percentiles */
    double mcloone;  /**< McLoone index, ≤ 1 */
    double federal_range_ratio; /**< (P95 − P5) / P5; NAN if P5 is 0 */
    jh_decomposition decomposition;
    /** Per section of the level, in the order of jh_level_result.sections:
     * share of Σ P_i (X_i − X̄)² (sums to 1; NAN when every value is
     * equal). */
    double *contribution;
    /** Per section: the CV without it (NAN for a single section or a
     * zero mean). */
    double *loo_cv;
    /** Lorenz curve: nsections + 1 points from (0, 0) to (1, 1), sections
     * in increasing order of value: cumulative pupil share and cumulative
     * share of the numerator. */
    double *lorenz_pupils;
    double *lorenz_share;
} jh_indicator_diagnostics;

/** Diagnostics of one level. */
typedef struct jh_level_diagnostics {
    bool present;
    size_t nsections; /**< as in the analysis */
    jh_indicator_diagnostics ind[JH_MAX_INDICATORS];
} jh_level_diagnostics;

/** Diagnostics of a whole analysis. */
typedef struct jh_diagnostics {
    const jh_analysis *analysis; /**< borrowed */
    jh_level_diagnostics levels[JH_LEVEL_COUNT];
} jh_diagnostics;

/**
 * Compute every diagnostic of @p analysis.  Section values and weights are
 * those of the analysis; localities come from the county's schools.
 *
 * @param out  receives a new object the caller frees with
 *             jh_diagnostics_free(); it borrows @p analysis
 * @return JH_OK, JH_ERR_NOMEM, or JH_ERR_INTERNAL when a decomposition
 *         does not add up (a bug)
 */
jh_status jh_diagnostics_run(jh_diagnostics **out, const jh_analysis *analysis,
                             jh_error *err);

/** Free diagnostics (tolerates NULL). */
void jh_diagnostics_free(jh_diagnostics *diagnostics);

/**
 * Weighted percentile @p p (0 ≤ p ≤ 1) of @p n values @p x with weights
 * @p w, by the rule in the header comment.  Errors (JH_ERR_STATS): n == 0,
 * p outside [0, 1], a negative or non-finite weight, total weight 0.
 */
jh_status jh_diagnostics_quantile(double *out, const double *x, const double *w,
                                  size_t n, double p, jh_error *err);

/**
 * Pupil-weighted Gini index.  Errors (JH_ERR_STATS): as
 * jh_wstats_compute(), including a zero mean.
 */
jh_status jh_diagnostics_gini(double *out, const double *x, const double *w,
                              size_t n, jh_error *err);

/** Theil T index (errors as jh_diagnostics_gini()). */
jh_status jh_diagnostics_theil(double *out, const double *x, const double *w,
                               size_t n, jh_error *err);

/**
 * McLoone index around the weighted median.  Errors as
 * jh_diagnostics_gini(), and a median of 0.
 */
jh_status jh_diagnostics_mcloone(double *out, const double *x, const double *w,
                                 size_t n, jh_error *err);

/**
 * Federal range ratio (P95 − P5) / P5 with weighted percentiles; *out is
 * NAN (and JH_OK returned) when P5 is 0.
 */
jh_status jh_diagnostics_range_ratio(double *out, const double *x,
                                     const double *w, size_t n, jh_error *err);

/**
 * Shares of the weighted squared deviation: out[i] = P_i (X_i − X̄)² /
 * Σ_j P_j (X_j − X̄)².  When every value is equal the shares are NAN.
 */
jh_status jh_diagnostics_contributions(double *out, const double *x,
                                       const double *w, size_t n,
                                       jh_error *err);

/**
 * Leave-one-out CVs: out[i] is the CV of the values without value i (NAN
 * when n is 1 or the remaining mean is 0).
 */
jh_status jh_diagnostics_loo_cv(double *out, const double *x, const double *w,
                                size_t n, jh_error *err);

/**
 * Decompose CV² by groups: @p group[i] in [0, JH_LOCALITY_GROUPS) is the
 * group of value i.  On success within + between equals cv2 up to rounding.
 */
jh_status jh_diagnostics_decompose(jh_decomposition *out, const double *x,
                                   const double *w, const int *group, size_t n,
                                   jh_error *err);

/**
 * Lorenz curve: @p pupils and @p share receive n + 1 points each (see
 * jh_indicator_diagnostics.lorenz_pupils).  Errors as jh_diagnostics_gini().
 */
jh_status jh_diagnostics_lorenz(double *pupils, double *share, const double *x,
                                const double *w, size_t n, jh_error *err);

#ifdef __cplusplus
}
#endif

#endif
