/* junheng - reading a county's claims and checking them against the data
 * (see verify.h for the rules and the causes that are tried). */
#include "junheng/verify.h"

#include <ctype.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "junheng/model.h"
#include "util.h"
#include "whatif.h"

/* ---- numbers and names ------------------------------------------------ */

bool
jh_claim_parse_number(const char *text, double *value, int *decimals,
                      double *tolerance)
{
    char buf[96];
    size_t n = 0, len;
    const char *p;
    bool pct = false, digits = false;
    int frac = 0;
    long exp = 0;
    double v;

    for (p = text; *p != '\0'; p++) {
        char a = jh__fullwidth_ascii(p);
        if (a != 0)
            p += 2;
        else if (strncmp(p, "\xE3\x80\x80", 3) == 0) { /* ideographic space */
            a = ' ';
            p += 2;
        } else if (strncmp(p, "\xC2\xA0", 2) == 0) { /* no-break space */
            a = ' ';
            p += 1;
        } else
            a = *p;
        if (a == ',')
            continue;
        if (n + 1 >= sizeof(buf))
            return false;
        buf[n++] = a;
    }
    buf[n] = '\0';
    jh__trim(buf);
    len = strlen(buf);
    if (len >= 1 && buf[len - 1] == '%') {
        buf[--len] = '\0';
        pct = true;
    } else if (len >= 3 && strcmp(buf + len - 3, "\xEF\xBC\x85") == 0) {
        len -= 3;
        buf[len] = '\0';
        pct = true;
    }
    jh__trim(buf);
    p = buf;
    if (*p == '+' || *p == '-')
        p++;
    while (isdigit((unsigned char)*p)) {
        p++;
        digits = true;
    }
    if (*p == '.') {
        p++;
        while (isdigit((unsigned char)*p)) {
            p++;
            frac++;
            digits = true;
        }
    }
    if (!digits)
        return false;
    if (*p == 'e' || *p == 'E') {
        char *end = NULL;
        p++;
        if (!(isdigit((unsigned char)*p) ||
              ((*p == '+' || *p == '-') && isdigit((unsigned char)p[1]))))
            return false;
        exp = strtol(p, &end, 10);
        if (exp > 300 || exp < -300)
            return false;
        p = end;
    }
    if (*p != '\0' || !jh__parse_double(buf, &v))
        return false;
    if (pct)
        v /= 100.0;
    *value = v;
    *decimals = frac - (int)exp + (pct ? 2 : 0);
    *tolerance = 0.5 * pow(10.0, -*decimals);
    return true;
}

/*
 * |x| × 10^d rounded half away from zero, as an integer, into @p out.
 *
 * Why not printf("%.3f"): it rounds the binary double, and 0.1235 is stored
 * as 0.12349999999999999867, so it prints 0.123 where Excel, a county's
 * calculator and the official table print 0.124.  Nor fabs(x) × 1000 +
 * 0.5: the product itself rounds.  Instead the double is written in its
 * shortest decimal form (the fewest significant digits that read back as
 * the same double: "0.1235" for the double nearest 0.1235, and
 * "0.08400000000000001" for that double, whose digits beyond the 3rd are
 * then rounded away), and that decimal string is
 * rounded half up.  Claim and recomputed figure go through the same
 * function, so equal printed figures compare equal.  False for a
 * non-finite x, or when the result would not fit (|x| ≥ 1e15).
 */
static bool
round_scaled_tie(double x, int d, long long *out, bool *tie)
{
    char buf[40], digits[24];
    int p, nd = 0, e;
    long long r = 0;
    char *q;

    *tie = false;
    if (!isfinite(x) || fabs(x) >= 1e15 || d < 0 || d > 6)
        return false;
    if (x == 0.0) {
        *out = 0;
        return true;
    }
    for (p = 1; p <= 17; p++) {
        snprintf(buf, sizeof(buf), "%.*e", p - 1, fabs(x));
        if (strtod(buf, NULL) == fabs(x))
            break;
    }
    /* buf is "D.DDDDe±XX": the significant digits and the exponent. */
    for (q = buf; *q != '\0' && *q != 'e'; q++) {
        if (isdigit((unsigned char)*q) && nd < (int)sizeof(digits) - 1)
            digits[nd++] = *q;
    }
    digits[nd] = '\0';
    if (*q != 'e')
        return false;
    e = (int)strtol(q + 1, NULL, 10);
    /* |x| × 10^d has k digits before its point. */
    {
        int k = e + 1 + d;
        if (k > 18)
            return false;
        for (int i = 0; i < k; i++)
            r = r * 10 + (i < nd ? digits[i] - '0' : 0);
        if (k >= 0 && k < nd && digits[k] >= '5')
            r++;
        /* Exactly halfway: the rounding digit is the last one, a 5. */
        *tie = k >= 0 && k == nd - 1 && digits[k] == '5';
    }
    *out = x < 0 ? -r : r;
    return true;
}

static bool
round_scaled(double x, int d, long long *out)
{
    bool tie;
    return round_scaled_tie(x, d, out, &tie);
}

double
jh_verify_round(double x, int decimals)
{
    long long r;

    if (!round_scaled(x, decimals, &r))
        return x;
    return (double)r / pow(10.0, decimals);
}

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
    static const char *const level_zh[] = {"小学", "初中"};
    colmap c = {R_NONE, 0, -1};
    char t[256];
    int k;

    norm(text, t, sizeof(t));
    if (t[0] == '\0')
        return c;
    if (IN(t, code))
        c.r = R_CODE;
    else if (IN(t, name))
        c.r = R_NAME;
    else if (IN(t, level))
        c.r = R_LEVEL;
    else if (IN(t, indicator))
        c.r = R_INDICATOR;
    else if (IN(t, mean))
        c.r = R_MEAN;
    else if (IN(t, cv))
        c.r = R_CV;
    else if (IN(t, value))
        c.r = R_VALUE;
    else if (IN(t, verdict))
        c.r = R_VERDICT;
    else if (IN(t, met))
        c.r = R_MET_COUNT;
    else if (IN(t, passing))
        c.r = R_PASS_COUNT;
    else if (IN(t, sections))
        c.r = R_SECTION_COUNT;
    else if (IN(t, share))
        c.r = R_PASS_SHARE;
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
            return jh_error_set(err, JH_ERR_NOMEM, NULL, 0, 0, "out of memory");
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
        return jh_error_set(err, JH_ERR_NOMEM, NULL, 0, 0, "out of memory");
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

/* The claims of data row @p r under the header @p map. */
static jh_status
row_claims(jh_claims *cl, const jh_table *t, size_t r, const colmap *map,
           size_t ncols, int default_level, int *merged_level,
           const jh_standard *std, size_t *added, size_t *blank, jh_error *err)
{
    const char *code = NULL;
    int level = default_level, indicator = IND_NONE;
    bool level_blank = false;
    char b[256];

    for (size_t c = 0; c < ncols; c++) {
        const char *cell = c < t->rows[r].ncells ? t->rows[r].cells[c] : "";
        if (map[c].r == R_LEVEL && jh__is_blank(cell))
            level_blank = true;
        if (jh__is_blank(cell))
            continue;
        if (map[c].r == R_CODE) {
            code = cell;
        } else if (map[c].r == R_LEVEL) {
            norm(cell, b, sizeof(b));
            if (names_county(b))
                return JH_OK; /* a 总体结论 row: not checked */
            level = level_of(b);
            if (level < 0)
                return jh_table_error(err, JH_ERR_DATA, t, r, c,
                                       "unknown level '%s' (primary, "
                                       "junior, 小学 or 初中)",
                                       cell);
            *merged_level = level;
            level_blank = false;
        } else if (map[c].r == R_INDICATOR) {
            norm(cell, b, sizeof(b));
            indicator = names_overall(b)     ? IND_OVERALL
                        : names_composite(b) ? IND_COMPOSITE
                                             : indicator_of(std, b);
            if (indicator == IND_NONE)
                return jh_table_error(err, JH_ERR_DATA, t, r, c,
                                       "unknown indicator '%s'", cell);
        }
    }
    /* A 学段 cell merged down over the county rows of its level reads as
     * blank below its first row (sheets only: a blank in a text file is a
     * blank; and never for a school, whose level is its own). */
    if (level_blank && code == NULL && t->sheet != NULL && *merged_level >= 0)
        level = *merged_level;
    for (size_t c = 0; c < ncols; c++) {
        const char *cell = c < t->rows[r].ncells ? t->rows[r].cells[c] : "";
        jh_claim claim;
        int k = indicator, l = level;
        char trimmed[256];
        bool needs_indicator, school_claim;

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
        claim.field = field_of(map[c].r);
        if (claim.field == JH_CLAIM_VERDICT) {
            int v = verdict_of(trimmed);
            if (v < 0)
                return jh_table_error(err, JH_ERR_DATA, t, r, c,
                                       "claimed verdict '%s' is neither 是 "
                                       "nor 否 (达标 / 未达标)",
                                       cell);
            claim.value = v;
            claim.decimals = 0;
        } else if (!jh_claim_parse_number(cell, &claim.value, &claim.decimals,
                                          &claim.tolerance)) {
            return jh_table_error(err, JH_ERR_DATA, t, r, c,
                                   "claimed figure '%s' is not a number", cell);
        }
        if (map[c].r == R_LEVEL_MEAN || map[c].r == R_LEVEL_CV)
            l = map[c].level;
        if (map[c].r == R_IND_VALUE)
            k = (int)map[c].k;
        /* Means, CVs and school values are about one indicator; verdicts
         * and counts may be about the whole section or level. */
        needs_indicator = claim.field == JH_CLAIM_MEAN ||
                          claim.field == JH_CLAIM_CV ||
                          claim.field == JH_CLAIM_VALUE;
        /* The composite CV and its verdict are claims about the level. */
        claim.composite =
            k == IND_COMPOSITE && code == NULL &&
            (claim.field == JH_CLAIM_CV || claim.field == JH_CLAIM_VERDICT);
        if (needs_indicator && k < 0 && !claim.composite)
            return jh_table_error(err, JH_ERR_DATA, t, r, c,
                                   "claimed figure '%s' has no indicator "
                                   "(add an indicator column)",
                                   cell);
        if (claim.field == JH_CLAIM_MET_COUNT)
            k = IND_NONE;
        if ((claim.field == JH_CLAIM_VALUE ||
             claim.field == JH_CLAIM_MET_COUNT) &&
            code == NULL)
            return jh_table_error(err, JH_ERR_DATA, t, r, c,
                                   "school figure '%s' has no school code "
                                   "(add a code column)",
                                   cell);
        if ((code == NULL || claim.field == JH_CLAIM_MEAN ||
             claim.field == JH_CLAIM_CV || claim.field == JH_CLAIM_PASS_COUNT ||
             claim.field == JH_CLAIM_SECTION_COUNT ||
             claim.field == JH_CLAIM_PASS_SHARE) &&
            l < 0)
            return jh_table_error(err, JH_ERR_DATA, t, r, c,
                                   "county figure '%s' has no level (add a "
                                   "level column)",
                                   cell);
        claim.indicator = k >= 0 ? (size_t)k : JH_NONE;
        claim.level_given = l >= 0;
        claim.level = l >= 0 ? (jh_level)l : JH_LEVEL_PRIMARY;
        claim.line = t->rows[r].line;
        claim.column = (long)c + 1;
        if (t->sheet != NULL) {
            char letters[16];
            snprintf(claim.cell, sizeof(claim.cell), "%s!%s%ld", t->sheet,
                     jh_column_letters(claim.column, letters, sizeof(letters)),
                     claim.line);
        }
        snprintf(trimmed, sizeof(trimmed), "%s", cell);
        claim.text = jh__strdup(jh__trim(trimmed));
        claim.source = jh__strdup(t->source);
        /* School claims carry the code; county figures in a block with
         * a code column are still county figures. */
        school_claim = code != NULL && (claim.field == JH_CLAIM_VALUE ||
                                        claim.field == JH_CLAIM_VERDICT ||
                                        claim.field == JH_CLAIM_MET_COUNT);
        claim.code = school_claim ? jh__strdup(code) : NULL;
        if (claim.code != NULL)
            jh__trim(claim.code);
        if (claim.text == NULL || claim.source == NULL ||
            (school_claim && claim.code == NULL) ||
            claims_append(cl, &claim) != JH_OK) {
            free(claim.text);
            free(claim.source);
            free(claim.code);
            return jh_error_set(err, JH_ERR_NOMEM, NULL, 0, 0, "out of memory");
        }
        (*added)++;
    }
    return JH_OK;
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
        colmap *m1, *m2;
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
        if (n > cap) {
            m1 = realloc(map, n * sizeof(*m1));
            if (m1 != NULL)
                map = m1;
            m2 = realloc(probe, n * sizeof(*m2));
            if (m2 != NULL)
                probe = m2;
            if (m1 == NULL || m2 == NULL) {
                st = jh_error_set(err, JH_ERR_NOMEM, NULL, 0, 0,
                                  "out of memory");
                break;
            }
            cap = n;
        }
        /* A header starts a new block, also right after another block. */
        if (try_header(t, r, std, probe)) {
            END_BLOCK();
            if (st != JH_OK)
                break;
            for (size_t c = 0; c < n; c++) {
                const char *other;
                if (probe[c].r != R_NONE)
                    continue;
                other = other_standard_indicator(t->rows[r].cells[c], std);
                if (other != NULL) {
                    st = jh_table_error(err, JH_ERR_DATA, t, r, c,
                                         "column '%s' is an indicator of "
                                         "standard %s, not of %s (see "
                                         "--standard)",
                                         t->rows[r].cells[c], other, std->id);
                    break;
                }
            }
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
            title_level = level_mentioned(t->rows[r].cells[0]);
            for (size_t c = 1; c < n && title_level < 0; c++)
                title_level = level_mentioned(t->rows[r].cells[c]);
            continue;
        }
        if (!header) {
            /* A title above the header. */
            for (size_t c = 0; c < n && title_level < 0; c++)
                title_level = level_mentioned(t->rows[r].cells[c]);
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

/* ---- keys -------------------------------------------------------------- */

const char *
jh_verify_cause_key(jh_verify_cause cause)
{
    static const char *const keys[JH_CAUSE_COUNT] = {
        "unweighted",   "sample_sd",       "bias_corrected_wsd",
        "split_equal",  "unsplit",         "wan_x10000",
        "wan_div10000", "school_left_out", "school_added"};
    return (unsigned)cause < JH_CAUSE_COUNT ? keys[cause] : "unknown";
}

const char *
jh_verify_kind_key(jh_finding_kind kind)
{
    switch (kind) {
    case JH_FINDING_DIFFERS:
        return "differs";
    case JH_FINDING_UNKNOWN_SCHOOL:
        return "unknown_school";
    case JH_FINDING_EXCLUDED_SCHOOL:
        return "excluded_school";
    case JH_FINDING_NO_SECTION:
        return "no_section";
    case JH_FINDING_MISSING_SCHOOL:
        return "missing_school";
    case JH_FINDING_NO_LEVEL:
        return "no_level";
    case JH_FINDING_UNDEFINED:
        return "undefined";
    case JH_FINDING_HIDES_FAILURE:
        return "hides_failure";
    }
    return "unknown";
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

const char *
jh_verify_note_key(unsigned bit)
{
    static const char *const keys[] = {"fewer_decimals", "hides_failure",
                                       "duplicate"};
    return bit < sizeof(keys) / sizeof(keys[0]) ? keys[bit] : NULL;
}

/* ---- alternative computations ------------------------------------------ */

/* An analysis computed some other way, with what it owns. */
typedef struct alt {
    jh_county *county; /* owned copy, or NULL */
    jh_standard *std;  /* owned copy, or NULL */
    jh_model *model;   /* owned; built by jh_model_build when own_model */
    bool own_model;    /* false: sections array owned, the rest shared */
    jh_analysis *analysis;
    bool tried;
} alt;

static void
alt_release(alt *x)
{
    jh_analysis_free(x->analysis);
    if (x->own_model) {
        jh_model_free(x->model);
    } else if (x->model != NULL) {
        free(x->model->sections);
        free(x->model);
    }
    jh__county_copy_free(x->county);
    free(x->std);
    memset(x, 0, sizeof(*x));
}

/* Combined schools split by plain enrollment (every weight 1). */
static void
alt_split_equal(alt *x, const jh_analysis *a)
{
    jh_diags scratch = JH_DIAGS_INIT;

    x->tried = true;
    x->std = malloc(sizeof(*x->std));
    if (x->std == NULL)
        return;
    *x->std = *a->standard;
    x->std->weight_junior_nine = x->std->weight_senior_complete = 1.0;
    x->std->weight_junior_twelve = x->std->weight_senior_twelve = 1.0;
    x->own_model = true;
    if (jh_model_build(&x->model, a->model->county, x->std, &scratch, NULL) ==
        JH_OK)
        jh_analysis_run(&x->analysis, x->model, &scratch, NULL);
    jh_diags_release(&scratch);
}

/* Combined schools' whole physical quantities given to each section. */
static void
alt_unsplit(alt *x, const jh_analysis *a)
{
    const jh_model *m = a->model;
    jh_diags scratch = JH_DIAGS_INIT;

    x->tried = true;
    x->model = malloc(sizeof(*x->model));
    if (x->model == NULL)
        return;
    *x->model = *m;
    x->model->sections = malloc(m->nsections * sizeof(jh_section));
    if (x->model->sections == NULL) {
        free(x->model);
        x->model = NULL;
        return;
    }
    memcpy(x->model->sections, m->sections, m->nsections * sizeof(jh_section));
    for (size_t i = 0; i < m->nsections; i++)
        x->model->sections[i].physical_share = 1.0;
    jh_analysis_run(&x->analysis, x->model, &scratch, NULL);
    jh_diags_release(&scratch);
}

/* The county with excluded school @p school counted as a primary
 * section (a small teaching point) or as it is (纳入计算 = 否). */
static void
alt_added(alt *x, const jh_analysis *a, size_t school)
{
    jh_diags scratch = JH_DIAGS_INIT;
    jh_school *s;

    x->tried = true;
    x->county = jh__county_copy(a->model->county);
    if (x->county == NULL)
        return;
    s = &x->county->schools[school];
    s->include = true;
    if (s->type == JH_TYPE_TEACHING_POINT)
        s->type = JH_TYPE_PRIMARY;
    x->own_model = true;
    if (jh_model_build(&x->model, x->county, a->standard, &scratch, NULL) ==
        JH_OK)
        jh_analysis_run(&x->analysis, x->model, &scratch, NULL);
    jh_diags_release(&scratch);
}

typedef struct verifier {
    const jh_analysis *a;
    const jh_claims *claims;
    jh_verify_result *res;
    size_t cap;
    alt split_equal, unsplit;
    alt *added; /* per excluded school of the model */
    double *x, *w, *xs, *ws;
} verifier;

/* Decimals official tables print CVs with (evaluation rules 1.3: "CVs to
 * 3 decimals"); means and school values use the indicator's own
 * decimals from the standard (2). */
#define CV_DECIMALS 3

/* A share is printed as the county printed it: its own decimals, at
 * least 2 (a whole percentage) and at most 4 (a percentage with 2
 * decimals), so that "89.29%" and 0.8928571428571429 both hold for 25/28
 * but "1" does not. */
#define SHARE_MIN_DECIMALS 2
#define SHARE_MAX_DECIMALS 4

/* Decimals claim @p c and its figure are both rounded to before they are
 * compared; -1 for counts and verdicts, which must be equal exactly. */
static int
compared_decimals(const jh_analysis *a, const jh_claim *c)
{
    switch (c->field) {
    case JH_CLAIM_CV:
        return CV_DECIMALS;
    case JH_CLAIM_MEAN:
    case JH_CLAIM_VALUE:
        return a->standard->indicators[c->indicator].decimals;
    case JH_CLAIM_PASS_SHARE:
        return c->decimals < SHARE_MIN_DECIMALS   ? SHARE_MIN_DECIMALS
               : c->decimals > SHARE_MAX_DECIMALS ? SHARE_MAX_DECIMALS
                                                  : c->decimals;
    default:
        return -1;
    }
}

/*
 * True when claim @p c and figure @p x print alike (see verify.h).
 *
 * A recomputed figure exactly halfway between two printed ones (a school
 * value of 6100 / 800 = 7.625) holds with either: Excel and the official
 * tables print 7.63, but C's printf, Python and R round the binary double
 * (7.625 exactly, a tie, to even) and print 7.62, and a county that used
 * them printed a true figure.  The claim itself is always rounded half
 * up: 0.0845 written by a county is 0.085, never 0.084.
 */
static bool
holds_at(const jh_claim *c, double x, int d)
{
    long long rc, rx;
    bool tie;

    if (!isfinite(x))
        return false;
    if (d < 0)
        return c->value == x;
    if (round_scaled(c->value, d, &rc) && round_scaled_tie(x, d, &rx, &tie))
        return rc == rx || (tie && rc == (x < 0 ? rx + 1 : rx - 1));
    /* Beyond 1e15: no table prints such a figure; equal as doubles. */
    return c->value == x;
}

static jh_verify_finding *
new_finding(verifier *v, jh_finding_kind kind, size_t claim, jh_error *err)
{
    jh_verify_result *r = v->res;
    jh_verify_finding *f;

    if (r->nfindings == v->cap) {
        size_t ncap = v->cap == 0 ? 16 : v->cap * 2;
        jh_verify_finding *grown = realloc(r->findings, ncap * sizeof(*grown));
        if (grown == NULL) {
            jh_error_set(err, JH_ERR_NOMEM, NULL, 0, 0, "out of memory");
            return NULL;
        }
        r->findings = grown;
        v->cap = ncap;
    }
    f = &r->findings[r->nfindings++];
    memset(f, 0, sizeof(*f));
    f->kind = kind;
    f->claim = claim;
    f->section = f->school = f->cause_section = f->cause_school = JH_NONE;
    f->recomputed = f->difference = NAN;
    f->claim_rounded = f->recomputed_rounded = f->limit = NAN;
    f->decimals = -1;
    for (int i = 0; i < JH_CAUSE_COUNT; i++)
        f->cause_value[i] = NAN;
    return f;
}

/* Record alternative @p value for @p cause; mark it when it reproduces
 * the claim. */
static bool
try_cause(jh_verify_finding *f, const jh_claim *c, jh_verify_cause cause,
          double value)
{
    if (!isfinite(value))
        return false;
    f->cause_value[cause] = value;
    if (holds_at(c, value, f->decimals)) {
        f->causes |= 1u << cause;
        return true;
    }
    return false;
}

/* A level figure of @p an (mean or CV), NAN when absent or undefined. */
static double
level_figure(const jh_analysis *an, const jh_claim *c)
{
    const jh_level_result *lr;

    if (an == NULL)
        return NAN;
    lr = &an->levels[c->level];
    if (!lr->present)
        return NAN;
    if (c->field == JH_CLAIM_MEAN)
        return lr->ind[c->indicator].mean;
    return lr->ind[c->indicator].cv_defined ? lr->ind[c->indicator].cv : NAN;
}

static bool
is_money(const jh_analysis *a, size_t k)
{
    return a->standard->indicators[k].quantity == JH_Q_EQUIPMENT_VALUE;
}

/* Try every cause for a differing 表Ⅲ claim. */
static void
level_causes(verifier *v, jh_verify_finding *f, const jh_claim *c)
{
    const jh_analysis *a = v->a;
    const jh_level_result *lr = &a->levels[c->level];
    size_t n = lr->nsections, k = c->indicator;
    double plain = 0.0, ss = 0.0;
    jh_wstats s;

    for (size_t j = 0; j < n; j++) {
        v->x[j] = a->results[lr->sections[j]].value[k];
        v->w[j] = a->model->sections[lr->sections[j]].students;
        plain += v->x[j];
    }
    plain /= (double)n;
    for (size_t j = 0; j < n; j++)
        ss += (v->x[j] - plain) * (v->x[j] - plain);
    if (c->field == JH_CLAIM_MEAN) {
        try_cause(f, c, JH_CAUSE_UNWEIGHTED, plain);
        if (is_money(a, k)) {
            try_cause(f, c, JH_CAUSE_WAN_X10000, f->recomputed * 10000.0);
            try_cause(f, c, JH_CAUSE_WAN_DIV10000, f->recomputed / 10000.0);
        }
    } else if (plain > 0) {
        try_cause(f, c, JH_CAUSE_UNWEIGHTED, sqrt(ss / (double)n) / plain);
        if (n >= 2)
            try_cause(f, c, JH_CAUSE_SAMPLE_SD,
                      sqrt(ss / (double)(n - 1)) / plain);
        if (n >= 2 && lr->ind[k].mean > 0)
            try_cause(f, c, JH_CAUSE_BIAS_CORRECTED_WSD,
                      gsl_stats_wsd(v->w, 1, v->x, 1, n) / lr->ind[k].mean);
    }
    if (!v->split_equal.tried)
        alt_split_equal(&v->split_equal, a);
    try_cause(f, c, JH_CAUSE_SPLIT_EQUAL,
              level_figure(v->split_equal.analysis, c));
    if (!v->unsplit.tried)
        alt_unsplit(&v->unsplit, a);
    try_cause(f, c, JH_CAUSE_UNSPLIT, level_figure(v->unsplit.analysis, c));
    /* One section left out. */
    for (size_t j = 0; j < n && n >= 2; j++) {
        size_t m = 0;
        double fig;
        for (size_t i = 0; i < n; i++) {
            if (i != j) {
                v->xs[m] = v->x[i];
                v->ws[m] = v->w[i];
                m++;
            }
        }
        if (jh_wstats_compute(&s, v->xs, v->ws, m, NULL) != JH_OK)
            continue;
        fig = c->field == JH_CLAIM_MEAN ? s.mean : s.cv;
        if (holds_at(c, fig, f->decimals)) {
            f->cause_value[JH_CAUSE_SCHOOL_LEFT_OUT] = fig;
            f->causes |= 1u << JH_CAUSE_SCHOOL_LEFT_OUT;
            f->cause_section = lr->sections[j];
            break;
        }
    }
    /* One excluded school counted. */
    for (size_t e = 0; e < a->model->nexcluded; e++) {
        const jh_exclusion *ex = &a->model->excluded[e];
        double fig;
        if (ex->reason != JH_EXCL_SMALL_TEACHING_POINT &&
            ex->reason != JH_EXCL_INCLUDE_NO)
            continue;
        if (!v->added[e].tried)
            alt_added(&v->added[e], a, ex->school);
        fig = level_figure(v->added[e].analysis, c);
        if (holds_at(c, fig, f->decimals)) {
            f->cause_value[JH_CAUSE_SCHOOL_ADDED] = fig;
            f->causes |= 1u << JH_CAUSE_SCHOOL_ADDED;
            f->cause_school = ex->school;
            break;
        }
    }
}

/* A section's value in @p an, NAN when absent. */
static double
section_figure(const jh_analysis *an, size_t si, size_t k)
{
    if (an == NULL || si >= an->model->nsections)
        return NAN;
    return an->results[si].value[k];
}

/*
 * Judge claim @p ci against the recomputed @p fig: count it as agreeing,
 * or add a finding (returned in @p out, NULL when the claim holds) with
 * the figures as printed and the notes.  @p limit is the CV limit for a
 * CV claim (NAN otherwise), @p fails whether the recomputed CV fails it.
 */
static jh_status
judge(verifier *v, size_t ci, double fig, double limit, bool fails,
      jh_verify_finding **out, jh_error *err)
{
    const jh_claim *c = &v->claims->items[ci];
    int d = compared_decimals(v->a, c);
    bool eq = holds_at(c, fig, d), hides = false;
    unsigned notes = 0;
    jh_verify_finding *f;

    *out = NULL;
    /* A claim that passes its limit while the figure fails it, whatever
     * the rounding: the printed claim is what the table shows. */
    if (c->field == JH_CLAIM_CV && isfinite(limit) && fails &&
        jh_verify_round(c->value, d) <= limit)
        hides = true;
    if (eq && !hides) {
        v->res->nagree++;
        return JH_OK;
    }
    if (d >= 0 && c->decimals < d)
        notes |= JH_NOTE_FEWER_DECIMALS;
    if (hides && !eq) /* else it is the finding's kind */
        notes |= JH_NOTE_HIDES_FAILURE;
    f = new_finding(v, eq ? JH_FINDING_HIDES_FAILURE : JH_FINDING_DIFFERS, ci,
                    err);
    if (f == NULL)
        return JH_ERR_NOMEM;
    f->level = c->level;
    f->recomputed = fig;
    f->difference = c->value - fig;
    f->decimals = d;
    f->claim_rounded = d >= 0 ? jh_verify_round(c->value, d) : c->value;
    f->recomputed_rounded = d >= 0 ? jh_verify_round(fig, d) : fig;
    f->limit = limit;
    f->notes = notes;
    *out = f;
    return JH_OK;
}

static jh_status
check_level_claim(verifier *v, size_t ci, jh_error *err)
{
    const jh_claim *c = &v->claims->items[ci];
    const jh_level_result *lr = &v->a->levels[c->level];
    bool whole = c->indicator == JH_NONE;
    const jh_indicator_stats *is = whole ? NULL : &lr->ind[c->indicator];
    jh_verify_finding *f;
    double fig, limit = NAN, passing, nsec = (double)lr->nsections;
    bool fails = false;
    jh_status st;

    if (!lr->present) {
        f = new_finding(v, JH_FINDING_NO_LEVEL, ci, err);
        if (f == NULL)
            return JH_ERR_NOMEM;
        f->level = c->level;
        return JH_OK;
    }
    if (c->field == JH_CLAIM_CV &&
        (c->composite ? !isfinite(lr->composite_cv) : !is->cv_defined)) {
        f = new_finding(v, JH_FINDING_UNDEFINED, ci, err);
        if (f == NULL)
            return JH_ERR_NOMEM;
        f->level = c->level;
        return JH_OK;
    }
    passing = whole ? (double)lr->schools_passing : (double)is->met;
    switch (c->field) {
    case JH_CLAIM_MEAN:
        fig = is->mean;
        break;
    case JH_CLAIM_CV:
        fig = c->composite ? lr->composite_cv : is->cv;
        limit = c->composite ? lr->composite_limit : is->cv_limit;
        fails = c->composite ? !lr->composite_pass : !is->cv_pass;
        break;
    case JH_CLAIM_VERDICT:
        fig = (c->composite ? lr->composite_pass
               : whole      ? lr->pass
                            : is->cv_pass)
                  ? 1.0
                  : 0.0;
        break;
    case JH_CLAIM_PASS_COUNT:
        fig = passing;
        break;
    case JH_CLAIM_SECTION_COUNT:
        fig = nsec;
        break;
    case JH_CLAIM_PASS_SHARE:
        fig = nsec > 0 ? passing / nsec : NAN;
        break;
    default:
        fig = NAN;
        break;
    }
    st = judge(v, ci, fig, limit, fails, &f, err);
    if (st == JH_OK && f != NULL && f->kind == JH_FINDING_DIFFERS && !whole &&
        (c->field == JH_CLAIM_MEAN || c->field == JH_CLAIM_CV))
        level_causes(v, f, c);
    return st;
}

/* The figure of a per-school claim for section @p si. */
static double
school_figure(const jh_analysis *a, const jh_claim *c, size_t si)
{
    const jh_section_result *sr = &a->results[si];

    switch (c->field) {
    case JH_CLAIM_VALUE:
        return sr->value[c->indicator];
    case JH_CLAIM_VERDICT:
        if (c->indicator != JH_NONE)
            return sr->met[c->indicator] ? 1.0 : 0.0;
        return sr->pass ? 1.0 : 0.0;
    case JH_CLAIM_MET_COUNT:
        return (double)sr->met_count;
    default:
        return NAN;
    }
}

static jh_status
check_school_claim(verifier *v, size_t ci, bool *claimed, bool *level_claims,
                   jh_error *err)
{
    const jh_claim *c = &v->claims->items[ci];
    const jh_model *m = v->a->model;
    const jh_county *county = m->county;
    size_t school = JH_NONE, si = JH_NONE, nsec = 0, first = JH_NONE;
    jh_verify_finding *f;
    jh_status st;
    double fig;

    for (size_t i = 0; i < county->nschools; i++) {
        if (strcmp(county->schools[i].code, c->code) == 0) {
            school = i;
            break;
        }
    }
    if (school == JH_NONE) {
        f = new_finding(v, JH_FINDING_UNKNOWN_SCHOOL, ci, err);
        if (f == NULL)
            return JH_ERR_NOMEM;
        f->level = c->level;
        return JH_OK;
    }
    for (size_t i = 0; i < m->nsections; i++) {
        if (m->sections[i].school != school)
            continue;
        nsec++;
        if (first == JH_NONE)
            first = i;
        if (c->level_given && m->sections[i].level == c->level)
            si = i;
    }
    if (nsec == 0) {
        f = new_finding(v, JH_FINDING_EXCLUDED_SCHOOL, ci, err);
        if (f == NULL)
            return JH_ERR_NOMEM;
        f->school = school;
        f->level = c->level;
        return JH_OK;
    }
    if (!c->level_given) {
        if (nsec > 1) {
            jh_error_set(err, JH_ERR_DATA, c->source, c->line, c->column,
                         "%s (%s) has primary and junior sections: give the "
                         "level of its value",
                         county->schools[school].name, c->code);
            if (err != NULL && c->cell[0] != '\0')
                snprintf(err->cell, sizeof(err->cell), "%s", c->cell);
            return JH_ERR_DATA;
        }
        si = first;
    }
    if (si == JH_NONE) {
        f = new_finding(v, JH_FINDING_NO_SECTION, ci, err);
        if (f == NULL)
            return JH_ERR_NOMEM;
        f->school = school;
        f->level = c->level;
        return JH_OK;
    }
    claimed[si] = true;
    level_claims[m->sections[si].level] = true;
    fig = school_figure(v->a, c, si);
    st = judge(v, ci, fig, NAN, false, &f, err);
    if (st != JH_OK || f == NULL)
        return st;
    f->section = si;
    f->school = school;
    f->level = m->sections[si].level;
    if (c->field != JH_CLAIM_VALUE)
        return JH_OK;
    if (!v->split_equal.tried)
        alt_split_equal(&v->split_equal, v->a);
    try_cause(f, c, JH_CAUSE_SPLIT_EQUAL,
              section_figure(v->split_equal.analysis, si, c->indicator));
    if (!v->unsplit.tried)
        alt_unsplit(&v->unsplit, v->a);
    try_cause(f, c, JH_CAUSE_UNSPLIT,
              section_figure(v->unsplit.analysis, si, c->indicator));
    if (is_money(v->a, c->indicator)) {
        try_cause(f, c, JH_CAUSE_WAN_X10000, fig * 10000.0);
        try_cause(f, c, JH_CAUSE_WAN_DIV10000, fig / 10000.0);
    }
    return JH_OK;
}

/* True when claims @p a and @p b state the same figure. */
static bool
same_figure(const jh_claim *a, const jh_claim *b)
{
    return a->field == b->field && a->indicator == b->indicator &&
           a->composite == b->composite && a->level_given == b->level_given &&
           (!a->level_given || a->level == b->level) &&
           (a->code == NULL) == (b->code == NULL) &&
           (a->code == NULL || strcmp(a->code, b->code) == 0);
}

/* Note each finding whose figure another claim states with another
 * value (a county's two tables disagreeing with each other). */
static void
note_duplicates(verifier *v)
{
    const jh_claims *cl = v->claims;

    for (size_t i = 0; i < v->res->nfindings; i++) {
        jh_verify_finding *f = &v->res->findings[i];
        const jh_claim *c;
        int d;
        if (f->claim == JH_NONE)
            continue;
        c = &cl->items[f->claim];
        d = compared_decimals(v->a, c);
        for (size_t j = 0; j < cl->count; j++) {
            if (j != f->claim && same_figure(c, &cl->items[j]) &&
                !holds_at(c, cl->items[j].value, d)) {
                f->notes |= JH_NOTE_DUPLICATE;
                break;
            }
        }
    }
}

void
jh_verify_free(jh_verify_result *r)
{
    if (r == NULL)
        return;
    free(r->findings);
    free(r);
}

jh_status
jh_verify_run(jh_verify_result **out, const jh_analysis *a,
              const jh_claims *claims, jh_error *err)
{
    const jh_model *m = a->model;
    size_t n = m->nsections + 1;
    verifier v;
    bool *claimed = calloc(n, sizeof(bool));
    bool level_claims[JH_LEVEL_COUNT] = {false};
    jh_status st = JH_OK;

    memset(&v, 0, sizeof(v));
    v.a = a;
    v.claims = claims;
    v.res = calloc(1, sizeof(*v.res));
    v.added = calloc(m->nexcluded + 1, sizeof(*v.added));
    v.x = malloc(n * sizeof(double));
    v.w = malloc(n * sizeof(double));
    v.xs = malloc(n * sizeof(double));
    v.ws = malloc(n * sizeof(double));
    if (claimed == NULL || v.res == NULL || v.added == NULL || v.x == NULL ||
        v.w == NULL || v.xs == NULL || v.ws == NULL) {
        st = jh_error_set(err, JH_ERR_NOMEM, NULL, 0, 0, "out of memory");
        goto done;
    }
    v.res->analysis = a;
    v.res->claims = claims;
    for (size_t i = 0; i < claims->count && st == JH_OK; i++) {
        const jh_claim *c = &claims->items[i];
        bool whole_ok = (c->field != JH_CLAIM_MEAN && c->field != JH_CLAIM_CV &&
                         c->field != JH_CLAIM_VALUE) ||
                        (c->composite && c->field == JH_CLAIM_CV);
        if (c->indicator >= a->standard->nindicators &&
            !(c->indicator == JH_NONE && whole_ok)) {
            st = jh_error_set(err, JH_ERR_ARG, c->source, c->line, c->column,
                              "claim %zu names indicator %zu of %zu", i + 1,
                              c->indicator + 1, a->standard->nindicators);
            break;
        }
        v.res->nchecked++;
        if (c->code != NULL)
            st = check_school_claim(&v, i, claimed, level_claims, err);
        else
            st = check_level_claim(&v, i, err);
    }
    /* Sections of a level with per-school claims that have none. */
    for (size_t i = 0; i < m->nsections && st == JH_OK; i++) {
        jh_verify_finding *f;
        if (claimed[i] || !level_claims[m->sections[i].level])
            continue;
        f = new_finding(&v, JH_FINDING_MISSING_SCHOOL, JH_NONE, err);
        if (f == NULL) {
            st = JH_ERR_NOMEM;
            break;
        }
        f->section = i;
        f->school = m->sections[i].school;
        f->level = m->sections[i].level;
    }
    if (st == JH_OK)
        note_duplicates(&v);

done:
    alt_release(&v.split_equal);
    alt_release(&v.unsplit);
    for (size_t e = 0; v.added != NULL && e < m->nexcluded; e++)
        alt_release(&v.added[e]);
    free(v.added);
    free(v.x);
    free(v.w);
    free(v.xs);
    free(v.ws);
    free(claimed);
    if (st != JH_OK) {
        jh_verify_free(v.res);
        return st;
    }
    *out = v.res;
    return JH_OK;
}
