/*
 * junheng - checking what a county submitted against its school data.
 *
 * A county submits per-level county means and CVs (表Ⅲ), per-school
 * indicator values and verdicts (表Ⅱ-2), and per-level counts of schools
 * passing (表Ⅱ-1).  jh_verify_run() recomputes every figure from the
 * school data.  A claim holds when it and the recomputed figure, each
 * rounded as the official tables print them (CVs to 3 decimals, means and
 * school values to 2, shares to the claim's own 2 to 4 decimals), are
 * equal; counts and verdicts must be equal exactly.  How the claim was
 * written never widens that ("0", "0e9" and "0.5" are the numbers they
 * are; a claim with fewer decimals than the table prints gets a note),
 * and digits beyond the table's are rounded away.  A CV claim that
 * passes its limit while the recomputed CV fails it is a finding whatever
 * the rounding ("0.500" for 0.5004).
 *
 * For a claim that differs, the usual mistakes are tried and every one
 * that reproduces the claim (within the same precision) is named:
 *   - unweighted: each school counted once (mean of the values; CV with
 *     the population SD of the values over their plain mean);
 *   - sample_sd: the unweighted CV with the n − 1 sample SD;
 *   - bias_corrected_wsd: GSL's gsl_stats_wsd, which multiplies the
 *     weighted variance by (ΣP)² / ((ΣP)² − ΣP²);
 *   - split_equal: combined schools split by plain enrollment instead of
 *     the 1 : 1.1 (1 : 1.2, 1 : 1.1 : 1.32) weights, which is also what
 *     treating the whole school as one unit gives per pupil;
 *   - unsplit: a combined school's whole buildings, grounds, equipment and
 *     rooms given to each of its sections;
 *   - wan_x10000 / wan_div10000: a figure 10000 times too large or small,
 *     an amount in 万元 read as 元 or the other way round;
 *   - school_left_out: the county figure without one section (named);
 *   - school_added: the county figure with one excluded school counted
 *     (a small teaching point or a school marked 纳入计算 = 否; named).
 * Per-school claims for codes that are not in the data, or that the
 * standard excludes, and evaluated sections that have no per-school claim
 * (when the claims hold any per-school figure for that level) are findings
 * too.
 */
#ifndef JUNHENG_VERIFY_H
#define JUNHENG_VERIFY_H

#include <stdbool.h>
#include <stddef.h>

#include "junheng/analysis.h"
#include "junheng/claims.h"
#include "junheng/error.h"
#include "junheng/table.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Why a claim may differ; bit (1u << cause) in jh_verify_finding.causes. */
typedef enum jh_verify_cause {
    JH_CAUSE_UNWEIGHTED = 0,
    JH_CAUSE_SAMPLE_SD,
    JH_CAUSE_BIAS_CORRECTED_WSD,
    JH_CAUSE_SPLIT_EQUAL,
    JH_CAUSE_UNSPLIT,
    JH_CAUSE_WAN_X10000,
    JH_CAUSE_WAN_DIV10000,
    JH_CAUSE_SCHOOL_LEFT_OUT,
    JH_CAUSE_SCHOOL_ADDED,
    JH_CAUSE_COUNT
} jh_verify_cause;

/** Kinds of finding. */
typedef enum jh_finding_kind {
    JH_FINDING_DIFFERS = 0,     /**< the claim differs from the data */
    JH_FINDING_UNKNOWN_SCHOOL,  /**< a 表Ⅱ-2 claim for a code not in data */
    JH_FINDING_EXCLUDED_SCHOOL, /**< a 表Ⅱ-2 claim for an excluded school */
    JH_FINDING_NO_SECTION,      /**< the school has no section at that level */
    JH_FINDING_MISSING_SCHOOL, /**< an evaluated section without 表Ⅱ-2 claim */
    JH_FINDING_NO_LEVEL,  /**< a 表Ⅲ claim for a level without schools */
    JH_FINDING_UNDEFINED, /**< a CV claimed where the mean is 0 */
    /** equal as printed, but the claimed CV passes its limit and the
     * recomputed one fails it (0.500 claimed, 0.5004 recomputed) */
    JH_FINDING_HIDES_FAILURE
} jh_finding_kind;

/** Notes on a finding; bits of jh_verify_finding.notes. */
typedef enum jh_finding_note {
    /** the claim has fewer decimals than the table prints */
    JH_NOTE_FEWER_DECIMALS = 1u << 0,
    /** the claimed CV passes its limit, the recomputed one fails it */
    JH_NOTE_HIDES_FAILURE = 1u << 1,
    /** another claim states the same figure with another value */
    JH_NOTE_DUPLICATE = 1u << 2
} jh_finding_note;

/** One problem with the claims. */
typedef struct jh_verify_finding {
    jh_finding_kind kind;
    size_t claim;         /**< index into the claims, JH_NONE for missing */
    size_t section;       /**< model section concerned, or JH_NONE */
    size_t school;        /**< county school concerned, or JH_NONE */
    jh_level level;       /**< level concerned */
    double recomputed;    /**< the figure from the data, NAN if none */
    double difference;    /**< claimed − recomputed, NAN if none */
    unsigned causes;      /**< bit set of jh_verify_cause */
    unsigned notes;       /**< bit set of jh_finding_note */
    int decimals;         /**< decimals both were rounded to, -1 for exact */
    double claim_rounded; /**< the claim as the table prints it */
    double recomputed_rounded; /**< the recomputed figure, likewise */
    double limit;              /**< the CV limit concerned, NAN if none */
    /** The figure each matching cause gives (NAN for the others). */
    double cause_value[JH_CAUSE_COUNT];
    size_t cause_section; /**< JH_CAUSE_SCHOOL_LEFT_OUT: the section */
    size_t cause_school;  /**< JH_CAUSE_SCHOOL_ADDED: the county school */
} jh_verify_finding;

/** The outcome of a verification. */
typedef struct jh_verify_result {
    const jh_analysis *analysis; /**< borrowed */
    const jh_claims *claims;     /**< borrowed */
    size_t nchecked;             /**< claims checked */
    size_t nagree;               /**< claims that hold */
    jh_verify_finding *findings; /**< in the order of the claims, then
                                      missing schools */
    size_t nfindings;
} jh_verify_result;

/**
 * Check every claim against @p analysis (see the header comment).
 *
 * @param out  receives a new result the caller frees with
 *             jh_verify_free(); it borrows @p analysis and @p claims
 * @return JH_OK (whatever was found), JH_ERR_DATA when a per-school claim
 *         without a level names a school with two sections (the error
 *         names the claim's cell), JH_ERR_NOMEM
 */
jh_status jh_verify_run(jh_verify_result **out, const jh_analysis *analysis,
                        const jh_claims *claims, jh_error *err);

/** Free a result (tolerates NULL). */
void jh_verify_free(jh_verify_result *result);

/** English key of a cause ("unweighted", "sample_sd", ...). */
const char *jh_verify_cause_key(jh_verify_cause cause);

/** English key of a finding kind ("differs", "unknown_school", ...). */
const char *jh_verify_kind_key(jh_finding_kind kind);

/** English keys of the notes (bit order): "fewer_decimals",
 * "hides_failure", "duplicate"; NULL past the last. */
const char *jh_verify_note_key(unsigned bit);

/**
 * Round @p x to @p decimals the way a printed table does: half away from
 * zero on the shortest decimal form of the double (so 0.1235, stored as
 * 0.12349999999999999867, gives 0.124, and 0.08400000000000001 gives
 * 0.084).  Returns the rounded value as the nearest double; non-finite
 * input, or |x| of 1e15 and more, is returned unchanged.
 */
double jh_verify_round(double x, int decimals);

#ifdef __cplusplus
}
#endif

#endif
