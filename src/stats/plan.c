/* junheng - rectification plans: per-school fixes, CV fixes by
 * water-filling, and a projection recomputed by jh_analysis_run(). */
#include "junheng/plan.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "junheng/model.h"
#include "util.h"
#include "whatif.h"

/* The weighted CV of y (NAN when undefined). */
static double
cv_of(const double *y, const double *w, size_t n)
{
    jh_wstats s;
    return jh_wstats_compute(&s, y, w, n, NULL) == JH_OK ? s.cv : NAN;
}

jh_status
jh_plan_cv_level(double *level, double *y, const double *x, const double *w,
                 size_t n, double limit, jh_error *err)
{
    jh_wstats s;
    double lo, hi;
    jh_status st;

    *level = NAN;
    if (!(limit >= 0))
        return jh_error_set2(err, JH_ERR_STATS, NULL, 0, 0,
                             "差异系数限值%g为负数", "CV limit %g is negative",
                             limit);
    st = jh_wstats_compute(&s, x, w, n, err);
    if (st != JH_OK)
        return st;
    lo = hi = x[0];
    for (size_t i = 0; i < n; i++) {
        lo = fmin(lo, x[i]);
        hi = fmax(hi, x[i]);
        y[i] = x[i];
    }
    if (s.cv <= limit) {
        *level = lo;
        return JH_OK;
    }
    /* CV(t), with every value below t raised to t, falls as t grows (see
     * plan.h) from s.cv > limit at the lowest value to 0 at the highest:
     * keep CV(lo) > limit ≥ CV(hi) and halve until lo and hi are adjacent
     * doubles. */
    for (int iter = 0; iter < 2000; iter++) {
        double mid = lo + (hi - lo) / 2, cv;
        if (mid <= lo || mid >= hi)
            break;
        for (size_t i = 0; i < n; i++)
            y[i] = fmax(x[i], mid);
        cv = cv_of(y, w, n);
        if (cv <= limit)
            hi = mid;
        else
            lo = mid;
    }
    for (size_t i = 0; i < n; i++)
        y[i] = fmax(x[i], hi);
    *level = hi;
    return JH_OK;
}

/* ---- the working county -------------------------------------------- */

typedef struct work {
    const jh_analysis *before;
    const jh_standard *std;
    jh_plan_costs costs;
    jh_county *county; /* the copy being changed */
    jh_model *model;   /* built from county (NULL: use before's) */
    jh_analysis *analysis;
    double *added;       /* [school][quantity] units added */
    double *added_level; /* [school][level][quantity]: teachers added */
} work;

static const jh_model *
cur_model(const work *wk)
{
    return wk->model != NULL ? wk->model : wk->before->model;
}

static const jh_analysis *
cur_analysis(const work *wk)
{
    return wk->analysis != NULL ? wk->analysis : wk->before;
}

/* Rebuild the model and the analysis from the changed county. */
static jh_status
reanalyse(work *wk, jh_error *err)
{
    const jh_model *m0 = wk->before->model;
    jh_diags scratch = JH_DIAGS_INIT;
    jh_model *m = NULL;
    jh_analysis *a = NULL;
    jh_status st;

    st = jh_model_build(&m, wk->county, wk->std, &scratch, err);
    if (st == JH_OK)
        st = jh_analysis_run(&a, m, &scratch, err);
    jh_diags_release(&scratch);
    if (st == JH_OK && m->nsections != m0->nsections)
        st = jh_error_set2(err, JH_ERR_INTERNAL, NULL, 0, 0,
                           "整改后推算的县（区）有%zu个学校学段，应为%zu个",
                           "the projected county has %zu sections instead "
                           "of %zu",
                           m->nsections, m0->nsections);
    for (size_t i = 0; st == JH_OK && i < m->nsections; i++) {
        if (m->sections[i].school != m0->sections[i].school ||
            m->sections[i].level != m0->sections[i].level)
            st = jh_error_set2(err, JH_ERR_INTERNAL, NULL, 0, 0,
                               "整改后推算的县（区）第%zu个学段与原来的学校"
                               "学段对不上",
                               "section %zu of the projected county is not "
                               "the same school section",
                               i + 1);
    }
    if (st != JH_OK) {
        jh_analysis_free(a);
        jh_model_free(m);
        return st;
    }
    jh_analysis_free(wk->analysis);
    jh_model_free(wk->model);
    wk->model = m;
    wk->analysis = a;
    return JH_OK;
}

/* Add @p n units of a physical quantity to school @p school. */
static void
add_whole(work *wk, size_t school, jh_quantity q, double n)
{
    if (n <= 0)
        return;
    wk->county->schools[school].whole[q] += n;
    wk->added[school * JH_Q_COUNT + q] += n;
}

/* Add @p n units of a per-section quantity (teachers) to section @p si.
 * Every section of the school first gets the count the model used for it,
 * so that a count split from a whole-school figure stays as it was in the
 * other sections. */
static void
add_section(work *wk, size_t si, jh_quantity q, double n)
{
    const jh_model *m = cur_model(wk);
    const jh_section *sec = &m->sections[si];
    jh_school *s = &wk->county->schools[sec->school];

    if (n <= 0)
        return;
    for (size_t j = 0; j < m->nsections; j++) {
        const jh_section *o = &m->sections[j];
        if (o->school == sec->school && isnan(s->section[q][o->level]))
            s->section[q][o->level] = o->quantity[q];
    }
    s->section[q][sec->level] += n;
    wk->added[sec->school * JH_Q_COUNT + q] += n;
    wk->added_level[(sec->school * JH_LEVEL_COUNT + sec->level) * JH_Q_COUNT +
                    q] += n;
}

/* Whole units: ceil with a little slack for rounding error. */
static double
round_up(double x)
{
    if (x <= 0)
        return 0.0;
    return ceil(x - 1e-9 * fmax(1.0, x));
}

/*
 * The smallest whole-unit addition that brings the value of @p ind in
 * section @p sec to at least @p target (jh_meets), with its cost.  All
 * zero when the section already reaches it.
 */
static void
amount_to(jh_plan_amount *am, const jh_section *sec, const jh_indicator *ind,
          double target, const jh_plan_costs *costs)
{
    double n0 = jh_section_numerator(sec, ind);
    double share = ind->split ? sec->physical_share : 1.0;
    double w;

    memset(am, 0, sizeof(*am));
    if (jh_meets(jh_section_value(sec, ind), target) || share <= 0)
        return;
    am->shortfall = target * sec->students / ind->scale - n0;
    w = round_up(am->shortfall / share);
    for (int i = 0;
         i < 8 &&
         !jh_meets((n0 + w * share) / sec->students * ind->scale, target);
         i++)
        w += 1;
    while (
        w >= 1 &&
        jh_meets((n0 + (w - 1) * share) / sec->students * ind->scale, target))
        w -= 1;
    am->whole_addition = w;
    am->section_addition = w * share;
    am->cost = w > 0 ? w * costs->per_unit[ind->quantity] : 0.0;
}

/* ---- per-school fixes ---------------------------------------------- */

static unsigned
popcount(uint32_t v)
{
    unsigned c = 0;
    for (; v != 0; v &= v - 1)
        c++;
    return c;
}

/* Choose what the per-school rule strictly requires of a failing section:
 * among the sets L of missed indicators left at the floor (|L| = the
 * misses the rule allows, or all of them if fewer), the cheapest by
 * cost or count (see plan.h). */
static void
choose_required(jh_plan_section *ps, const jh_standard *std,
                const jh_plan_costs *costs, bool fix_all)
{
    size_t m = ps->nshortfalls;
    size_t allowed =
        std->nindicators > std->min_met ? std->nindicators - std->min_met : 0;
    size_t leave = allowed < m ? allowed : m;
    bool by_cost = costs->given;
    uint32_t best_mask = 0;
    double best_cost = INFINITY, best_rel = INFINITY;
    size_t best_count = SIZE_MAX;
    bool found = false;

    if (fix_all)
        leave = 0;
    for (size_t i = 0; i < m; i++) {
        if (!isfinite(
                costs->per_unit[std->indicators[ps->shortfalls[i].indicator]
                                    .quantity]))
            by_cost = false;
    }
    ps->rule = fix_all ? JH_RULE_ALL : by_cost ? JH_RULE_COST : JH_RULE_COUNT;
    for (uint32_t mask = 0; mask < (UINT32_C(1) << m); mask++) {
        double cost = 0.0, rel = 0.0;
        size_t count = 0;
        bool better;
        if (popcount(mask) != leave)
            continue;
        for (size_t i = 0; i < m; i++) {
            const jh_plan_shortfall *sf = &ps->shortfalls[i];
            const jh_plan_amount *am =
                (mask >> i) & 1u ? &sf->to_floor : &sf->to_threshold;
            const jh_indicator *ind = &std->indicators[sf->indicator];
            if (am->whole_addition > 0) {
                count++;
                cost += am->cost;
                /* Relative to the threshold (the section's pupils are a
                 * common factor of every option). */
                rel += am->section_addition * ind->scale /
                       (sf->threshold > 0 ? sf->threshold : 1.0);
            }
        }
        if (!found)
            better = true;
        else if (ps->rule == JH_RULE_COST)
            better =
                cost < best_cost || (cost == best_cost &&
                                     (count < best_count ||
                                      (count == best_count && rel < best_rel)));
        else
            better =
                count < best_count || (count == best_count && rel < best_rel);
        if (better) {
            found = true;
            best_mask = mask;
            best_cost = cost;
            best_count = count;
            best_rel = rel;
        }
    }
    ps->required_count = 0;
    ps->required_cost = 0.0;
    for (size_t i = 0; i < m; i++) {
        jh_plan_shortfall *sf = &ps->shortfalls[i];
        const jh_plan_amount *am;
        if ((best_mask >> i) & 1u) {
            sf->required = sf->partial ? JH_TARGET_NONE : JH_TARGET_FLOOR;
            am = &sf->to_floor;
            /* Whole units may make the floor cost what the threshold
             * costs: then the section simply reaches the threshold. */
            if (!sf->partial && sf->to_floor.whole_addition >=
                                    sf->to_threshold.whole_addition) {
                sf->required = JH_TARGET_THRESHOLD;
                am = &sf->to_threshold;
            }
        } else {
            sf->required = JH_TARGET_THRESHOLD;
            am = &sf->to_threshold;
        }
        if (am->whole_addition > 0) {
            ps->required_count++;
            ps->required_cost += am->cost;
        }
    }
}

/* Shortfalls of every section that misses an indicator, the required
 * fixes of the failing ones, applied to the working county. */
static jh_status
school_fixes(jh_plan *p, work *wk, bool fix_all, jh_error *err)
{
    const jh_analysis *a = wk->before;
    const jh_model *m = a->model;
    const jh_standard *std = wk->std;
    double *need;

    p->sections =
        calloc(m->nsections > 0 ? m->nsections : 1, sizeof(*p->sections));
    need = calloc(m->county->nschools * JH_Q_COUNT + 1, sizeof(*need));
    if (p->sections == NULL || need == NULL) {
        free(need);
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    }
    for (size_t si = 0; si < m->nsections; si++) {
        const jh_section *sec = &m->sections[si];
        const jh_section_result *r = &a->results[si];
        jh_plan_section *ps = &p->sections[p->nsections];
        double threshold;

        memset(ps, 0, sizeof(*ps));
        ps->section = si;
        ps->pass = r->pass;
        for (size_t k = 0; k < std->nindicators; k++) {
            const jh_indicator *ind = &std->indicators[k];
            jh_plan_shortfall *sf;
            if (r->met[k])
                continue;
            threshold = ind->threshold[sec->level];
            sf = &ps->shortfalls[ps->nshortfalls++];
            sf->indicator = k;
            sf->value = r->value[k];
            sf->threshold = threshold;
            sf->partial = r->partial[k];
            amount_to(&sf->to_threshold, sec, ind, threshold, &wk->costs);
            amount_to(&sf->to_floor, sec, ind, std->partial_floor * threshold,
                      &wk->costs);
        }
        if (ps->nshortfalls == 0)
            continue;
        p->nsections++;
        /* A passing section is only topped up with fix_all. */
        if (!r->pass || fix_all)
            choose_required(ps, std, &wk->costs, fix_all);
        for (size_t i = 0; i < ps->nshortfalls; i++) {
            const jh_plan_shortfall *sf = &ps->shortfalls[i];
            const jh_indicator *ind = &std->indicators[sf->indicator];
            const jh_plan_amount *am =
                sf->required == JH_TARGET_THRESHOLD ? &sf->to_threshold
                : sf->required == JH_TARGET_FLOOR   ? &sf->to_floor
                                                    : NULL;
            double *cell;
            if (am == NULL || am->whole_addition <= 0)
                continue;
            if (jh_quantity_is_sectioned(ind->quantity)) {
                add_section(wk, si, ind->quantity, am->whole_addition);
                continue;
            }
            /* Physical: the school adds the larger need of its sections. */
            cell = &need[sec->school * JH_Q_COUNT + ind->quantity];
            *cell = fmax(*cell, am->whole_addition);
        }
    }
    for (size_t s = 0; s < m->county->nschools; s++) {
        for (int q = 0; q < JH_Q_COUNT; q++)
            add_whole(wk, s, (jh_quantity)q, need[s * JH_Q_COUNT + q]);
    }
    free(need);
    return JH_OK;
}

/* ---- CV fixes --------------------------------------------------------- */

static int
cv_school_cmp(const void *pa, const void *pb)
{
    const jh_plan_cv_school *a = pa, *b = pb;
    if (a->value_before != b->value_before)
        return a->value_before < b->value_before ? -1 : 1;
    return a->section < b->section ? -1 : a->section > b->section;
}

/* Fix the CV of indicator @p k in level @p l of the current analysis. */
static jh_status
cv_fix(jh_plan *p, work *wk, int l, size_t k, size_t round, double *x,
       double *w, double *y, jh_error *err)
{
    const jh_analysis *a = cur_analysis(wk);
    const jh_model *m = cur_model(wk);
    const jh_level_result *lr = &a->levels[l];
    const jh_indicator *ind = &wk->std->indicators[k];
    jh_plan_cv_fix *fx, *grown;
    double t;
    jh_status st;

    grown = realloc(p->cv_fixes, (p->ncv_fixes + 1) * sizeof(*grown));
    if (grown == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    p->cv_fixes = grown;
    fx = &p->cv_fixes[p->ncv_fixes];
    memset(fx, 0, sizeof(*fx));
    fx->schools = calloc(lr->nsections, sizeof(*fx->schools));
    if (fx->schools == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    p->ncv_fixes++;
    fx->level = (jh_level)l;
    fx->indicator = k;
    fx->round = round;
    fx->cv_original = wk->before->levels[l].ind[k].cv;
    fx->cv_start = lr->ind[k].cv;
    fx->cv_limit = lr->ind[k].cv_limit;
    fx->cost = 0.0;
    for (size_t j = 0; j < lr->nsections; j++) {
        x[j] = a->results[lr->sections[j]].value[k];
        w[j] = m->sections[lr->sections[j]].students;
    }
    st = jh_plan_cv_level(&t, y, x, w, lr->nsections, fx->cv_limit, err);
    if (st != JH_OK)
        return st;
    fx->t = t;
    fx->cv_at_t = cv_of(y, w, lr->nsections);
    for (size_t j = 0; j < lr->nsections; j++) {
        size_t si = lr->sections[j];
        const jh_section *sec = &m->sections[si];
        jh_plan_cv_school *cs = &fx->schools[fx->nschools];
        if (!(y[j] > x[j]))
            continue;
        amount_to(&cs->amount, sec, ind, t, &wk->costs);
        /* The exact optimum, before rounding to whole units. */
        cs->amount.shortfall = (y[j] - x[j]) * sec->students / ind->scale;
        fx->total_exact += cs->amount.shortfall;
        if (cs->amount.whole_addition <= 0)
            continue;
        cs->section = si;
        cs->value_before = x[j];
        cs->value_after =
            x[j] + cs->amount.section_addition / sec->students * ind->scale;
        fx->total_section += cs->amount.section_addition;
        fx->total_whole += cs->amount.whole_addition;
        fx->cost += cs->amount.cost;
        fx->nschools++;
    }
    for (size_t i = 0; i < fx->nschools; i++) {
        const jh_plan_cv_school *cs = &fx->schools[i];
        if (jh_quantity_is_sectioned(ind->quantity))
            add_section(wk, cs->section, ind->quantity,
                        cs->amount.whole_addition);
        else
            add_whole(wk, m->sections[cs->section].school, ind->quantity,
                      cs->amount.whole_addition);
    }
    qsort(fx->schools, fx->nschools, sizeof(*fx->schools), cv_school_cmp);
    return reanalyse(wk, err);
}

static jh_status
cv_fixes(jh_plan *p, work *wk, jh_error *err)
{
    size_t n = wk->before->model->nsections;
    double *x = malloc(n * sizeof(*x)), *w = malloc(n * sizeof(*w)),
           *y = malloc(n * sizeof(*y));
    jh_status st = JH_OK;

    if (x == NULL || w == NULL || y == NULL) {
        st = jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                           "out of memory");
        goto done;
    }
    for (size_t round = 1; round <= JH_PLAN_MAX_ROUNDS && st == JH_OK;
         round++) {
        bool fixed = false;
        for (int l = 0; l < JH_LEVEL_COUNT && st == JH_OK; l++) {
            for (size_t k = 0; k < wk->std->nindicators && st == JH_OK; k++) {
                const jh_indicator_stats *is =
                    &cur_analysis(wk)->levels[l].ind[k];
                if (!cur_analysis(wk)->levels[l].present || is->cv_pass ||
                    !is->cv_defined)
                    continue;
                st = cv_fix(p, wk, l, k, round, x, w, y, err);
                fixed = true;
            }
        }
        if (!fixed)
            break;
        p->rounds = round;
    }

done:
    free(x);
    free(w);
    free(y);
    return st;
}

/* ---- the plan --------------------------------------------------------- */

void
jh_plan_free(jh_plan *p)
{
    if (p == NULL)
        return;
    free(p->sections);
    for (size_t i = 0; i < p->ncv_fixes; i++)
        free(p->cv_fixes[i].schools);
    free(p->cv_fixes);
    free(p->schools);
    jh_analysis_free(p->after);
    jh_model_free(p->model_after);
    jh__county_copy_free(p->county_after);
    free(p);
}

/* Sum what each school adds, and the totals. */
static jh_status
summarise(jh_plan *p, const work *wk, jh_error *err)
{
    const jh_county *c = wk->before->model->county;

    p->schools = calloc(c->nschools > 0 ? c->nschools : 1, sizeof(*p->schools));
    if (p->schools == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    p->total_cost = 0.0;
    p->cost_complete = true;
    for (size_t s = 0; s < c->nschools; s++) {
        jh_plan_school *ps = &p->schools[p->nschools];
        bool any = false;
        memset(ps, 0, sizeof(*ps));
        ps->school = s;
        ps->cost_complete = true;
        for (int q = 0; q < JH_Q_COUNT; q++) {
            double n = wk->added[s * JH_Q_COUNT + q];
            if (n <= 0)
                continue;
            any = true;
            ps->addition[q] = n;
            for (int l = 0; l < JH_LEVEL_COUNT; l++)
                ps->section_addition[l][q] =
                    wk->added_level[(s * JH_LEVEL_COUNT + (size_t)l) *
                                        JH_Q_COUNT +
                                    (size_t)q];
            p->total[q] += n;
            if (isfinite(wk->costs.per_unit[q]))
                ps->cost += n * wk->costs.per_unit[q];
            else
                ps->cost_complete = false;
        }
        if (!any)
            continue;
        p->nschools++;
        p->total_cost += ps->cost;
        p->cost_complete = p->cost_complete && ps->cost_complete;
    }
    return JH_OK;
}

jh_status
jh_plan_run(jh_plan **out, const jh_analysis *before,
            const jh_plan_options *opts, jh_error *err)
{
    const jh_county *c = before->model->county;
    jh_plan_options defaults = {0};
    work wk;
    jh_plan *p;
    jh_status st;

    if (opts == NULL)
        opts = &defaults;
    memset(&wk, 0, sizeof(wk));
    wk.before = before;
    wk.std = before->standard;
    if (opts->costs != NULL)
        wk.costs = *opts->costs;
    else
        jh_plan_costs_init(&wk.costs);
    p = calloc(1, sizeof(*p));
    wk.county = jh__county_copy(c);
    wk.added = calloc(c->nschools * JH_Q_COUNT + 1, sizeof(*wk.added));
    wk.added_level = calloc(c->nschools * JH_LEVEL_COUNT * JH_Q_COUNT + 1,
                            sizeof(*wk.added_level));
    if (p == NULL || wk.county == NULL || wk.added == NULL ||
        wk.added_level == NULL) {
        free(p);
        jh__county_copy_free(wk.county);
        free(wk.added);
        free(wk.added_level);
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    }
    p->before = before;
    p->costs = wk.costs;
    p->fix_all = opts->fix_all;
    st = school_fixes(p, &wk, opts->fix_all, err);
    if (st == JH_OK)
        st = reanalyse(&wk, err);
    if (st == JH_OK)
        st = cv_fixes(p, &wk, err);
    if (st == JH_OK)
        st = summarise(p, &wk, err);
    p->county_after = wk.county;
    p->model_after = wk.model;
    p->after = wk.analysis;
    free(wk.added);
    free(wk.added_level);
    if (st != JH_OK) {
        jh_plan_free(p);
        return st;
    }
    p->pass = p->after->pass;
    *out = p;
    return JH_OK;
}
