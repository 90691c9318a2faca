/*
 * junheng - reading a standards file (INI) into a jh_standard.
 *
 * Parsing is libinih's; every value is checked here and reported with its
 * file and line, and the whole standard is validated once every key is
 * read.
 */
#include "junheng/standard.h"

#include <ini.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "standard_keys.h"
#include "util.h"

/* A "section\nkey" a standards file set, and its line. */
typedef struct seen_key {
    char *name;
    long line;
} seen_key;

typedef struct parser {
    jh_standard *std;
    const char *name;   /* file name for messages */
    const char *text;   /* remaining input */
    const char *end;
    long line;          /* line being handed to inih */
    bool any_key;       /* a key was set (base must come first) */
    long error_line;    /* line of the first bad value */
    jh_status status;
    jh_error *err;
    /* Every "section\nkey" set so far and its line: a key given twice in
     * one file is a mistake (the second would silently win). */
    seen_key *seen;
    size_t nseen, capseen;
    long partial_floor_line; /* 0: from the base or the defaults */
    long section_line;       /* line of the last [section] header */
} parser;

/* Most keys one standards file may set (a full standard has about 200). */
#define MAX_KEYS 4096

/* Provisions the code implements (model.c, guarantee.c): a standards file
 * may switch these, and only these.  A provision nobody reads would be
 * listed as "switched on" and change nothing. */
static const char *const known_provisions[] = {
    "subtract_indoor_sports",   "relax_2019_pe_art_parttime",
    "relax_2019_leased_sports", "relax_2019_rooms_pre2016",
    "relax_2019_school_size",
};

/* True when provision @p id is one junheng implements; the list of those
 * goes to @p list. */
static bool
provision_known(const char *id, char *list, size_t size)
{
    bool known = false;

    list[0] = '\0';
    for (size_t i = 0;
         i < sizeof(known_provisions) / sizeof(known_provisions[0]); i++) {
        size_t n = strlen(list);
        known = known || strcmp(id, known_provisions[i]) == 0;
        if (n < size)
            snprintf(list + n, size - n, "%s%s", i > 0 ? ", " : "",
                     known_provisions[i]);
    }
    return known;
}

static int fail(parser *p, jh_status st, const char *fmt_zh, const char *fmt,
                ...) __attribute__((format(printf, 4, 5)));

/*
 * A [section] header on the line just read: an unknown provision is
 * refused here, at its header, even when the section sets nothing.
 */
static void
check_header(parser *p, const char *line)
{
    const char *end = strchr(line, ']');
    char name[128], list[512];
    size_t n;

    if (end == NULL || p->status != JH_OK)
        return; /* inih reports the malformed line */
    n = (size_t)(end - line - 1);
    if (n >= sizeof(name) || strncmp(line + 1, "provision ", 10) != 0)
        return;
    memcpy(name, line + 1, n);
    name[n] = '\0';
    if (!provision_known(name + 10, list, sizeof(list)))
        fail(p, JH_ERR_DATA, "未知的条款“%s”（junheng 认识的条款：%s）",
             "unknown provision '%s' (junheng knows: %s)", name + 10, list);
}

/* inih reads through this, so that we know the line of every key. */
static char *
reader(char *buf, int size, void *stream)
{
    parser *p = stream;
    size_t n = 0;

    if (p->text >= p->end || size <= 1)
        return NULL;
    while (p->text < p->end && n + 1 < (size_t)size) {
        char c = *p->text++;
        buf[n++] = c;
        if (c == '\n')
            break;
    }
    buf[n] = '\0';
    p->line++;
    {
        const char *c = buf;
        while (*c == ' ' || *c == '\t')
            c++;
        if (*c == '[') {
            p->section_line = p->line;
            check_header(p, c);
        }
    }
    return buf;
}

/* Record the first error, at the current line, in Chinese (@p fmt_zh)
 * and English (@p fmt), as jh_error_set2(); returns 0 (inih: stop). */
static int
fail(parser *p, jh_status st, const char *fmt_zh, const char *fmt, ...)
{
    va_list ap;

    if (p->status != JH_OK)
        return 0;
    p->status = st;
    p->error_line = p->line;
    va_start(ap, fmt);
    jh_error_vset2(p->err, st, p->name, p->line, 0, fmt_zh, fmt, ap);
    va_end(ap);
    return 0;
}

static int
set_text(parser *p, char *dst, size_t size, const char *key,
         const char *value)
{
    if (strlen(value) >= size)
        return fail(p, JH_ERR_DATA, "%s：值超过了 %zu 字节",
                    "%s: value is longer than %zu bytes", key, size - 1);
    /* Written back as "key = ;...", it would read as a comment (found by
     * fuzz_standard): refuse it here instead. */
    if (value[0] == ';')
        return fail(p, JH_ERR_DATA, "%s：值不能以“;”开头",
                    "%s: a value must not start with ';'", key);
    memcpy(dst, value, strlen(value) + 1);
    return 1;
}

static int
set_number(parser *p, double *dst, const char *key, const char *value,
           bool allow_none)
{
    double v;

    if (allow_none && (strcasecmp(value, "none") == 0 || value[0] == '\0')) {
        *dst = NAN;
        return 1;
    }
    if (!jh__parse_double(value, &v) || v < 0)
        return fail(p, JH_ERR_DATA, "%s：“%s”不是非负数",
                    "%s: '%s' is not a non-negative number", key, value);
    *dst = v;
    return 1;
}

/*
 * A number of @p key in [lo, hi] (an open end when lo_open / hi_open),
 * or "none" when @p allow_none; fails naming the range otherwise, with
 * @p hint (English, in parentheses) and @p hint_zh (Chinese, starting
 * with its own punctuation) when not NULL.
 */
static int
set_ranged(parser *p, double *dst, const char *key, const char *value,
           bool allow_none, double lo, bool lo_open, double hi, bool hi_open,
           const char *hint, const char *hint_zh)
{
    double v = 0.0;

    if (!set_number(p, &v, key, value, allow_none))
        return 0;
    if (!isnan(v) &&
        ((lo_open ? v <= lo : v < lo) || (hi_open ? v >= hi : v > hi))) {
        char a[32], b[32];
        jh__fmt_general(lo, 6, a, sizeof(a));
        jh__fmt_general(hi, 6, b, sizeof(b));
        /* Each text skips the other's hint ("%.0s"). */
        return fail(p, JH_ERR_DATA, "%s：“%s”不在范围 %s%s, %s%s 内%.0s%.0s%s",
                    "%s: '%s' is outside %s%s, %s%s%s%s%.0s", key, value,
                    lo_open ? "(" : "[", a, b, hi_open ? ")" : "]",
                    hint != NULL ? " " : "", hint != NULL ? hint : "",
                    hint_zh != NULL ? hint_zh : "");
    }
    *dst = v;
    return 1;
}

/* A whole number of @p key in [lo, hi]. */
static int
set_whole(parser *p, double *dst, const char *key, const char *value, double lo,
          double hi)
{
    double v = 0.0;

    if (!set_number(p, &v, key, value, false))
        return 0;
    if (v != floor(v) || v < lo || v > hi) {
        char a[32], b[32];
        return fail(p, JH_ERR_DATA, "%s：“%s”不是 %s 到 %s 之间的整数",
                    "%s: '%s' is not a whole number from %s to %s", key, value,
                    jh__fmt_fixed(lo, 0, a, sizeof(a)),
                    jh__fmt_fixed(hi, 0, b, sizeof(b)));
    }
    *dst = v;
    return 1;
}

static int
set_bool(parser *p, bool *dst, const char *key, const char *value,
         const char *yes, const char *no)
{
    if (strcasecmp(value, yes) == 0 || strcasecmp(value, "yes") == 0 ||
        strcasecmp(value, "true") == 0) {
        *dst = true;
        return 1;
    }
    if (strcasecmp(value, no) == 0 || strcasecmp(value, "no") == 0 ||
        strcasecmp(value, "false") == 0) {
        *dst = false;
        return 1;
    }
    return fail(p, JH_ERR_DATA, "%s：“%s”既不是 %s 也不是 %s",
                "%s: '%s' is neither %s nor %s", key, value, yes, no);
}

/* Level suffix of a key ("threshold_primary" → 0), or -1. */
static int
level_of(const char *key, const char *stem)
{
    size_t n = strlen(stem);

    if (strncmp(key, stem, n) != 0)
        return -1;
    if (strcmp(key + n, "_primary") == 0)
        return JH_LEVEL_PRIMARY;
    if (strcmp(key + n, "_junior") == 0)
        return JH_LEVEL_JUNIOR;
    return -1;
}

static int
standard_key(parser *p, const char *key, const char *value)
{
    jh_standard *s = p->std;
    int l;

    if (strcmp(key, "base") == 0) {
        const jh_standard *b;
        if (p->any_key)
            return fail(p, JH_ERR_DATA, "base 必须写在文件的第一项",
                        "base must be the first key of the file");
        b = jh_standard_builtin(value);
        if (b == NULL)
            return fail(
                p, JH_ERR_DATA,
                "base：没有名为“%s”的内置标准（可用 junheng standards 查看）",
                "base: no built-in standard '%s' (see 'junheng "
                "standards')",
                value);
        *s = *b;
        snprintf(s->base, sizeof(s->base), "%s", value);
        p->any_key = true;
        return 1;
    }
    p->any_key = true;
    if (strcmp(key, "id") == 0)
        return set_text(p, s->id, sizeof(s->id), key, value);
    if (strcmp(key, "version") == 0)
        return set_text(p, s->version, sizeof(s->version), key, value);
    if (strcmp(key, "name_zh") == 0)
        return set_text(p, s->name_zh, sizeof(s->name_zh), key, value);
    if (strcmp(key, "name_en") == 0)
        return set_text(p, s->name_en, sizeof(s->name_en), key, value);
    if (strcmp(key, "source") == 0)
        return set_text(p, s->source, sizeof(s->source), key, value);
    if (strcmp(key, "cv_rule") == 0) {
        if (strcmp(value, "each") == 0)
            s->cv_rule = JH_CV_EACH;
        else if (strcmp(value, "composite") == 0)
            s->cv_rule = JH_CV_COMPOSITE;
        else if (strcmp(value, "none") == 0)
            s->cv_rule = JH_CV_NONE;
        else
            return fail(p, JH_ERR_DATA,
                        "cv_rule：“%s”不是 each、composite 或 none",
                        "cv_rule: '%s' is not each, composite or none", value);
        return 1;
    }
    /* A difference coefficient above 2 means one school holds nearly
     * everything; a limit of 0 or less can never be met. */
    if ((l = level_of(key, "cv_limit")) >= 0)
        return set_ranged(p, &s->cv_limit[l], key, value, true, 0, true,
                          JH_CV_LIMIT_MAX, false, "(write 0.50, or none)",
                          "；请写如 0.50 的数，或写 none");
    if ((l = level_of(key, "composite_limit")) >= 0)
        return set_ranged(p, &s->composite_limit[l], key, value, true, 0, true,
                          JH_CV_LIMIT_MAX, false, "(write 0.65, or none)",
                          "；请写如 0.65 的数，或写 none");
    if (strcmp(key, "min_met") == 0) {
        double v = 0.0;
        if (!set_number(p, &v, key, value, false))
            return 0;
        if (v != floor(v) || v > JH_MAX_INDICATORS)
            return fail(p, JH_ERR_DATA, "min_met：“%s”不是有效的个数",
                        "min_met: '%s' is not a count", value);
        s->min_met = (size_t)v;
        return 1;
    }
    if (strcmp(key, "partial_floor") == 0) {
        if (!set_number(p, &s->partial_floor, key, value, false))
            return 0;
        if (s->partial_floor > 1)
            return fail(p, JH_ERR_DATA,
                        "partial_floor：“%s”大于 1（85%% 请写 0.85）",
                        "partial_floor: '%s' is more than 1 (write 0.85 "
                        "for 85%%)",
                        value);
        /* 0 only where no indicator may fall short (checked in
         * validate(), when min_met is known). */
        p->partial_floor_line = p->line;
        return 1;
    }
    return fail(p, JH_ERR_DATA, "[standard] 中有未知的键“%s”",
                "unknown key '%s' in [standard]", key);
}

static int
weights_key(parser *p, const char *key, const char *value)
{
    static const struct {
        const char *key;
        size_t offset;
    } keys[] = {
        {"nine_year_junior", offsetof(jh_standard, weight_junior_nine)},
        {"complete_secondary_senior",
         offsetof(jh_standard, weight_senior_complete)},
        {"twelve_year_junior", offsetof(jh_standard, weight_junior_twelve)},
        {"twelve_year_senior", offsetof(jh_standard, weight_senior_twelve)},
    };
    for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
        if (strcmp(key, keys[i].key) == 0) {
            double *dst = (double *)((char *)p->std + keys[i].offset);
            return set_ranged(p, dst, key, value, false, JH_WEIGHT_MIN, false,
                              JH_WEIGHT_MAX, false,
                              "(a pupil's weight relative to a primary "
                              "pupil, 1; the 2017 rules use 1.1, 1.2 and "
                              "1.32)",
                              "；这是相对于小学生（为 1）的折算系数，2017 年"
                              "的办法用 1.1、1.2 和 1.32");
        }
    }
    return fail(p, JH_ERR_DATA, "[weights] 中有未知的键“%s”",
                "unknown key '%s' in [weights]", key);
}

static int
scope_key(parser *p, const char *key, const char *value)
{
    jh_standard *s = p->std;

    if (strcmp(key, "special") == 0)
        return set_bool(p, &s->include_special, key, value, "include",
                        "exclude");
    if (strcmp(key, "vocational") == 0)
        return set_bool(p, &s->include_vocational, key, value, "include",
                        "exclude");
    if (strcmp(key, "private") == 0)
        return set_bool(p, &s->include_private, key, value, "include",
                        "exclude");
    if (strcmp(key, "province_run") == 0)
        return set_bool(p, &s->include_province_run, key, value, "include",
                        "exclude");
    if (strcmp(key, "teaching_point_min") == 0)
        return set_whole(p, &s->teaching_point_min, key, value, 0,
                         JH_MAX_SCHOOL_PUPILS);
    if (strcmp(key, "teaching_points") == 0) {
        if (strcmp(value, "min") == 0)
            s->teaching_points = JH_TP_MIN;
        else if (strcmp(value, "exclude") == 0)
            s->teaching_points = JH_TP_EXCLUDE;
        else if (strcmp(value, "include") == 0)
            s->teaching_points = JH_TP_INCLUDE;
        else
            return fail(p, JH_ERR_DATA,
                        "teaching_points：“%s”不是 min、exclude 或 include",
                        "teaching_points: '%s' is not min, exclude or "
                        "include",
                        value);
        return 1;
    }
    return fail(p, JH_ERR_DATA, "[scope] 中有未知的键“%s”",
                "unknown key '%s' in [scope]", key);
}

/* The indicator named in a section header, created when new. */
static jh_indicator *
indicator_for(parser *p, const char *id)
{
    jh_standard *s = p->std;
    int k = jh_standard_find(s, id);
    jh_indicator *ind;

    if (k >= 0)
        return &s->indicators[k];
    if (s->nindicators == JH_MAX_INDICATORS) {
        fail(p, JH_ERR_DATA, "指标超过了 %d 个", "more than %d indicators",
             JH_MAX_INDICATORS);
        return NULL;
    }
    if (strlen(id) >= sizeof(ind->id) || id[0] == '\0') {
        fail(p, JH_ERR_DATA, "指标编号“%s”为空或太长",
             "indicator id '%s' is empty or too long", id);
        return NULL;
    }
    ind = &s->indicators[s->nindicators++];
    memset(ind, 0, sizeof(*ind));
    snprintf(ind->id, sizeof(ind->id), "%s", id);
    ind->quantity = JH_Q_COUNT; /* unset */
    ind->scale = 1.0;
    ind->threshold[0] = ind->threshold[1] = NAN;
    ind->decimals = 2;
    return ind;
}

static int
indicator_key(parser *p, const char *id, const char *key, const char *value)
{
    jh_indicator *ind;
    int l;

    if (strcmp(key, "remove") == 0) {
        int k = jh_standard_find(p->std, id);
        bool rm = false;
        if (!set_bool(p, &rm, key, value, "yes", "no"))
            return 0;
        if (rm && k >= 0) {
            jh_standard *s = p->std;
            memmove(&s->indicators[k], &s->indicators[k + 1],
                    (s->nindicators - (size_t)k - 1) * sizeof(jh_indicator));
            s->nindicators--;
        }
        return 1;
    }
    ind = indicator_for(p, id);
    if (ind == NULL)
        return 0;
    if (strcmp(key, "name_zh") == 0)
        return set_text(p, ind->name_zh, sizeof(ind->name_zh), key, value);
    if (strcmp(key, "name_en") == 0)
        return set_text(p, ind->name_en, sizeof(ind->name_en), key, value);
    if (strcmp(key, "short_zh") == 0)
        return set_text(p, ind->short_zh, sizeof(ind->short_zh), key, value);
    if (strcmp(key, "short_en") == 0)
        return set_text(p, ind->short_en, sizeof(ind->short_en), key, value);
    if (strcmp(key, "unit_zh") == 0)
        return set_text(p, ind->unit_zh, sizeof(ind->unit_zh), key, value);
    if (strcmp(key, "unit_en") == 0)
        return set_text(p, ind->unit_en, sizeof(ind->unit_en), key, value);
    if (strcmp(key, "split") == 0)
        return set_bool(p, &ind->split, key, value, "yes", "no");
    if (strcmp(key, "per") == 0) {
        if (strcmp(value, "1") == 0)
            ind->scale = 1.0;
        else if (strcmp(value, "100") == 0)
            ind->scale = 100.0;
        else
            return fail(p, JH_ERR_DATA, "per：“%s”既不是 1 也不是 100",
                        "per: '%s' is neither 1 nor 100", value);
        return 1;
    }
    if (strcmp(key, "quantity") == 0) {
        for (int q = 0; q < JH_Q_COUNT; q++) {
            if (strcmp(value, jh_quantity_key((jh_quantity)q)) == 0) {
                ind->quantity = (jh_quantity)q;
                return 1;
            }
        }
        return fail(p, JH_ERR_DATA, "quantity：“%s”不是已知的列键",
                    "quantity: unknown column key '%s'", value);
    }
    /* A threshold of 0 is met by every school: write none instead. */
    if ((l = level_of(key, "threshold")) >= 0)
        return set_ranged(p, &ind->threshold[l], key, value, true, 0, true,
                          JH_MAX_QUANTITY, false, "(or none)",
                          "；不设标准值请写 none");
    if (strcmp(key, "decimals") == 0) {
        double v = 0.0;
        if (!set_number(p, &v, key, value, false))
            return 0;
        if (v != floor(v) || v > 6)
            return fail(p, JH_ERR_DATA, "decimals：“%s”不是 0 到 6 的整数",
                        "decimals: '%s' is not 0 to 6", value);
        ind->decimals = (int)v;
        return 1;
    }
    return fail(p, JH_ERR_DATA, "未知的键“%s”（在 [indicator %s] 中）",
                "unknown key '%s' in [indicator %s]", key, id);
}

static int
provision_key(parser *p, const char *id, const char *key, const char *value)
{
    jh_standard *s = p->std;
    int k = jh_standard_provision_find(s, id);
    jh_provision *pv;

    if (k < 0) {
        char list[512];
        if (!provision_known(id, list, sizeof(list))) {
            long line = p->line;
            p->line = p->section_line; /* name the header, not the key */
            fail(p, JH_ERR_DATA, "未知的条款“%s”（junheng 认识的条款：%s）",
                 "unknown provision '%s' (junheng knows: %s)", id, list);
            p->line = line;
            return 0;
        }
        if (s->nprovisions == JH_MAX_PROVISIONS)
            return fail(p, JH_ERR_DATA, "条款超过了 %d 个",
                        "more than %d provisions", JH_MAX_PROVISIONS);
        if (strlen(id) >= sizeof(pv->id) || id[0] == '\0')
            return fail(p, JH_ERR_DATA, "条款编号“%s”为空或太长",
                        "provision id '%s' is empty or too long", id);
        pv = &s->provisions[s->nprovisions++];
        memset(pv, 0, sizeof(*pv));
        snprintf(pv->id, sizeof(pv->id), "%s", id);
        pv->min_students = pv->max_students = NAN;
    } else {
        pv = &s->provisions[k];
    }
    if (strcmp(key, "name_zh") == 0)
        return set_text(p, pv->name_zh, sizeof(pv->name_zh), key, value);
    if (strcmp(key, "name_en") == 0)
        return set_text(p, pv->name_en, sizeof(pv->name_en), key, value);
    if (strcmp(key, "enabled") == 0)
        return set_bool(p, &pv->enabled, key, value, "yes", "no");
    if (strcmp(key, "min_students") == 0 || strcmp(key, "max_students") == 0) {
        double *dst = key[1] == 'i' ? &pv->min_students : &pv->max_students;
        if (strcasecmp(value, "none") == 0 || value[0] == '\0') {
            *dst = NAN;
            return 1;
        }
        if (!set_whole(p, dst, key, value, 0, JH_MAX_SCHOOL_PUPILS))
            return 0;
        if (pv->min_students > pv->max_students)
            return fail(p, JH_ERR_DATA, "%s：min_students 大于 max_students",
                        "%s: min_students is more than max_students", key);
        return 1;
    }
    return fail(p, JH_ERR_DATA, "未知的键“%s”（在 [provision %s] 中）",
                "unknown key '%s' in [provision %s]", key, id);
}

/* Key @p key of limits table @p tab ([guarantee] or [county]). */
static int
limit_key(parser *p, const jh__limit_table *tab, const char *key,
          const char *value)
{
    for (size_t i = 0; i < tab->n; i++) {
        const jh__limit_key *k = &tab->keys[i];
        double *dst;
        if (strcmp(key, k->key) != 0)
            continue;
        dst = jh__limit_field(p->std, tab, i);
        if (k->kind == 3)
            return set_whole(p, dst, key, value, 1, 4);
        if (!set_number(p, dst, key, value, k->kind == 2))
            return 0;
        if (k->kind > 0 && *dst > 1)
            return fail(p, JH_ERR_DATA, "%s：“%s”大于 1（%.0s%s）",
                        "%s: '%s' is more than 1 (write %s%.0s)", key, value,
                        tab->share_example, tab->share_example_zh);
        /* Every [guarantee] figure is a limit or a count a school is held
         * to: 0 would make its check meaningless.  In [county], a minimum
         * of 0 is met by any county, a maximum of 0 by none. */
        if (*dst <= 0)
            return fail(p, JH_ERR_DATA, "%s：必须大于 0",
                        "%s: must be more than 0", key);
        if (*dst > JH_MAX_QUANTITY)
            return fail(p, JH_ERR_DATA, "%s：“%s”大得不合常理",
                        "%s: '%s' is implausibly large", key, value);
        return 1;
    }
    return fail(p, JH_ERR_DATA, "未知的键“%s”（在 [%s] 中）",
                "unknown key '%s' in [%s]", key, tab->section);
}

/* [guarantee]: limits of the school-level government-guarantee items. */
static int
guarantee_key(parser *p, const char *key, const char *value)
{
    jh_standard *s = p->std;

    s->guarantee.defined = true;
    if (strcmp(key, "teaching_points") == 0)
        return set_bool(p, &s->guarantee.include_teaching_points, key, value,
                        "include", "exclude");
    return limit_key(p, &jh__guarantee_table, key, value);
}

/* [county]: limits of the county-level items. */
static int
county_key(parser *p, const char *key, const char *value)
{
    p->std->county.defined = true;
    return limit_key(p, &jh__county_table, key, value);
}

/*
 * Record that @p key of @p section is set on the current line; fails when
 * it was set before in this file (libinih also calls back again for an
 * indented line, which continues the key above).
 */
static int
note_key(parser *p, const char *section, const char *key)
{
    size_t ls = strlen(section), lk = strlen(key);
    char *name;

    for (size_t i = 0; i < p->nseen; i++) {
        const char *n = p->seen[i].name;
        if (strncmp(n, section, ls) == 0 && n[ls] == '\n' &&
            strcmp(n + ls + 1, key) == 0)
            return fail(p, JH_ERR_DATA,
                        "%s 在 [%s] 中写了两次（第一次在第 %ld "
                        "行；缩进的行会接在上一个键的值后面）",
                        "%s is given twice in [%s] (first on line %ld; an "
                        "indented line continues the key above it)",
                        key, section, p->seen[i].line);
    }
    if (p->nseen == MAX_KEYS)
        return fail(p, JH_ERR_DATA, "键超过了 %d 个：这不是标准文件",
                    "more than %d keys: this is no standards file", MAX_KEYS);
    if (p->nseen == p->capseen) {
        size_t cap = p->capseen ? p->capseen * 2 : 64;
        seen_key *v = realloc(p->seen, cap * sizeof(*v));
        if (v == NULL)
            return fail(p, JH_ERR_NOMEM, "内存不足", "out of memory");
        p->seen = v;
        p->capseen = cap;
    }
    name = malloc(ls + lk + 2);
    if (name == NULL)
        return fail(p, JH_ERR_NOMEM, "内存不足", "out of memory");
    memcpy(name, section, ls);
    name[ls] = '\n';
    memcpy(name + ls + 1, key, lk + 1);
    p->seen[p->nseen].name = name;
    p->seen[p->nseen].line = p->line;
    p->nseen++;
    return 1;
}

static void
parser_release(parser *p)
{
    for (size_t i = 0; i < p->nseen; i++)
        free(p->seen[i].name);
    free(p->seen);
    p->seen = NULL;
    p->nseen = p->capseen = 0;
}

static int
handler(void *user, const char *section, const char *key, const char *value)
{
    parser *p = user;

    if (p->status != JH_OK)
        return 0;
    if (!note_key(p, section, key))
        return 0;
    if (section[0] == '\0')
        return fail(p, JH_ERR_DATA,
                    "“%s”写在了所有 [节名] 之前（或它所在节的标题写错了）",
                    "'%s' comes before any [section] (or its section "
                    "header is broken)",
                    key);
    if (strcmp(section, "standard") == 0)
        return standard_key(p, key, value);
    p->any_key = true;
    if (strcmp(section, "weights") == 0)
        return weights_key(p, key, value);
    if (strcmp(section, "scope") == 0)
        return scope_key(p, key, value);
    if (strncmp(section, "indicator ", 10) == 0)
        return indicator_key(p, section + 10, key, value);
    if (strncmp(section, "provision ", 10) == 0)
        return provision_key(p, section + 10, key, value);
    if (strcmp(section, "guarantee") == 0)
        return guarantee_key(p, key, value);
    if (strcmp(section, "county") == 0)
        return county_key(p, key, value);
    return fail(
        p, JH_ERR_DATA,
        "未知的节 [%s]（应为 [standard]、[weights]、[scope]、[indicator "
        "编号]、[provision 编号]、[guarantee] 或 [county]）",
        "unknown section [%s] (expected [standard], [weights], "
        "[scope], [indicator ID], [provision ID], [guarantee] or "
        "[county])",
        section);
}

/* Every number of limits table @p tab is set, but a share that may be
 * "none" (kind 2). */
static void
require_limits(parser *p, const jh__limit_table *tab)
{
    for (size_t i = 0; p->status == JH_OK && i < tab->n; i++) {
        if (tab->keys[i].kind != 2 && isnan(*jh__limit_field(p->std, tab, i)))
            fail(p, JH_ERR_DATA, "[%s] 缺少 %s", "[%s] needs %s", tab->section,
                 tab->keys[i].key);
    }
}

/* Whole-standard checks once every key is read; errors name the file
 * (line 0), the problem is no single line. */
static jh_status
validate(parser *p)
{
    jh_standard *s = p->std;

    p->line = 0;
    if (s->id[0] == '\0')
        fail(p, JH_ERR_DATA, "[standard] 缺少 id（或 base）",
             "[standard] needs an id (or a base)");
    else if (s->nindicators == 0)
        fail(p, JH_ERR_DATA, "标准中没有定义任何指标",
             "the standard defines no indicator");
    else if (s->min_met > s->nindicators)
        fail(p, JH_ERR_DATA, "min_met 为 %zu，但只有 %zu 个指标",
             "min_met is %zu but there are only %zu indicators", s->min_met,
             s->nindicators);
    else if (s->min_met > 0 && s->min_met < s->nindicators &&
             !(s->partial_floor > 0)) {
        /* Some indicator may fall short: by how much must be said. */
        p->line = p->partial_floor_line;
        fail(p, JH_ERR_DATA,
             "partial_floor：%g 不是 (0, 1] 之间的比例（85%% 请写 "
             "0.85）；min_met = %zu（共 %zu "
             "个指标）允许有指标未达到，须写明至少达到标准值的多少",
             "partial_floor: %g is not a share in (0, 1] (write 0.85 for "
             "85%%); min_met = %zu of %zu indicators lets one fall short",
             s->partial_floor, s->min_met, s->nindicators);
        p->line = 0;
    }
    for (size_t i = 0; p->status == JH_OK && i < s->nindicators; i++) {
        const jh_indicator *ind = &s->indicators[i];
        if (ind->quantity >= JH_Q_COUNT)
            fail(p, JH_ERR_DATA, "[indicator %s] 缺少 quantity（它统计的列）",
                 "[indicator %s] needs a quantity (the column it counts)",
                 ind->id);
        else if (ind->name_zh[0] == '\0' || ind->name_en[0] == '\0')
            fail(p, JH_ERR_DATA, "[indicator %s] 缺少 name_zh 和 name_en",
                 "[indicator %s] needs name_zh and name_en", ind->id);
        for (int l = 0; s->min_met > 0 && l < JH_LEVEL_COUNT; l++) {
            if (!jh_indicator_has_threshold(ind, l))
                fail(p, JH_ERR_DATA,
                     "[indicator %s] 缺少 threshold_%s：逐校达标规则（min_met "
                     "= %zu）要用到它",
                     "[indicator %s] needs threshold_%s: the per-school "
                     "rule (min_met = %zu) uses it",
                     ind->id, l == 0 ? "primary" : "junior", s->min_met);
        }
    }
    if (s->guarantee.defined)
        require_limits(p, &jh__guarantee_table);
    if (s->county.defined)
        require_limits(p, &jh__county_table);
    for (int l = 0; p->status == JH_OK && l < JH_LEVEL_COUNT; l++) {
        const char *level = l == 0 ? "primary" : "junior";
        if (s->cv_rule == JH_CV_EACH && isnan(s->cv_limit[l]))
            fail(p, JH_ERR_DATA, "cv_rule = each 时必须写 cv_limit_%s",
                 "cv_rule = each needs cv_limit_%s", level);
        if (s->cv_rule == JH_CV_COMPOSITE && isnan(s->composite_limit[l]))
            fail(p, JH_ERR_DATA,
                 "cv_rule = composite 时必须写 composite_limit_%s",
                 "cv_rule = composite needs composite_limit_%s", level);
    }
    return p->status;
}

jh_status
jh_standard_parse(jh_standard *out, const char *text, size_t len,
                  const char *name, jh_error *err)
{
    parser p = {0};
    jh_standard s;
    int rc;

    memset(&s, 0, sizeof(s));
    /* Defaults of a standard written from scratch. */
    s.cv_limit[0] = s.cv_limit[1] = NAN;
    s.composite_limit[0] = s.composite_limit[1] = NAN;
    s.weight_junior_nine = s.weight_junior_twelve = 1.1;
    s.weight_senior_complete = 1.2;
    s.weight_senior_twelve = 1.32;
    s.include_private = s.include_province_run = true;
    s.teaching_point_min = 50;
    for (size_t i = 0; i < jh__guarantee_table.n; i++)
        *jh__limit_field(&s, &jh__guarantee_table, i) = NAN;
    for (size_t i = 0; i < jh__county_table.n; i++)
        *jh__limit_field(&s, &jh__county_table, i) = NAN;
    p.std = &s;
    p.name = name != NULL ? name : "standard";
    p.text = text;
    p.end = text + len;
    p.err = err;
    rc = ini_parse_stream(reader, &p, handler, &p);
    parser_release(&p);
    if (p.status != JH_OK && !(rc > 0 && rc < p.error_line))
        return p.status;
    if (rc != 0) {
        /* A syntax error inih found (rc is its line), not a bad value. */
        jh_error_set2(err, JH_ERR_PARSE, p.name, rc > 0 ? rc : 0, 0,
                      "这一行的格式不对：应为 [节名]、键 = 值，或以 ; 开头"
                      "的注释",
                      "malformed line: expected [section], key = value or "
                      "a ; comment");
        return JH_ERR_PARSE;
    }
    if (validate(&p) != JH_OK)
        return p.status;
    jh__standard_sync_flags(&s);
    snprintf(s.file, sizeof(s.file), "%s", p.name);
    *out = s;
    return JH_OK;
}
