/*
 * junheng - checking what a county submitted against its school data.
 *
 * A county submits per-level county means and CVs (表Ⅲ) and per-school
 * indicator values (表Ⅱ-2).  jh_verify_run() recomputes every figure from
 * the school data and reports each claim that differs by more than its
 * printed precision allows: half a unit of the last digit written (a claim
 * "0.552" is checked to ±0.0005, "12.08" to ±0.005, "2925" to ±0.5; a
 * percentage "55.2%" is 0.552 ± 0.0005).
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
#include "junheng/error.h"
#include "junheng/table.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What a claim states. */
typedef enum jh_claim_field {
    JH_CLAIM_MEAN = 0, /**< county weighted mean of a level (表Ⅲ) */
    JH_CLAIM_CV,       /**< difference coefficient of a level (表Ⅲ) */
    JH_CLAIM_VALUE     /**< one school section's value (表Ⅱ-2) */
} jh_claim_field;

/** One figure the county submitted. */
typedef struct jh_claim {
    jh_claim_field field;
    jh_level level;   /**< valid when level_given */
    bool level_given; /**< false: a per-school claim without a level */
    size_t indicator; /**< index into the standard's indicators */
    char *code;       /**< school code of a 表Ⅱ-2 claim, NULL for 表Ⅲ */
    char *text;       /**< the number as written */
    char *source;     /**< file the claim was read from */
    double value;     /**< the number (a percentage divided by 100) */
    double tolerance; /**< half a unit of the last digit written */
    int decimals;     /**< digits after the point (of the fraction) */
    long line;        /**< line or sheet row of the claim */
    long column;      /**< 1-based column */
    char cell[64];    /**< "Sheet!C5" for workbooks, else "" */
} jh_claim;

/** The claims read from one or more tables. */
typedef struct jh_claims {
    jh_claim *items;
    size_t count;
    size_t cap;
} jh_claims;

/**
 * Parse a claimed number and its precision: an optional sign, digits with
 * an optional decimal point (ASCII or full-width digits are not accepted),
 * an optional exponent, an optional trailing '%' or '％'; thousands
 * separators ',' are ignored.  @p decimals receives the digits after the
 * point of the value as a fraction (a percentage adds 2, an exponent
 * subtracts its power), @p tolerance half a unit of that digit.
 * Returns false when @p text is not such a number.
 */
bool jh_claim_parse_number(const char *text, double *value, int *decimals,
                           double *tolerance);

/**
 * Append the claims in @p table (the layouts are described in
 * docs/claims.md): blocks of rows under a header row, a block ending at a
 * blank row; rows above a header (titles) are skipped.  A header maps its
 * columns by English key or Chinese name:
 *   code / 学校代码, level / 学段, indicator / 指标, mean / 均值 / 县域均值,
 *   cv / 差异系数, value / 指标值, name / 学校名称 (ignored);
 *   one column per indicator (id or Chinese name) holding per-school
 *   values (wide 表Ⅱ-2);
 *   primary_mean, primary_cv, junior_mean, junior_cv / 小学均值,
 *   小学差异系数, 初中均值, 初中差异系数 (wide 表Ⅲ).
 * Levels are "primary" / "小学" and "junior" / "初中"; indicators their id,
 * Chinese or English name or short name, a unit in parentheses allowed.
 * Errors (JH_ERR_DATA) name the cell: an unknown level or indicator, a
 * value that is not a number, a claim without the level or indicator it
 * needs, a table with no claim.
 */
jh_status jh_claims_add_table(jh_claims *claims, const jh_table *table,
                              const jh_standard *std, jh_error *err);

/** Release every claim and reset @p claims to empty (tolerates NULL). */
void jh_claims_release(jh_claims *claims);

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
    JH_FINDING_NO_LEVEL, /**< a 表Ⅲ claim for a level without schools */
    JH_FINDING_UNDEFINED /**< a CV claimed where the mean is 0 */
} jh_finding_kind;

/** Marks "no index" in findings. */
#define JH_NONE ((size_t)-1)

/** One problem with the claims. */
typedef struct jh_verify_finding {
    jh_finding_kind kind;
    size_t claim;      /**< index into the claims, JH_NONE for missing */
    size_t section;    /**< model section concerned, or JH_NONE */
    size_t school;     /**< county school concerned, or JH_NONE */
    jh_level level;    /**< level concerned */
    double recomputed; /**< the figure from the data, NAN if none */
    double difference; /**< claimed − recomputed, NAN if none */
    unsigned causes;   /**< bit set of jh_verify_cause */
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

/** English key of a claim field ("mean", "cv", "value"). */
const char *jh_claim_field_key(jh_claim_field field);

#ifdef __cplusplus
}
#endif

#endif
