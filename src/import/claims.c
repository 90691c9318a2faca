/*
 * junheng - the claims reader (include/junheng/claims.h): the figures a
 * county submitted (表Ⅲ, 表Ⅱ-1, 表Ⅱ-2; docs/claims.md) read from tables
 * into plain claims, each with the cell it came from and how it was
 * written.  src/tasks/verify.c checks them against the school data.
 */
#include "junheng/claims.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "junheng/model.h"
#include "util.h"

/* ---- numbers ----------------------------------------------------------- */

bool
jh_claim_parse_number(const char *text, double *value, int *decimals,
                      double *tolerance)
{
    jh__number n;

    if (!jh__parse_number(
            text, JH__NUM_GROUPS | JH__NUM_PERCENT | JH__NUM_DECIMALS, &n))
        return false;
    *value = n.value;
    *decimals = n.decimals;
    *tolerance = n.tolerance;
    return true;
}

/* ---- names ------------------------------------------------------------- */

/* Normalise a name for matching into @p out: trimmed, a trailing unit in
 * parentheses removed, ASCII lower-cased, spaces and hyphens as '_'. */
static char *
norm(const char *in, char *out, size_t size)
{
    char *paren;

    snprintf(out, size, "%s", in);
    jh__trim(out);
    paren = strstr(out, "\xEF\xBC\x88"); /* （ */
    if (paren == NULL || (strchr(out, '(') != NULL && strchr(out, '(') < paren))
        paren = strchr(out, '(');
    if (paren != NULL && paren != out)
        *paren = '\0';
    /* A unit on a line of its own, as wrapped headers have it; other text
     * after a line break ("骨干教师\n差异贡献") is part of the name. */
    paren = strchr(out, '\n');
    if (paren != NULL && paren != out) {
        const char *rest = paren + 1;
        while (*rest == ' ' || *rest == '\r')
            rest++;
        if (*rest == '(' || strncmp(rest, "\xEF\xBC\x88", 3) == 0)
            *paren = '\0';
    }
    jh__trim(out);
    for (char *p = out; *p != '\0'; p++) {
        if (*p == ' ' || *p == '-')
            *p = '_';
        else
            *p = (char)tolower((unsigned char)*p);
    }
    return out;
}

static bool
same(const char *normalised, const char *name)
{
    char b[256];
    return name[0] != '\0' && strcmp(normalised, norm(name, b, sizeof(b))) == 0;
}

/* Level named @p text (already normalised), or -1. */
static int
level_of(const char *t)
{
    static const char *const primary[] = {"primary", "小学", "primary_school",
                                          "小学阶段"};
    static const char *const junior[] = {"junior", "初中", "junior_secondary",
                                         "初级中学", "初中阶段"};
    for (size_t i = 0; i < sizeof(primary) / sizeof(primary[0]); i++) {
        if (strcmp(t, primary[i]) == 0)
            return JH_LEVEL_PRIMARY;
    }
    for (size_t i = 0; i < sizeof(junior) / sizeof(junior[0]); i++) {
        if (strcmp(t, junior[i]) == 0)
            return JH_LEVEL_JUNIOR;
    }
    return -1;
}

/* Indicator named @p t (already normalised), or -1. */
static int
indicator_of(const jh_standard *std, const char *t)
{
    if (t[0] == '\0')
        return -1;
    for (size_t k = 0; k < std->nindicators; k++) {
        const jh_indicator *ind = &std->indicators[k];
        if (same(t, ind->id) || same(t, ind->name_zh) ||
            same(t, ind->name_en) || same(t, ind->short_zh) ||
            same(t, ind->short_en) || same(t, jh_quantity_key(ind->quantity)) ||
            same(t, jh_quantity_zh(ind->quantity)))
            return (int)k;
    }
    return -1;
}

/* ---- reading claims ---------------------------------------------------- */

typedef enum role {
    R_NONE = 0,
    R_CODE,
    R_NAME,
    R_LEVEL,
    R_INDICATOR,
    R_MEAN, /* value roles from here */
    R_CV,
    R_VALUE,
    R_IND_VALUE,  /* wide 表Ⅱ-2: indicator k */
    R_LEVEL_MEAN, /* wide 表Ⅲ: level l */
    R_LEVEL_CV,
    R_VERDICT,       /* 是否达标 */
    R_MET_COUNT,     /* 达标指标数 (表Ⅱ-2) */
    R_PASS_COUNT,    /* 达标学校数 (表Ⅱ-1) */
    R_SECTION_COUNT, /* 学校数 (表Ⅱ-1) */
    R_PASS_SHARE     /* 达标比例 (表Ⅱ-1) */
} role;

typedef struct colmap {
    role r;
    size_t k;
    int level;
} colmap;

static bool
in_list(const char *t, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (strcmp(t, list[i]) == 0)
            return true;
    }
    return false;
}

#define IN(t, list) in_list(t, list, sizeof(list) / sizeof(list[0]))

/* An indicator cell naming no indicator but the whole section or level
 * (表Ⅱ-1's last row per level; the first two are junheng's own workbook
 * labels "schools_rule_pass" in report.c, normalised, which this layer
 * cannot call). */
static bool
names_overall(const char *t)
{
    static const char *const words[] = {
        "学校综合达标", "schools_passing_the_per_school_rule",
        "综合达标",     "学校达标",
        "overall",      "all_indicators"};
    return IN(t, words);
}

/* An indicator cell naming the composite CV (the mean of the CVs, judged
 * under the 2012 standard; the first two are the label "composite_cv" of
 * junheng's own workbook, normalised). */
static bool
names_composite(const char *t)
{
    static const char *const words[] = {"综合差异系数", "composite_cv",
                                        "composite"};
    return IN(t, words);
}

/* A level cell naming the whole county (总体结论 rows): such rows are
 * passed over. */
static bool
names_county(const char *t)
{
    static const char *const words[] = {"总体结论", "总体",   "全县",
                                        "合计",     "总计",   "县域",
                                        "overall",  "county", "total"};
    return IN(t, words);
}

/* The role of a header cell. */
static colmap
map_header(const char *text, const jh_standard *std)
{
    static const char *const code[] = {"code", "学校代码", "学校标识码",
                                       "学校编码", "school_code"};
    static const char *const name[] = {"name", "学校名称", "学校", "school"};
    static const char *const level[] = {"level", "学段"};
    static const char *const indicator[] = {"indicator", "指标", "指标名称",
                                            "indicator_id"};
    static const char *const mean[] = {
        "mean",   "county_mean", "weighted_mean", "均值",
        "平均值", "县域均值",    "加权平均数",    "县域平均值"};
    static const char *const cv[] = {"cv", "差异系数", "校际差异系数"};
    static const char *const value[] = {"value", "指标值", "数值", "值"};
    /* junheng's own English workbook says Meets, Indicators met,
     * Schools meeting, Schools, Share meeting. */
    static const char *const verdict[] = {
        "是否达标", "达标情况", "是否达到标准", "verdict", "pass", "meets"};
    static const char *const met[] = {"达标指标数", "met_count",
                                      "indicators_met"};
    static const char *const passing[] = {"达标学校数", "pass_count",
                                          "schools_passing", "schools_meeting"};
    static const char *const sections[] = {"学校数", "学校总数", "school_count",
                                           "schools", "sections"};
    static const char *const share[] = {"达标比例", "达标率", "pass_share",
                                        "share", "share_meeting"};
#define ROLE(list, r) {list, sizeof(list) / sizeof(list[0]), r}
    /* In this order: the first list naming the cell gives its role. */
    static const struct {
        const char *const *names;
        size_t n;
        role r;
    } roles[] = {
        ROLE(code, R_CODE),           ROLE(name, R_NAME),
        ROLE(level, R_LEVEL),         ROLE(indicator, R_INDICATOR),
        ROLE(mean, R_MEAN),           ROLE(cv, R_CV),
        ROLE(value, R_VALUE),         ROLE(verdict, R_VERDICT),
        ROLE(met, R_MET_COUNT),       ROLE(passing, R_PASS_COUNT),
        ROLE(sections, R_SECTION_COUNT), ROLE(share, R_PASS_SHARE),
    };
#undef ROLE
    static const char *const level_zh[] = {"小学", "初中"};
    colmap c = {R_NONE, 0, -1};
    char t[256];
    int k;

    norm(text, t, sizeof(t));
    if (t[0] == '\0')
        return c;
    for (size_t i = 0; i < sizeof(roles) / sizeof(roles[0]); i++) {
        if (in_list(t, roles[i].names, roles[i].n)) {
            c.r = roles[i].r;
            break;
        }
    }
    if (c.r != R_NONE)
        return c;
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        char b[64];
        const char *key = jh_level_key((jh_level)l);
        static const char *const mean_zh[] = {"均值", "平均值", "县域均值"};
        snprintf(b, sizeof(b), "%s_mean", key);
        if (strcmp(t, b) == 0) {
            c.r = R_LEVEL_MEAN;
            c.level = l;
            return c;
        }
        snprintf(b, sizeof(b), "%s_cv", key);
        if (strcmp(t, b) == 0) {
            c.r = R_LEVEL_CV;
            c.level = l;
            return c;
        }
        for (size_t i = 0; i < 3; i++) {
            snprintf(b, sizeof(b), "%s%s", level_zh[l], mean_zh[i]);
            if (strcmp(t, b) == 0) {
                c.r = R_LEVEL_MEAN;
                c.level = l;
                return c;
            }
        }
        snprintf(b, sizeof(b), "%s差异系数", level_zh[l]);
        if (strcmp(t, b) == 0) {
            c.r = R_LEVEL_CV;
            c.level = l;
            return c;
        }
    }
    k = indicator_of(std, t);
    if (k >= 0) {
        c.r = R_IND_VALUE;
        c.k = (size_t)k;
    }
    return c;
}

static bool
row_blank(const jh_table *t, size_t r)
{
    for (size_t c = 0; c < t->rows[r].ncells; c++) {
        if (!jh__is_blank(t->rows[r].cells[c]))
            return false;
    }
    return true;
}

/*
 * A title row inside a block ("表Ⅱ-2 学校资源配置指标情况（初中）" above the
 * next header, a merged title reading as its first cell): exactly one cell
 * holds something, it is not a number, and it is not a key its column
 * could hold (a level, an indicator, a school code alone are data rows
 * without figures, which are harmless).  Such a row is passed over; the
 * block goes on until the next header or blank row.
 */
static bool
row_title(const jh_table *t, size_t r, const colmap *map, size_t ncols,
          const jh_standard *std)
{
    size_t filled = 0, at = 0;
    double v, tol;
    int d;
    char b[256];
    const char *cell;

    for (size_t c = 0; c < t->rows[r].ncells; c++) {
        if (!jh__is_blank(t->rows[r].cells[c])) {
            filled++;
            at = c;
        }
    }
    if (filled != 1)
        return false;
    cell = t->rows[r].cells[at];
    if (jh_claim_parse_number(cell, &v, &d, &tol))
        return false;
    if (at >= ncols)
        return true;
    norm(cell, b, sizeof(b));
    switch (map[at].r) {
    case R_CODE:
        return false;
    case R_LEVEL:
        return level_of(b) < 0 && !names_county(b);
    case R_INDICATOR:
        return indicator_of(std, b) < 0 && !names_overall(b) &&
               !names_composite(b);
    default:
        return true;
    }
}

/*
 * Map row @p r as a header: it needs a column with figures, a column
 * that says what they are about, and no cell that is a number.
 *
 * Verdict and count columns only mean what 表Ⅱ-1 / 表Ⅱ-2 / 表Ⅲ mean in
 * tables of resource indicators: a 是否达标 next to school codes is the
 * per-school rule only when the block also has indicator values or
 * 达标指标数 (the school-conditions sheet of junheng's own workbook has a
 * 是否达标 about class sizes and music rooms, which is no claim about the
 * resource indicators); counts of schools belong to level rows, not to
 * school rows.  Columns that do not fit are ignored.
 */
static bool
try_header(const jh_table *t, size_t r, const jh_standard *std, colmap *map)
{
    bool value = false, key = false, code = false, resource = false;
    size_t n = t->rows[r].ncells;

    for (size_t c = 0; c < n; c++) {
        const char *cell = t->rows[r].cells[c];
        double v, tol;
        int d;
        map[c] = map_header(cell, std);
        if (jh_claim_parse_number(cell, &v, &d, &tol))
            return false;
        if (map[c].r == R_CODE)
            code = true;
        if (map[c].r == R_IND_VALUE || map[c].r == R_MET_COUNT ||
            map[c].r == R_VALUE)
            resource = true;
    }
    for (size_t c = 0; c < n; c++) {
        role x = map[c].r;
        if (code && ((x == R_VERDICT && !resource) || x == R_PASS_COUNT ||
                     x == R_SECTION_COUNT || x == R_PASS_SHARE))
            map[c].r = R_NONE;
        if (!code && x == R_MET_COUNT)
            map[c].r = R_NONE;
        if (map[c].r >= R_MEAN)
            value = true;
        if (map[c].r == R_CODE || map[c].r == R_LEVEL ||
            map[c].r == R_INDICATOR)
            key = true;
    }
    return value && key;
}

/*
 * The id of a built-in standard other than @p std one of whose indicators
 * header cell @p text names, or NULL.  A wide table's column for an
 * indicator the standard does not have would otherwise be passed over
 * without a word (in a long table such a row is an error).
 */
static const char *
other_standard_indicator(const char *text, const jh_standard *std)
{
    char t[256];

    norm(text, t, sizeof(t));
    if (t[0] == '\0' || indicator_of(std, t) >= 0)
        return NULL;
    for (size_t i = 0; i < jh_standard_builtin_count(); i++) {
        const char *id = jh_standard_builtin_id(i);
        const jh_standard *other = jh_standard_builtin(id);
        if (other != NULL && strcmp(other->id, std->id) != 0 &&
            indicator_of(other, t) >= 0)
            return id;
    }
    return NULL;
}

/* Cells that say "no figure" (junheng writes 无法计算 for an undefined
 * CV). */
static bool
no_figure(const char *t)
{
    static const char *const words[] = {
        "", "-", "—", "–", "/", "无法计算", "undefined", "n/a", "na"};
    return IN(t, words);
}

/* A claimed verdict (already normalised): 1 passes, 0 fails, -1 neither. */
static int
verdict_of(const char *t)
{
    static const char *const yes[] = {"是",     "达标", "合格", "通过",
                                      "yes",    "y",    "true", "pass",
                                      "passed", "√",    "✓",    "1"};
    static const char *const no[] = {
        "否",    "未达标", "不达标", "不合格", "未通过", "no", "n",
        "false", "fail",   "failed", "×",      "✗",      "0"};
    if (IN(t, yes))
        return 1;
    if (IN(t, no))
        return 0;
    return -1;
}

static jh_status
claims_append(jh_claims *cl, const jh_claim *c)
{
    if (cl->count == cl->cap) {
        size_t ncap = cl->cap == 0 ? 32 : cl->cap * 2;
        jh_claim *items = realloc(cl->items, ncap * sizeof(*items));
        if (items == NULL)
            return JH_ERR_NOMEM;
        cl->items = items;
        cl->cap = ncap;
    }
    cl->items[cl->count++] = *c;
    return JH_OK;
}

/* Record a block read (skip NULL) or a table passed over. */
static jh_status
block_append(jh_claims *cl, const jh_table *t, long first, long last,
             size_t nclaims, size_t nblank, const char *skip, jh_error *err)
{
    jh_claims_block *b;

    if (cl->nblocks == cl->blocks_cap) {
        size_t ncap = cl->blocks_cap == 0 ? 8 : cl->blocks_cap * 2;
        jh_claims_block *grown = realloc(cl->blocks, ncap * sizeof(*grown));
        if (grown == NULL)
            return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
        cl->blocks = grown;
        cl->blocks_cap = ncap;
    }
    b = &cl->blocks[cl->nblocks];
    memset(b, 0, sizeof(*b));
    b->source = jh__strdup(t->source);
    b->sheet = t->sheet != NULL ? jh__strdup(t->sheet) : NULL;
    if (b->source == NULL || (t->sheet != NULL && b->sheet == NULL)) {
        free(b->source);
        free(b->sheet);
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    }
    b->first = first;
    b->last = last;
    b->nclaims = nclaims;
    b->nblank = nblank;
    b->skip = skip;
    cl->nblocks++;
    return JH_OK;
}

void
jh_claims_release(jh_claims *cl)
{
    if (cl == NULL)
        return;
    for (size_t i = 0; i < cl->count; i++) {
        free(cl->items[i].code);
        free(cl->items[i].text);
        free(cl->items[i].source);
    }
    for (size_t i = 0; i < cl->nblocks; i++) {
        free(cl->blocks[i].source);
        free(cl->blocks[i].sheet);
    }
    free(cl->items);
    free(cl->blocks);
    memset(cl, 0, sizeof(*cl));
}

/* The one level named in @p text (小学 / 初中 / primary / junior), or -1
 * when it names none or both. */
static int
level_mentioned(const char *text)
{
    char b[512];
    bool p, j;

    /* Not norm(): titles say "（小学）", which it would cut. */
    snprintf(b, sizeof(b), "%s", text);
    for (char *q = b; *q != '\0'; q++)
        *q = (char)tolower((unsigned char)*q);
    p = strstr(b, "小学") != NULL || strstr(b, "primary") != NULL;
    j = strstr(b, "初中") != NULL || strstr(b, "junior") != NULL;
    return p == j ? -1 : p ? JH_LEVEL_PRIMARY : JH_LEVEL_JUNIOR;
}

/* The field of a value column. */
static jh_claim_field
field_of(role r)
{
    switch (r) {
    case R_MEAN:
    case R_LEVEL_MEAN:
        return JH_CLAIM_MEAN;
    case R_CV:
    case R_LEVEL_CV:
        return JH_CLAIM_CV;
    case R_VERDICT:
        return JH_CLAIM_VERDICT;
    case R_MET_COUNT:
        return JH_CLAIM_MET_COUNT;
    case R_PASS_COUNT:
        return JH_CLAIM_PASS_COUNT;
    case R_SECTION_COUNT:
        return JH_CLAIM_SECTION_COUNT;
    case R_PASS_SHARE:
        return JH_CLAIM_PASS_SHARE;
    default:
        return JH_CLAIM_VALUE;
    }
}

/* Indicator marks while reading a row: none given, or the whole. */
enum { IND_NONE = -1, IND_OVERALL = -2, IND_COMPOSITE = -3 };

/* What the key cells of a claims row say: its school code (NULL for a
 * county row), level (-1 unknown) and indicator (an index, or IND_*). */
typedef struct row_keys {
    const char *code;
    int level;
    int indicator;
} row_keys;

/* Read the code, level and indicator cells of row @p r into @p k.  A row
 * whose level cell names the county (总体结论) is not checked: *skip. */
static jh_status
read_row_keys(row_keys *k, bool *skip, const jh_table *t, size_t r,
              const colmap *map, size_t ncols, int *merged_level,
              const jh_standard *std, jh_error *err)
{
    bool level_blank = false;
    char b[256];

    for (size_t c = 0; c < ncols; c++) {
        const char *cell = c < t->rows[r].ncells ? t->rows[r].cells[c] : "";
        if (map[c].r == R_LEVEL && jh__is_blank(cell))
            level_blank = true;
        if (jh__is_blank(cell))
            continue;
        if (map[c].r == R_CODE) {
            k->code = cell;
        } else if (map[c].r == R_LEVEL) {
            norm(cell, b, sizeof(b));
            if (names_county(b)) {
                *skip = true; /* a 总体结论 row: not checked */
                return JH_OK;
            }
            k->level = level_of(b);
            if (k->level < 0)
                return jh_table_error2(err, JH_ERR_DATA, t, r, c,
                                       "未知的学段“%s”（请填写小学或初中，"
                                       "也可写 primary、junior）",
                                       "unknown level '%s' (primary, "
                                       "junior, 小学 or 初中)",
                                       cell);
            *merged_level = k->level;
            level_blank = false;
        } else if (map[c].r == R_INDICATOR) {
            norm(cell, b, sizeof(b));
            k->indicator = names_overall(b)     ? IND_OVERALL
                           : names_composite(b) ? IND_COMPOSITE
                                                : indicator_of(std, b);
            if (k->indicator == IND_NONE)
                return jh_table_error2(
                    err, JH_ERR_DATA, t, r, c,
                    "未知的指标“%s”（请填写指标的中文名称、简称或标识，"
                    "写法见 docs/claims.md）",
                    "unknown indicator '%s'", cell);
        }
    }
    /* A 学段 cell merged down over the county rows of its level reads as
     * blank below its first row (sheets only: a blank in a text file is a
     * blank; and never for a school, whose level is its own). */
    if (level_blank && k->code == NULL && t->sheet != NULL &&
        *merged_level >= 0)
        k->level = *merged_level;
    return JH_OK;
}

/* The figure of value cell @p cell (column @p c) into @p claim: a verdict
 * or a number, with its field. */
static jh_status
claim_figure(jh_claim *claim, const jh_table *t, size_t r, size_t c, role rl,
             const char *cell, const char *normalised, jh_error *err)
{
    claim->field = field_of(rl);
    if (claim->field == JH_CLAIM_VERDICT) {
        int v = verdict_of(normalised);
        if (v < 0)
            return jh_table_error2(err, JH_ERR_DATA, t, r, c,
                                   "上报的结论“%s”不是“是”或“否”"
                                   "（也可写“达标”或“未达标”）",
                                   "claimed verdict '%s' is neither 是 "
                                   "nor 否 (达标 / 未达标)",
                                   cell);
        claim->value = v;
        claim->decimals = 0;
    } else if (!jh_claim_parse_number(cell, &claim->value, &claim->decimals,
                                      &claim->tolerance)) {
        return jh_table_error2(err, JH_ERR_DATA, t, r, c,
                               "上报的数值“%s”不是数字（请填写数字，"
                               "如 12.08 或 55.2%%）",
                               "claimed figure '%s' is not a number", cell);
    }
    return JH_OK;
}

/* Settle what @p claim is about: its indicator @p k and level @p l, which
 * the figure's field needs.  Errors name the cell. */
static jh_status
claim_scope(jh_claim *claim, const jh_table *t, size_t r, size_t c,
            const char *code, int k, int l, const char *cell, jh_error *err)
{
    jh_claim_field f = claim->field;
    /* Means, CVs and school values are about one indicator; verdicts and
     * counts may be about the whole section or level. */
    bool needs_indicator =
        f == JH_CLAIM_MEAN || f == JH_CLAIM_CV || f == JH_CLAIM_VALUE;

    /* The composite CV and its verdict are claims about the level. */
    claim->composite = k == IND_COMPOSITE && code == NULL &&
                       (f == JH_CLAIM_CV || f == JH_CLAIM_VERDICT);
    if (needs_indicator && k < 0 && !claim->composite)
        return jh_table_error2(err, JH_ERR_DATA, t, r, c,
                               "上报的数值“%s”没有对应的指标"
                               "（请加一列“指标”）",
                               "claimed figure '%s' has no indicator "
                               "(add an indicator column)",
                               cell);
    if (f == JH_CLAIM_MET_COUNT)
        k = IND_NONE;
    if ((f == JH_CLAIM_VALUE || f == JH_CLAIM_MET_COUNT) && code == NULL)
        return jh_table_error2(err, JH_ERR_DATA, t, r, c,
                               "学校的数值“%s”没有学校代码"
                               "（请加一列“学校代码”）",
                               "school figure '%s' has no school code "
                               "(add a code column)",
                               cell);
    if ((code == NULL || f == JH_CLAIM_MEAN || f == JH_CLAIM_CV ||
         f == JH_CLAIM_PASS_COUNT || f == JH_CLAIM_SECTION_COUNT ||
         f == JH_CLAIM_PASS_SHARE) &&
        l < 0)
        return jh_table_error2(err, JH_ERR_DATA, t, r, c,
                               "县（区）的数值“%s”没有学段"
                               "（请加一列“学段”）",
                               "county figure '%s' has no level (add a "
                               "level column)",
                               cell);
    claim->indicator = k >= 0 ? (size_t)k : JH_NONE;
    claim->level_given = l >= 0;
    claim->level = l >= 0 ? (jh_level)l : JH_LEVEL_PRIMARY;
    return JH_OK;
}

/* Give @p claim its place (line, column, cell), text, source and code,
 * and append it to @p cl.  JH_ERR_NOMEM frees what was copied. */
static jh_status
claim_store(jh_claims *cl, jh_claim *claim, const jh_table *t, size_t r,
            size_t c, const char *code, const char *cell, jh_error *err)
{
    char trimmed[256];
    bool school_claim;

    claim->line = t->rows[r].line;
    claim->column = (long)c + 1;
    if (t->sheet != NULL) {
        char letters[16];
        snprintf(claim->cell, sizeof(claim->cell), "%s!%s%ld", t->sheet,
                 jh_column_letters(claim->column, letters, sizeof(letters)),
                 claim->line);
    }
    snprintf(trimmed, sizeof(trimmed), "%s", cell);
    claim->text = jh__strdup(jh__trim(trimmed));
    claim->source = jh__strdup(t->source);
    /* School claims carry the code; county figures in a block with a code
     * column are still county figures. */
    school_claim = code != NULL && (claim->field == JH_CLAIM_VALUE ||
                                    claim->field == JH_CLAIM_VERDICT ||
                                    claim->field == JH_CLAIM_MET_COUNT);
    claim->code = school_claim ? jh__strdup(code) : NULL;
    if (claim->code != NULL)
        jh__trim(claim->code);
    if (claim->text == NULL || claim->source == NULL ||
        (school_claim && claim->code == NULL) ||
        claims_append(cl, claim) != JH_OK) {
        free(claim->text);
        free(claim->source);
        free(claim->code);
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    }
    return JH_OK;
}

/* Append the claims of data row @p r (one per figure cell).  @p added and
 * @p blank count the claims read and the empty figure cells. */
static jh_status
row_claims(jh_claims *cl, const jh_table *t, size_t r, const colmap *map,
           size_t ncols, int default_level, int *merged_level,
           const jh_standard *std, size_t *added, size_t *blank, jh_error *err)
{
    row_keys keys = {NULL, default_level, IND_NONE};
    bool skip = false;
    jh_status st =
        read_row_keys(&keys, &skip, t, r, map, ncols, merged_level, std, err);

    if (st != JH_OK || skip)
        return st;
    for (size_t c = 0; c < ncols; c++) {
        const char *cell = c < t->rows[r].ncells ? t->rows[r].cells[c] : "";
        jh_claim claim;
        int k = keys.indicator, l = keys.level;
        char trimmed[256];

        if (map[c].r < R_MEAN)
            continue;
        /* Counted, so that the report can say so: a formula saved without
         * its result (openpyxl, .xls) reads as an empty cell. */
        if (jh__is_blank(cell)) {
            (*blank)++;
            continue;
        }
        /* As written ("-", which norm() would turn into "_"), then
         * normalised ("N/A"). */
        snprintf(trimmed, sizeof(trimmed), "%s", cell);
        if (no_figure(jh__trim(trimmed)))
            continue;
        norm(cell, trimmed, sizeof(trimmed));
        if (no_figure(trimmed))
            continue;
        memset(&claim, 0, sizeof(claim));
        st = claim_figure(&claim, t, r, c, map[c].r, cell, trimmed, err);
        if (st != JH_OK)
            return st;
        if (map[c].r == R_LEVEL_MEAN || map[c].r == R_LEVEL_CV)
            l = map[c].level;
        if (map[c].r == R_IND_VALUE)
            k = (int)map[c].k;
        st = claim_scope(&claim, t, r, c, keys.code, k, l, cell, err);
        if (st == JH_OK)
            st = claim_store(cl, &claim, t, r, c, keys.code, cell, err);
        if (st != JH_OK)
            return st;
        (*added)++;
    }
    return JH_OK;
}

/* Grow the column maps @p map and @p probe to @p n columns. */
static jh_status
grow_maps(colmap **map, colmap **probe, size_t *cap, size_t n, jh_error *err)
{
    colmap *m1, *m2;

    if (n <= *cap)
        return JH_OK;
    m1 = realloc(*map, n * sizeof(*m1));
    if (m1 != NULL)
        *map = m1;
    m2 = realloc(*probe, n * sizeof(*m2));
    if (m2 != NULL)
        *probe = m2;
    if (m1 == NULL || m2 == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    *cap = n;
    return JH_OK;
}

/* An unmapped column of header row @p r that names an indicator of another
 * standard is an error (the user chose the wrong --standard). */
static jh_status
other_standard_columns(const jh_table *t, size_t r, const colmap *probe,
                       size_t n, const jh_standard *std, jh_error *err)
{
    for (size_t c = 0; c < n; c++) {
        const char *other;
        if (probe[c].r != R_NONE)
            continue;
        other = other_standard_indicator(t->rows[r].cells[c], std);
        if (other != NULL)
            return jh_table_error2(err, JH_ERR_DATA, t, r, c,
                                   "列「%s」是标准 %s 的指标，不属于标准 "
                                   "%s（请用 --standard 选择标准）",
                                   "column '%s' is an indicator of "
                                   "standard %s, not of %s (see "
                                   "--standard)",
                                   t->rows[r].cells[c], other, std->id);
    }
    return JH_OK;
}

/* @p level when it is known (≥ 0), else the level the first cell of row
 * @p r that mentions one names, else -1. */
static int
mentioned_level(const jh_table *t, size_t r, int level)
{
    for (size_t c = 0; c < t->rows[r].ncells && level < 0; c++)
        level = level_mentioned(t->rows[r].cells[c]);
    return level;
}

jh_status
jh_claims_add_table(jh_claims *cl, const jh_table *t, const jh_standard *std,
                    jh_error *err)
{
    colmap *map = NULL, *probe = NULL;
    size_t ncols = 0, cap = 0, added = 0, block_added = 0, nheaders = 0;
    size_t blank = 0, block_blank = 0;
    long block_first = 0, block_last = 0;
    bool header = false;
    /* The level of rows without a level column: named by the sheet
     * ("表Ⅱ-2 小学") or by a title above the header ("……（小学）"). */
    int sheet_level = t->sheet != NULL ? level_mentioned(t->sheet) : -1;
    int title_level = -1, block_level = -1, merged_level = -1;
    jh_status st = JH_OK;

/* Close the open block, recording it. */
#define END_BLOCK()                                                            \
    do {                                                                       \
        if (header && st == JH_OK)                                             \
            st = block_append(cl, t, block_first, block_last,                  \
                              added - block_added, blank - block_blank, NULL,  \
                              err);                                            \
        header = false;                                                        \
    } while (0)

    for (size_t r = 0; r < t->nrows && st == JH_OK; r++) {
        size_t n = t->rows[r].ncells;
        /* Sheet readers leave empty rows out: a gap in the row numbers is
         * a blank row.  (Not in text files, where a quoted cell may span
         * lines.) */
        bool gap = t->sheet != NULL && r > 0 &&
                   t->rows[r].line > t->rows[r - 1].line + 1;
        if (gap) {
            END_BLOCK();
            title_level = -1;
        }
        if (row_blank(t, r)) {
            END_BLOCK();
            title_level = -1;
            continue;
        }
        st = grow_maps(&map, &probe, &cap, n, err);
        if (st != JH_OK)
            break;
        /* A header starts a new block, also right after another block. */
        if (try_header(t, r, std, probe)) {
            END_BLOCK();
            if (st != JH_OK)
                break;
            st = other_standard_columns(t, r, probe, n, std, err);
            if (st != JH_OK)
                break;
            memcpy(map, probe, n * sizeof(*map));
            ncols = n;
            header = true;
            nheaders++;
            block_first = block_last = t->rows[r].line;
            block_added = added;
            block_blank = blank;
            block_level = title_level >= 0 ? title_level : sheet_level;
            merged_level = -1;
            continue;
        }
        if (header && row_title(t, r, map, ncols, std)) {
            /* It may name the level of the next block. */
            title_level = mentioned_level(t, r, -1);
            continue;
        }
        if (!header) {
            /* A title above the header. */
            title_level = mentioned_level(t, r, title_level);
            continue;
        }
        st = row_claims(cl, t, r, map, ncols, block_level, &merged_level, std,
                        &added, &blank, err);
        block_last = t->rows[r].line;
    }
    END_BLOCK();
#undef END_BLOCK
    free(probe);
    free(map);
    if (st == JH_OK && nheaders == 0)
        st = block_append(cl, t, 0, 0, 0, 0, "no_claims_header", err);
    return st;
}

const char *
jh_claim_field_key(jh_claim_field field)
{
    switch (field) {
    case JH_CLAIM_MEAN:
        return "mean";
    case JH_CLAIM_CV:
        return "cv";
    case JH_CLAIM_VALUE:
        return "value";
    case JH_CLAIM_VERDICT:
        return "verdict";
    case JH_CLAIM_MET_COUNT:
        return "met_count";
    case JH_CLAIM_PASS_COUNT:
        return "pass_count";
    case JH_CLAIM_SECTION_COUNT:
        return "section_count";
    case JH_CLAIM_PASS_SHARE:
        return "pass_share";
    }
    return "unknown";
}
