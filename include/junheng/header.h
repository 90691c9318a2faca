/*
 * junheng - the one header matcher of the importer: the one table of column
 * names (Chinese, English keys, aliases, the county column included), finding
 * a table's header rows, and suggesting the known name nearest a header.
 */
#ifndef JUNHENG_HEADER_H
#define JUNHENG_HEADER_H

#include <stdbool.h>
#include <stddef.h>

#include "junheng/error.h"
#include "junheng/school.h"
#include "junheng/table.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Find the header of a school table: the first of the first
 * JH_HEADER_SCAN_ROWS rows that names the required columns (code, name,
 * type), title rows above it being skipped.  A second header row is used
 * when it maps more columns, in either shape of merged header: a group label
 * over full column names (学校基本情况 over 学校代码 | 学校名称) or a column
 * name over its sections (在校生数 over 小学 | 初中 | 高中, read as
 * 小学在校生数 ...).  A label is written only in the first cell of its span,
 * as merged cells are stored.
 *
 * @param row    receives the index of the first header row
 * @param nrows  receives 1 or 2
 * @return JH_OK, or JH_ERR_NOTFOUND when no row maps the required columns
 */
jh_status jh_school_find_header(const jh_table *table, size_t *row,
                                size_t *nrows);

/**
 * The header cell of @p county nearest to a name of the column @p key (an
 * English column key: "name", "teaching_area", "students_primary"), among
 * the cells that name no known column, for messages such as
 * "找到「学校名」，是否指「学校名称」？".
 *
 * Nearness is the edit distance (Levenshtein: insertions, deletions and
 * substitutions of one Unicode code point each) between the header's name
 * (canonical, its unit left out) and each name the importer knows for the
 * column; a header is suggested only when the distance d is at least 1
 * and at most max(1, n / 4), n being the code points of the shorter of the
 * two, and the known name has at least 3 code points: one slip in a
 * 4-character name, two in an 8-character one.
 *
 * @param found  receives the header as written (owned by @p county)
 * @param known  receives the column's usual Chinese name (static)
 * @return true when a header is close enough
 */
bool jh_county_suggest(const jh_county *county, const char *key,
                       const char **found, const char **known);

/**
 * The English key of the column a header cell names, by the one table of
 * column names the importer maps headers with: "code", "name", "type",
 * "county", "locality", "ownership", "parent_code", "include",
 * "rooms_pre2016" or "size_relaxation_eligible"; NULL for any other header
 * (numeric columns included).  Line breaks, spaces, full-width brackets and
 * a unit at the end are allowed ("所在区县", "县（市、区）", "区县").
 */
const char *jh_school_header_key(const char *header);

#ifdef __cplusplus
}
#endif

#endif
