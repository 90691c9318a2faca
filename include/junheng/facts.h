/*
 * junheng - the county facts reader: a facts file (item, value, note rows;
 * docs/evaluate.md lists the items) read and checked into plain data for
 * the evaluation (evaluate.h).
 */
#ifndef JUNHENG_FACTS_H
#define JUNHENG_FACTS_H

#include <stdbool.h>

#include "junheng/diag.h"
#include "junheng/error.h"
#include "junheng/items.h"
#include "junheng/table.h"

#ifdef __cplusplus
extern "C" {
#endif

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

#ifdef __cplusplus
}
#endif

#endif
