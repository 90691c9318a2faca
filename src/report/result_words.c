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

/* The figures of a failing check's sentence, each formatted by fig(). */
typedef struct {
    char value[32], limit[32], shortfall[32], base[32];
    char certified[32]; /* value × base: certified teachers */
    char funds[32];     /* the shortfall in whole yuan, rounded up */
    char percent[32];   /* the limit as a percentage */
} figures;

static void
figures_of(const jh_gresult *r, figures *f)
{
    fig(r->value, f->value, sizeof(f->value));
    fig(r->limit, f->limit, sizeof(f->limit));
    fig(r->shortfall, f->shortfall, sizeof(f->shortfall));
    fig(r->base, f->base, sizeof(f->base));
    fig(r->value * r->base, f->certified, sizeof(f->certified));
    fig(ceil(r->shortfall - 1e-9), f->funds, sizeof(f->funds));
    fig(r->limit * 100, f->percent, sizeof(f->percent));
}

/* The sentence of a failing check in English. */
static void
describe_en(const jh_gresult *r, const figures *f, jh_gcheck check,
            char *buf, size_t size)
{
    bool music = check == JH_G_MUSIC_ROOMS || check == JH_G_MUSIC_ROOM_AREA;

    switch (check) {
    case JH_G_SCHOOL_SIZE:
        snprintf(buf, size, "%s pupils, %s over the limit of %s", f->value,
                 f->shortfall, f->limit);
        break;
    case JH_G_CLASS_SIZE_PRIMARY:
    case JH_G_CLASS_SIZE_JUNIOR:
        snprintf(buf, size, "largest %s class %s pupils, %s over the limit "
                 "of %s",
                 check == JH_G_CLASS_SIZE_PRIMARY ? "primary" : "junior",
                 f->value, f->shortfall, f->limit);
        break;
    case JH_G_MUSIC_ROOMS:
    case JH_G_ART_ROOMS:
        snprintf(buf, size, "%s more %s room%s (%s classes need %s, has %s)",
                 f->shortfall, music ? "music" : "art",
                 r->shortfall == 1 ? "" : "s", f->base, f->limit, f->value);
        break;
    case JH_G_MUSIC_ROOM_AREA:
    case JH_G_ART_ROOM_AREA:
        snprintf(buf, size,
                 "smallest %s room %s m², %s m² too small (at least %s m²%s)",
                 music ? "music" : "art", f->value, f->shortfall, f->limit,
                 r->relaxed ? " for rooms built before 2016" : "");
        break;
    case JH_G_CERTIFIED_TEACHERS:
        snprintf(buf, size, "%s teacher%s without a certificate (%s of %s "
                 "certified)", f->shortfall, r->shortfall == 1 ? "" : "s",
                 f->certified, f->base);
        break;
    case JH_G_TRAINING_FUNDS:
        snprintf(buf, size, "%s yuan more training funds (at least %s%% of "
                 "%s yuan public funds)", f->funds, f->percent, f->base);
        break;
    case JH_G_COUNT:
        break;
    }
}

/* The sentence of a failing check in Chinese. */
static void
describe_zh(const jh_gresult *r, const figures *f, jh_gcheck check,
            char *buf, size_t size)
{
    const char *kind = check == JH_G_MUSIC_ROOMS ||
                               check == JH_G_MUSIC_ROOM_AREA
                           ? "音乐"
                           : "美术";

    switch (check) {
    case JH_G_SCHOOL_SIZE:
        snprintf(buf, size, "义务教育阶段在校生%s人，超过上限%s人%s人",
                 f->value, f->limit, f->shortfall);
        break;
    case JH_G_CLASS_SIZE_PRIMARY:
    case JH_G_CLASS_SIZE_JUNIOR:
        snprintf(buf, size, "%s最大班额%s人，超过上限%s人%s人",
                 check == JH_G_CLASS_SIZE_PRIMARY ? "小学" : "初中", f->value,
                 f->limit, f->shortfall);
        break;
    case JH_G_MUSIC_ROOMS:
    case JH_G_ART_ROOMS:
        snprintf(buf, size, "还需%s专用教室%s间（%s个班应配%s间，现有%s间）",
                 kind, f->shortfall, f->base, f->limit, f->value);
        break;
    case JH_G_MUSIC_ROOM_AREA:
    case JH_G_ART_ROOM_AREA:
        snprintf(buf, size, "最小%s专用教室%s平方米，比%s%s平方米少%s平方米",
                 kind, f->value,
                 r->relaxed ? "2016年前建成教室的下限" : "下限", f->limit,
                 f->shortfall);
        break;
    case JH_G_CERTIFIED_TEACHERS:
        snprintf(buf, size, "%s名专任教师未持证（持证%s人，专任教师%s人）",
                 f->shortfall, f->certified, f->base);
        break;
    case JH_G_TRAINING_FUNDS:
        snprintf(buf, size,
                 "教师培训经费还差%s元（应不少于公用经费%s元的%s%%）",
                 f->funds, f->base, f->percent);
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
        figures f;

        figures_of(r, &f);
        if (en)
            describe_en(r, &f, check, buf, size);
        else
            describe_zh(r, &f, check, buf, size);
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
