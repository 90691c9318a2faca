/*
 * junheng - school-level government-guarantee checks of the 2017 standard
 * (政府保障程度; 教督〔2017〕6号, §1.5 of the rules).  Every limit comes
 * from the standard's [guarantee] section; the code holds none.
 */
#include "junheng/guarantee.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Quantities are bits of jh_gresult.missing_columns below the two flags. */
_Static_assert(JH_Q_COUNT < 28, "too many quantities for missing_columns");

/* ---- the checks -------------------------------------------------------- */

/* "以内" includes the limit, with the tolerance of jh_meets(). */
static bool
within(double value, double limit)
{
    return value <= limit + 1e-9 * fabs(limit);
}

static jh_gresult
result_na(void)
{
    jh_gresult r;

    memset(&r, 0, sizeof(r));
    r.status = JH_GS_NA;
    r.value = r.limit = r.base = NAN;
    return r;
}

static jh_gresult
result_missing(unsigned bits, double limit)
{
    jh_gresult r = result_na();

    r.status = JH_GS_MISSING;
    r.limit = limit;
    r.missing_columns = bits;
    return r;
}

/* A maximum check (sizes): pass when value ≤ limit. */
static jh_gresult
result_max(double value, double limit)
{
    jh_gresult r = result_na();

    r.value = value;
    r.limit = limit;
    r.status = within(value, limit) ? JH_GS_PASS : JH_GS_FAIL;
    r.shortfall = r.status == JH_GS_FAIL ? value - limit : 0.0;
    return r;
}

/* A minimum check: pass when value meets limit (jh_meets). */
static jh_gresult
result_min(double value, double limit, double shortfall)
{
    jh_gresult r = result_na();

    r.value = value;
    r.limit = limit;
    r.status = jh_meets(value, limit) ? JH_GS_PASS : JH_GS_FAIL;
    r.shortfall = r.status == JH_GS_FAIL ? shortfall : 0.0;
    return r;
}

/* What one school looks like to the checks. */
typedef struct school_view {
    const jh_school *s;
    bool present[JH_LEVEL_COUNT]; /* taught and not known to be empty */
    size_t npresent;
} school_view;

/* Whole-school value of quantity @p q, else the sum over the present
 * sections; NAN when neither is complete. */
static double
whole_or_sections(const school_view *v, jh_quantity q)
{
    double sum = 0.0;

    if (!isnan(v->s->whole[q]))
        return v->s->whole[q];
    if (v->npresent == 0)
        return NAN;
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        if (!v->present[l])
            continue;
        if (isnan(v->s->section[q][l]))
            return NAN;
        sum += v->s->section[q][l];
    }
    return sum;
}

static jh_gresult
check_size(const school_view *v, const jh_guarantee_limits *g, bool relax)
{
    const jh_school *s = v->s;
    unsigned levels = jh_school_type_levels(s->type);
    bool combined =
        s->type == JH_TYPE_NINE_YEAR || s->type == JH_TYPE_TWELVE_YEAR;
    bool relaxed = relax && s->size_relaxation_eligible == JH_FLAG_YES;
    double limit, pupils = 0.0;
    jh_gresult r;

    /* 2017 standard: 2000 pupils; nine- and twelve-year schools 2500 in
     * their compulsory sections; 2019 relaxation 2400 / 3000. */
    if (combined)
        limit = relaxed ? g->school_size_max_combined_relaxed
                        : g->school_size_max_combined;
    else
        limit = relaxed ? g->school_size_max_relaxed : g->school_size_max;
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        if (!(levels & (1u << l)))
            continue;
        if (isnan(s->students[l]))
            return result_missing(JH_GMISS_STUDENTS, limit);
        pupils += s->students[l];
    }
    r = result_max(pupils, limit);
    r.relaxed = relaxed;
    return r;
}

static jh_gresult
check_class(const school_view *v, const jh_guarantee_limits *g, int level)
{
    const jh_school *s = v->s;
    double limit = g->class_size_max[level];
    double value = s->section[JH_Q_LARGEST_CLASS][level];
    double whole = s->whole[JH_Q_LARGEST_CLASS];
    jh_gresult r;

    if (!v->present[level])
        return result_na();
    if (!isnan(value))
        return result_max(value, limit);
    if (isnan(whole))
        return result_missing(1u << JH_Q_LARGEST_CLASS, limit);
    if (v->npresent == 1)
        return result_max(whole, limit);
    /* A combined school with only a whole-school figure: this level's
     * largest class is no larger, so it passes when that figure is within
     * this level's limit; otherwise the level's own figure is needed. */
    if (!within(whole, limit))
        return result_missing(1u << JH_Q_LARGEST_CLASS, limit);
    r = result_max(whole, limit);
    r.whole_school = true;
    return r;
}

static jh_gresult
check_rooms(const school_view *v, jh_quantity q, double per)
{
    const jh_school *s = v->s;
    double classes = 0.0, rooms = s->whole[q], needed;
    unsigned missing = 0;
    jh_gresult r;

    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        if (!v->present[l])
            continue;
        if (isnan(s->classes[l]))
            missing |= JH_GMISS_CLASSES;
        else
            classes += s->classes[l];
    }
    if (isnan(rooms))
        missing |= 1u << q;
    if (missing != 0)
        return result_missing(missing, NAN);
    /* 2017 standard: one room of each kind per 12 classes or part of 12. */
    needed = ceil(classes / per - 1e-9);
    r = result_min(rooms, needed, needed - rooms);
    r.base = classes;
    return r;
}

static jh_gresult
check_area(const school_view *v, jh_quantity rooms_q, jh_quantity area_q,
           double limit, double limit_pre2016, bool relax)
{
    const jh_school *s = v->s;
    bool relaxed = relax && s->rooms_pre2016 == JH_FLAG_YES;
    double area = s->whole[area_q];
    jh_gresult r;

    if (!isnan(s->whole[rooms_q]) && s->whole[rooms_q] == 0)
        return result_na(); /* no room to measure: the count fails */
    if (relaxed)
        limit = limit_pre2016;
    if (isnan(area))
        return result_missing(1u << area_q, limit);
    r = result_min(area, limit, limit - area);
    r.relaxed = relaxed;
    return r;
}

static jh_gresult
check_certified(const school_view *v, const jh_guarantee_limits *g)
{
    double teachers = whole_or_sections(v, JH_Q_TEACHERS);
    double certified = whole_or_sections(v, JH_Q_CERTIFIED_TEACHERS);
    unsigned missing = 0;
    jh_gresult r;

    if (isnan(teachers))
        missing |= 1u << JH_Q_TEACHERS;
    if (isnan(certified))
        missing |= 1u << JH_Q_CERTIFIED_TEACHERS;
    if (missing != 0) {
        r = result_missing(missing, g->certified_share);
        r.base = teachers;
        return r;
    }
    if (teachers == 0) {
        r = result_na();
        r.base = 0;
        return r;
    }
    /* Teachers to certify, whole persons: ceil(share × T − C). */
    r = result_min(certified / teachers, g->certified_share,
                   ceil(g->certified_share * teachers - certified - 1e-9));
    if (r.status == JH_GS_FAIL && r.shortfall < 1)
        r.shortfall = 1;
    r.base = teachers;
    return r;
}

static jh_gresult
check_training(const school_view *v, const jh_guarantee_limits *g)
{
    const jh_school *s = v->s;
    double funds = s->whole[JH_Q_TRAINING_FUNDS];
    double budget = s->whole[JH_Q_PUBLIC_FUNDS];
    unsigned missing = 0;
    jh_gresult r;

    if (isnan(funds))
        missing |= 1u << JH_Q_TRAINING_FUNDS;
    /* A budget of 0 is no budget: nothing to take 5% of. */
    if (isnan(budget) || budget == 0)
        missing |= 1u << JH_Q_PUBLIC_FUNDS;
    if (missing != 0)
        return result_missing(missing, g->training_funds_share);
    r = result_min(funds / budget, g->training_funds_share,
                   g->training_funds_share * budget - funds);
    r.base = budget;
    return r;
}

/* Why school @p s is not checked, or JH_EXCL_COUNT when it is. */
static jh_exclusion_reason
scope(const jh_school *s, const jh_standard *std)
{
    unsigned levels = jh_school_type_levels(s->type);
    bool any = false;

    if (s->type == JH_TYPE_SPECIAL)
        return JH_EXCL_SPECIAL;
    if (s->type == JH_TYPE_VOCATIONAL)
        return JH_EXCL_VOCATIONAL;
    if (s->type == JH_TYPE_TEACHING_POINT &&
        !std->guarantee.include_teaching_points)
        return JH_EXCL_TEACHING_POINT;
    if (s->ownership == JH_OWNERSHIP_PRIVATE && !std->include_private)
        return JH_EXCL_PRIVATE;
    if (s->ownership == JH_OWNERSHIP_PROVINCE && !std->include_province_run)
        return JH_EXCL_PROVINCE_RUN;
    if (!s->include)
        return JH_EXCL_INCLUDE_NO;
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        if ((levels & (1u << l)) &&
            (isnan(s->students[l]) || s->students[l] > 0))
            any = true;
    }
    return any ? JH_EXCL_COUNT : JH_EXCL_NO_STUDENTS;
}

/* The column to name for a school's whole-or-section quantity. */
static long
column_of(const jh_county *c, jh_quantity q)
{
    if (c->columns.whole[q] >= 0)
        return c->columns.whole[q];
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        if (c->columns.section[q][l] >= 0)
            return c->columns.section[q][l];
    }
    return -1;
}

static void
check_school(jh_gschool *gs, const jh_county *c, size_t i,
             const jh_standard *std, bool relax_size, bool relax_rooms)
{
    const jh_guarantee_limits *g = &std->guarantee;
    const jh_school *s = &c->schools[i];
    unsigned levels = jh_school_type_levels(s->type);
    school_view v;

    memset(&v, 0, sizeof(v));
    v.s = s;
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        v.present[l] = (levels & (1u << l)) &&
                       (isnan(s->students[l]) || s->students[l] > 0);
        v.npresent += v.present[l];
    }
    memset(gs, 0, sizeof(*gs));
    gs->school = i;
    gs->item[JH_G_SCHOOL_SIZE] = check_size(&v, g, relax_size);
    gs->item[JH_G_CLASS_SIZE_PRIMARY] = check_class(&v, g, JH_LEVEL_PRIMARY);
    gs->item[JH_G_CLASS_SIZE_JUNIOR] = check_class(&v, g, JH_LEVEL_JUNIOR);
    gs->item[JH_G_MUSIC_ROOMS] =
        check_rooms(&v, JH_Q_MUSIC_ROOMS, g->classes_per_music_room);
    gs->item[JH_G_ART_ROOMS] =
        check_rooms(&v, JH_Q_ART_ROOMS, g->classes_per_art_room);
    gs->item[JH_G_MUSIC_ROOM_AREA] = check_area(
        &v, JH_Q_MUSIC_ROOMS, JH_Q_MUSIC_ROOM_MIN_AREA, g->music_room_min_area,
        g->music_room_min_area_pre2016, relax_rooms);
    gs->item[JH_G_ART_ROOM_AREA] = check_area(
        &v, JH_Q_ART_ROOMS, JH_Q_ART_ROOM_MIN_AREA, g->art_room_min_area,
        g->art_room_min_area_pre2016, relax_rooms);
    gs->item[JH_G_CERTIFIED_TEACHERS] = check_certified(&v, g);
    gs->item[JH_G_TRAINING_FUNDS] = check_training(&v, g);
    for (int k = 0; k < JH_G_COUNT; k++) {
        gs->failed += gs->item[k].status == JH_GS_FAIL;
        gs->missing += gs->item[k].status == JH_GS_MISSING;
    }
    gs->pass = gs->failed == 0 && gs->missing == 0;
}

/* True when the file has any column a check reads beyond the basics. */
static bool
any_guarantee_column(const jh_county *c)
{
    static const jh_quantity qs[] = {
        JH_Q_CERTIFIED_TEACHERS,  JH_Q_MUSIC_ROOMS,       JH_Q_ART_ROOMS,
        JH_Q_MUSIC_ROOM_MIN_AREA, JH_Q_ART_ROOM_MIN_AREA, JH_Q_TRAINING_FUNDS,
        JH_Q_PUBLIC_FUNDS,        JH_Q_LARGEST_CLASS};
    for (size_t i = 0; i < sizeof(qs) / sizeof(qs[0]); i++) {
        if (column_of(c, qs[i]) >= 0)
            return true;
    }
    return c->columns.rooms_pre2016 >= 0 ||
           c->columns.size_relaxation_eligible >= 0;
}

jh_status
jh_guarantee_run(jh_guarantee **out, const jh_county *c, const jh_standard *std,
                 jh_diags *warn, jh_error *err)
{
    jh_guarantee *g;

    if (!std->guarantee.defined)
        return jh_error_set2(
            err, JH_ERR_ARG, NULL, 0, 0, "标准“%s”没有[guarantee]节",
            "standard '%s' has no [guarantee] section", std->id);
    g = calloc(1, sizeof(*g));
    if (g == NULL)
        goto nomem;
    g->county = c;
    g->standard = std;
    g->relax_size = jh_standard_provision_on(std, "relax_2019_school_size");
    g->relax_rooms = jh_standard_provision_on(std, "relax_2019_rooms_pre2016");
    g->any_column = any_guarantee_column(c);
    g->schools = calloc(c->nschools + 1, sizeof(*g->schools));
    g->skipped = calloc(c->nschools + 1, sizeof(*g->skipped));
    if (g->schools == NULL || g->skipped == NULL)
        goto nomem;
    for (size_t i = 0; i < c->nschools; i++) {
        const jh_school *s = &c->schools[i];
        jh_exclusion_reason why = scope(s, std);
        jh_gschool *gs;

        if (why != JH_EXCL_COUNT) {
            g->skipped[g->nskipped].school = i;
            g->skipped[g->nskipped].reason = why;
            g->nskipped++;
            continue;
        }
        gs = &g->schools[g->nschools++];
        check_school(gs, c, i, std, g->relax_size, g->relax_rooms);
        for (int k = 0; k < JH_G_COUNT; k++) {
            jh_gsummary *sum = &g->items[k];
            switch (gs->item[k].status) {
            case JH_GS_PASS:
                sum->pass++;
                break;
            case JH_GS_FAIL:
                sum->fail++;
                break;
            case JH_GS_MISSING:
                sum->missing++;
                break;
            case JH_GS_NA:
                continue;
            }
            sum->applicable++;
        }
        if (gs->failed > 0)
            g->schools_fail++;
        else if (gs->missing > 0)
            g->schools_incomplete++;
        else
            g->schools_pass++;
        if (gs->item[JH_G_CERTIFIED_TEACHERS].status != JH_GS_NA &&
            gs->item[JH_G_CERTIFIED_TEACHERS].value > 1 + 1e-9 &&
            jh_diags_add2(warn, c->source, s->line, 0, NULL, s->code,
                          "%s（%s）持证教师数（%g）多于专任教师数（%g）",
                          "%s (%s) has more certified teachers (%g) than "
                         "full-time teachers (%g)",
                         s->name, s->code,
                         gs->item[JH_G_CERTIFIED_TEACHERS].value *
                             gs->item[JH_G_CERTIFIED_TEACHERS].base,
                         gs->item[JH_G_CERTIFIED_TEACHERS].base) != JH_OK)
            goto nomem;
    }
    *out = g;
    return JH_OK;

nomem:
    jh_guarantee_free(g);
    return jh_error_set2(err, JH_ERR_NOMEM, c->source, 0, 0, "内存不足",
                         "out of memory");
}

void
jh_guarantee_free(jh_guarantee *g)
{
    if (g == NULL)
        return;
    free(g->schools);
    free(g->skipped);
    free(g);
}
