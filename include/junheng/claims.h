/*
 * junheng - the claims reader: the figures a county submitted (per-level
 * means and CVs of 表Ⅲ, per-school values and verdicts of 表Ⅱ-2, counts of
 * 表Ⅱ-1), read from tables into plain data for verification (verify.h).
 * docs/claims.md describes the layouts.
 */
#ifndef JUNHENG_CLAIMS_H
#define JUNHENG_CLAIMS_H

#include <stdbool.h>
#include <stddef.h>

#include "junheng/error.h"
#include "junheng/school.h"
#include "junheng/standard.h"
#include "junheng/table.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Marks "no index" in claims and findings. */
#define JH_NONE ((size_t)-1)

/** What a claim states. */
typedef enum jh_claim_field {
    JH_CLAIM_MEAN = 0, /**< county weighted mean of a level (表Ⅲ) */
    JH_CLAIM_CV,       /**< difference coefficient of a level (表Ⅲ) */
    JH_CLAIM_VALUE,    /**< one school section's value (表Ⅱ-2) */
    /** 是否达标 (value 1 or 0): with a code, a school section's per-school
     * rule (or, with an indicator, whether it meets that threshold);
     * without a code, whether a level's CV meets its limit (with an
     * indicator) or the level passes (without one) */
    JH_CLAIM_VERDICT,
    JH_CLAIM_MET_COUNT,  /**< 达标指标数 of a school section (表Ⅱ-2) */
    JH_CLAIM_PASS_COUNT, /**< 达标学校数 of a level (表Ⅱ-1): sections
                              meeting an indicator, or passing overall */
    JH_CLAIM_SECTION_COUNT, /**< 学校数 of a level (表Ⅱ-1) */
    JH_CLAIM_PASS_SHARE     /**< 达标比例: pass count / section count */
} jh_claim_field;

/** One figure the county submitted. */
typedef struct jh_claim {
    jh_claim_field field;
    jh_level level;   /**< valid when level_given */
    bool level_given; /**< false: a per-school claim without a level */
    size_t indicator; /**< index into the standard's indicators, or
                           JH_NONE for the whole section or level
                           (学校综合达标, a school's 是否达标) */
    bool composite;   /**< a level's composite CV (综合差异系数, the mean
                           of its CVs) or its verdict; indicator JH_NONE */
    char *code;       /**< school code of a 表Ⅱ-2 claim, NULL for 表Ⅲ */
    char *text;       /**< the number as written */
    char *source;     /**< file the claim was read from */
    double value;     /**< the number (a percentage divided by 100;
                           a verdict 1 or 0) */
    double tolerance; /**< half a unit of the last digit written (how the
                           claim was written; not used to compare) */
    int decimals;     /**< digits after the point (of the fraction) */
    long line;        /**< line or sheet row of the claim */
    long column;      /**< 1-based column */
    char cell[64];    /**< "Sheet!C5" for workbooks, else "" */
} jh_claim;

/** One block of claims read, or one table (sheet) passed over. */
typedef struct jh_claims_block {
    char *source;     /**< file */
    char *sheet;      /**< sheet name, NULL for text files */
    long first, last; /**< lines or sheet rows of the block (header to
                           last data row); 0 for a table passed over */
    size_t nclaims;   /**< claims read from the block */
    size_t nblank;    /**< empty cells in its figure columns (a formula
                           saved without its result reads as empty) */
    const char *skip; /**< NULL for a block read; else why the table was
                           passed over (a static English key:
                           "no_claims_header") */
} jh_claims_block;

/** The claims read from one or more tables. */
typedef struct jh_claims {
    jh_claim *items;
    size_t count;
    size_t cap;
    jh_claims_block *blocks; /**< blocks read and tables passed over, in
                                  reading order */
    size_t nblocks;
    size_t blocks_cap;
} jh_claims;

/**
 * Parse a claimed number and its precision: an optional sign, digits with
 * an optional decimal point (full-width digits, point, sign and percent
 * are read as their ASCII forms; spaces around are trimmed),
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
 * blank row or a title row (a row of one text cell); rows above a header
 * (titles, cover pages) are skipped.  Each block read, or the table when
 * it holds no claims header, is recorded in @p claims->blocks; a table
 * without claims is not an error (the caller decides when nothing at all
 * was read).  A header maps its
 * columns by English key or Chinese name:
 *   code / 学校代码, level / 学段, indicator / 指标, mean / 均值 / 县域均值,
 *   cv / 差异系数, value / 指标值, name / 学校名称 (ignored);
 *   one column per indicator (id or Chinese name) holding per-school
 *   values (wide 表Ⅱ-2);
 *   primary_mean, primary_cv, junior_mean, junior_cv / 小学均值,
 *   小学差异系数, 初中均值, 初中差异系数 (wide 表Ⅲ).
 * Levels are "primary" / "小学" and "junior" / "初中"; indicators their id,
 * Chinese or English name or short name, a unit in parentheses allowed.
 * Verdict and count columns: 是否达标 (verdict), 达标指标数 (met
 * count), 达标学校数 (pass count), 学校数 (section count), 达标比例 (pass
 * share); the indicator 学校综合达标 means the whole section.
 * Errors (JH_ERR_DATA) name the cell: an unknown level or indicator, a
 * value that is not a number or a verdict, a claim without the level or
 * indicator it needs.
 */
jh_status jh_claims_add_table(jh_claims *claims, const jh_table *table,
                              const jh_standard *std, jh_error *err);

/** Release every claim and reset @p claims to empty (tolerates NULL). */
void jh_claims_release(jh_claims *claims);

/** English key of a claim field ("mean", "cv", "value", "verdict",
 * "met_count", "pass_count", "section_count", "pass_share"). */
const char *jh_claim_field_key(jh_claim_field field);

#ifdef __cplusplus
}
#endif

#endif
