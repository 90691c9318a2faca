/*
 * junheng - words for results the statistics computed: the sentence of a
 * guarantee check (result_words.h) and the JSON keys of a plan's rule and
 * target.  They read the results and compute nothing, so they live with
 * the reports (moved from guarantee.c and plan.c).
 */
#include "junheng/result_words.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "util.h"

/* ---- guarantee checks --------------------------------------------------- */

/* A figure for a sentence: whole numbers without decimals, else up to two. */
static const char *
fig(double v, char *buf, size_t size)
{
    if (fabs(v - round(v)) < 1e-9)
        return jh__fmt_fixed(round(v), 0, buf, size);
    jh__fmt_fixed(v, 2, buf, size);
    /* "12.50" → "12.5" */
    for (size_t n = strlen(buf); n > 0 && buf[n - 1] == '0'; n--)
        buf[n - 1] = '\0';
    return buf;
}

/* Append @p text to @p buf at *n, after a separator unless it is first. */
static void
add_name(char *buf, size_t size, size_t *n, bool *first, const char *sep,
         const char *text)
{
    *n += (size_t)snprintf(buf + *n, *n < size ? size - *n : 0, "%s%s",
                           *first ? "" : sep, text);
    *first = false;
}

/* Append the names of the columns in @p bits to @p buf. */
static void
missing_names(unsigned bits, jh_gcheck check, bool en, char *buf, size_t size)
{
    const char *sep = en ? ", " : "、";
    size_t n = strlen(buf);
    bool first = true;
    char name[160];

    if (bits & JH_GMISS_STUDENTS)
        add_name(buf, size, &n, &first, sep,
                 "在校生数 (students_primary, students_junior)");
    if (bits & JH_GMISS_CLASSES)
        add_name(buf, size, &n, &first, sep,
                 "班级数 (classes_primary, classes_junior)");
    for (int q = 0; q < JH_Q_COUNT; q++) {
        if (!(bits & (1u << q)))
            continue;
        if (q == JH_Q_LARGEST_CLASS && check == JH_G_CLASS_SIZE_PRIMARY)
            snprintf(name, sizeof(name),
                     "小学最大班额 (largest_class_primary)");
        else if (q == JH_Q_LARGEST_CLASS && check == JH_G_CLASS_SIZE_JUNIOR)
            snprintf(name, sizeof(name), "初中最大班额 (largest_class_junior)");
        else
            snprintf(name, sizeof(name), "%s (%s)",
                     jh_quantity_zh((jh_quantity)q),
                     jh_quantity_key((jh_quantity)q));
        add_name(buf, size, &n, &first, sep, name);
    }
    if (n >= size)
        buf[size - 1] = '\0';
}

/* The sentence of a failing check in English. */
static void
describe_en(const jh_gresult *r, jh_gcheck check, char *buf, size_t size)
{
    char a[32], b[32], c[32], d[32];
    const char *kind;

    switch (check) {
    case JH_G_SCHOOL_SIZE:
        snprintf(buf, size, "%s pupils, %s over the limit of %s",
                 fig(r->value, a, sizeof(a)), fig(r->shortfall, b, sizeof(b)),
                 fig(r->limit, c, sizeof(c)));
        break;
    case JH_G_CLASS_SIZE_PRIMARY:
    case JH_G_CLASS_SIZE_JUNIOR:
        snprintf(buf, size,
                 "largest %s class %s pupils, %s over the limit "
                 "of %s",
                 check == JH_G_CLASS_SIZE_PRIMARY ? "primary" : "junior",
                 fig(r->value, a, sizeof(a)), fig(r->shortfall, b, sizeof(b)),
                 fig(r->limit, c, sizeof(c)));
        break;
    case JH_G_MUSIC_ROOMS:
    case JH_G_ART_ROOMS:
        kind = check == JH_G_MUSIC_ROOMS ? "music" : "art";
        snprintf(buf, size, "%s more %s room%s (%s classes need %s, has %s)",
                 fig(r->shortfall, a, sizeof(a)), kind,
                 r->shortfall == 1 ? "" : "s", fig(r->base, b, sizeof(b)),
                 fig(r->limit, c, sizeof(c)), fig(r->value, d, sizeof(d)));
        break;
    case JH_G_MUSIC_ROOM_AREA:
    case JH_G_ART_ROOM_AREA:
        kind = check == JH_G_MUSIC_ROOM_AREA ? "music" : "art";
        snprintf(buf, size,
                 "smallest %s room %s m², %s m² too small (at least %s m²%s)",
                 kind, fig(r->value, a, sizeof(a)),
                 fig(r->shortfall, b, sizeof(b)), fig(r->limit, c, sizeof(c)),
                 r->relaxed ? " for rooms built before 2016" : "");
        break;
    case JH_G_CERTIFIED_TEACHERS:
        snprintf(buf, size,
                 "%s teacher%s without a certificate (%s of %s "
                 "certified)",
                 fig(r->shortfall, a, sizeof(a)), r->shortfall == 1 ? "" : "s",
                 fig(r->value * r->base, b, sizeof(b)),
                 fig(r->base, c, sizeof(c)));
        break;
    case JH_G_TRAINING_FUNDS:
        snprintf(buf, size,
                 "%s yuan more training funds (at least %s%% of "
                 "%s yuan public funds)",
                 fig(ceil(r->shortfall - 1e-9), a, sizeof(a)),
                 fig(r->limit * 100, b, sizeof(b)), fig(r->base, c, sizeof(c)));
        break;
    case JH_G_COUNT:
        break;
    }
}

/* The sentence of a failing check in Chinese. */
static void
describe_zh(const jh_gresult *r, jh_gcheck check, char *buf, size_t size)
{
    char a[32], b[32], c[32], d[32];
    const char *kind;

    switch (check) {
    case JH_G_SCHOOL_SIZE:
        snprintf(buf, size, "义务教育阶段在校生%s人，超过上限%s人%s人",
                 fig(r->value, a, sizeof(a)), fig(r->limit, b, sizeof(b)),
                 fig(r->shortfall, c, sizeof(c)));
        break;
    case JH_G_CLASS_SIZE_PRIMARY:
    case JH_G_CLASS_SIZE_JUNIOR:
        snprintf(buf, size, "%s最大班额%s人，超过上限%s人%s人",
                 check == JH_G_CLASS_SIZE_PRIMARY ? "小学" : "初中",
                 fig(r->value, a, sizeof(a)), fig(r->limit, b, sizeof(b)),
                 fig(r->shortfall, c, sizeof(c)));
        break;
    case JH_G_MUSIC_ROOMS:
    case JH_G_ART_ROOMS:
        kind = check == JH_G_MUSIC_ROOMS ? "音乐" : "美术";
        snprintf(buf, size, "还需%s专用教室%s间（%s个班应配%s间，现有%s间）",
                 kind, fig(r->shortfall, a, sizeof(a)),
                 fig(r->base, b, sizeof(b)), fig(r->limit, c, sizeof(c)),
                 fig(r->value, d, sizeof(d)));
        break;
    case JH_G_MUSIC_ROOM_AREA:
    case JH_G_ART_ROOM_AREA:
        kind = check == JH_G_MUSIC_ROOM_AREA ? "音乐" : "美术";
        snprintf(buf, size, "最小%s专用教室%s平方米，比%s%s平方米少%s平方米",
                 kind, fig(r->value, a, sizeof(a)),
                 r->relaxed ? "2016年前建成教室的下限" : "下限",
                 fig(r->limit, b, sizeof(b)), fig(r->shortfall, c, sizeof(c)));
        break;
    case JH_G_CERTIFIED_TEACHERS:
        snprintf(buf, size, "%s名专任教师未持证（持证%s人，专任教师%s人）",
                 fig(r->shortfall, a, sizeof(a)),
                 fig(r->value * r->base, b, sizeof(b)),
                 fig(r->base, c, sizeof(c)));
        break;
    case JH_G_TRAINING_FUNDS:
        snprintf(buf, size,
                 "教师培训经费还差%s元（应不少于公用经费%s元的%s%%）",
                 fig(ceil(r->shortfall - 1e-9), a, sizeof(a)),
                 fig(r->base, b, sizeof(b)), fig(r->limit * 100, c, sizeof(c)));
        break;
    case JH_G_COUNT:
        break;
    }
}

char *
jh_gresult_describe(const jh_gresult *r, jh_gcheck check, bool en, char *buf,
                    size_t size)
{
    if (size == 0)
        return buf;
    buf[0] = '\0';
    if (r->status == JH_GS_MISSING) {
        snprintf(buf, size, "%s", en ? "not given: " : "未提供：");
        missing_names(r->missing_columns, check, en, buf, size);
    } else if (r->status == JH_GS_FAIL) {
        if (en)
            describe_en(r, check, buf, size);
        else
            describe_zh(r, check, buf, size);
    }
    return buf;
}

/* ---- plan keys ----------------------------------------------------------- */

const char *
jh_plan_rule_key(jh_plan_rule rule)
{
    switch (rule) {
    case JH_RULE_COST:
        return "cost";
    case JH_RULE_COUNT:
        return "count";
    case JH_RULE_ALL:
        return "all";
    case JH_RULE_NONE:
        break;
    }
    return "none";
}

const char *
jh_plan_target_key(jh_plan_target target)
{
    switch (target) {
    case JH_TARGET_FLOOR:
        return "floor";
    case JH_TARGET_THRESHOLD:
        return "threshold";
    case JH_TARGET_NONE:
        break;
    }
    return "none";
}
