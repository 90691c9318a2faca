/* junheng tests - rectification plans: shortfalls by hand, the CV level t
 * against its definition and against a general optimizer (GSL multimin),
 * and projections recomputed by the analysis. */
#include "helpers.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_multimin.h>
#include <gsl/gsl_vector.h>

#include "junheng/plan.h"

/* Weighted CV of n values (population form, as the standard). */
static double
cv(const double *x, const double *w, size_t n)
{
    jh_wstats s;
    assert_int_equal(jh_wstats_compute(&s, x, w, n, NULL), JH_OK);
    return s.cv;
}

/* ---- per-school shortfalls, by hand ------------------------------------ */

/* The plan section of school @p code, or NULL. */
static const jh_plan_section *
plan_section(const jh_plan *p, const char *code)
{
    const jh_model *m = p->before->model;
    for (size_t i = 0; i < p->nsections; i++) {
        const jh_section *s = &m->sections[p->sections[i].section];
        if (strcmp(m->county->schools[s->school].code, code) == 0)
            return &p->sections[i];
    }
    return NULL;
}

static const jh_plan_shortfall *
shortfall(const jh_plan_section *ps, size_t k)
{
    for (size_t i = 0; ps != NULL && i < ps->nshortfalls; i++) {
        if (ps->shortfalls[i].indicator == k)
            return &ps->shortfalls[i];
    }
    return NULL;
}

/*
 * 9 PE/art teachers for 1100 pupils: 0.818 per 100, below 0.9.  The
 * threshold needs 0.9 × 1100 / 100 = 9.9 teachers, so 10: one more.  The
 * 85% floor needs 0.765 × 11 = 8.415, already met (the indicator is
 * partial: the school passes, nothing is required).
 */
static void
pe_teachers_shortfall(void **state)
{
    fixture f;
    jh_plan *p = NULL;
    const jh_plan_section *ps;
    const jh_plan_shortfall *sf;

    (void)state;
    fixture_run(&f, HEADER
                "1,甲小学,小学,1100,0,0,60,12,9,6000,9000,2500000,30\n"
                "2,乙小学,小学,1000,0,0,60,12,10,6000,9000,2500000,30\n");
    assert_int_equal(f.status, JH_OK);
    assert_int_equal(jh_plan_run(&p, f.analysis, NULL, &f.err), JH_OK);
    ps = plan_section(p, "1");
    assert_non_null(ps);
    assert_true(ps->pass);
    assert_int_equal(ps->rule, JH_RULE_NONE);
    sf = shortfall(ps, ind("pe_art_teachers_per100"));
    assert_non_null(sf);
    assert_true(sf->partial);
    assert_close(sf->to_threshold.shortfall, 0.9, 1e-12);
    assert_close(sf->to_threshold.whole_addition, 1, 0);
    assert_close(sf->to_threshold.section_addition, 1, 0);
    assert_close(sf->to_floor.whole_addition, 0, 0);
    assert_int_equal(sf->required, JH_TARGET_NONE);
    /* 乙小学 sits exactly on 0.9 (10 for 1000): no shortfall at all. */
    assert_null(plan_section(p, "2"));
    assert_true(p->pass);
    assert_int_equal(p->ncv_fixes, 0);
    jh_plan_free(p);
    fixture_free(&f);
}

/*
 * A failing school misses two indicators; the rule (6 of 7, the seventh
 * at 85%) needs one of them at its threshold and the other at 85%.
 * 丙小学, 200 pupils: 1 backbone teacher (0.5 per 100; threshold 1.0
 * needs 2, one more; 85% needs 1.7, so also 2: one more) and 3 multimedia
 * rooms (1.5 per 100; 2.3 needs 4.6, so 2 more; 85% needs 3.91, so 1
 * more).  By count both options raise two indicators; the tie goes to
 * the smaller relative addition: rooms to 85% (1 room) and backbone to the
 * threshold.  With costs (a teacher 100000, a room 10000) the cheapest
 * is the same; with rooms dearer (a room 500000) too, since a teacher is
 * needed either way.
 */
static void
strict_rule_choice(void **state)
{
    fixture f;
    jh_plan *p = NULL;
    const jh_plan_section *ps;
    const jh_plan_shortfall *bb, *mm;
    jh_plan_costs costs;
    jh_plan_options o = {&costs, false};

    (void)state;
    fixture_run(&f,
                HEADER "1,甲小学,小学,1000,0,0,60,12,10,6000,9000,2500000,30\n"
                       "2,丙小学,小学,200,0,0,12,1,2,1200,1800,500000,3\n");
    assert_int_equal(f.status, JH_OK);
    assert_int_equal(jh_plan_run(&p, f.analysis, NULL, &f.err), JH_OK);
    ps = plan_section(p, "2");
    assert_non_null(ps);
    assert_false(ps->pass);
    assert_int_equal(ps->rule, JH_RULE_COUNT);
    bb = shortfall(ps, ind("backbone_teachers_per100"));
    mm = shortfall(ps, ind("multimedia_rooms_per100"));
    assert_non_null(bb);
    assert_non_null(mm);
    assert_close(bb->to_threshold.whole_addition, 1, 0);
    assert_close(bb->to_floor.whole_addition, 1, 0);
    assert_close(mm->to_threshold.whole_addition, 2, 0);
    assert_close(mm->to_floor.whole_addition, 1, 0);
    assert_int_equal(bb->required, JH_TARGET_THRESHOLD);
    assert_int_equal(mm->required, JH_TARGET_FLOOR);
    assert_int_equal(ps->required_count, 2);
    /* The projection passes, with 2 teachers and 4 rooms. */
    assert_true(p->pass);
    assert_true(p->after->results[ps->section].pass);
    assert_close(
        p->after->results[ps->section].value[ind("multimedia_rooms_per100")],
        2.0, 1e-12);
    jh_plan_free(p);

    jh_plan_costs_init(&costs);
    assert_int_equal(
        jh_plan_costs_set(&costs, "backbone_teachers=100000", NULL), JH_OK);
    assert_int_equal(jh_plan_costs_set(&costs, "网络多媒体教室数=10000", NULL),
                     JH_OK);
    assert_int_equal(jh_plan_run(&p, f.analysis, &o, &f.err), JH_OK);
    ps = plan_section(p, "2");
    assert_int_equal(ps->rule, JH_RULE_COST);
    assert_close(ps->required_cost, 110000, 1e-6);
    assert_int_equal(shortfall(ps, ind("multimedia_rooms_per100"))->required,
                     JH_TARGET_FLOOR);
    assert_close(p->total_cost, 110000, 1e-6);
    assert_true(p->cost_complete);
    jh_plan_free(p);

    /* Everything to the threshold on request. */
    o.fix_all = true;
    assert_int_equal(jh_plan_run(&p, f.analysis, &o, &f.err), JH_OK);
    ps = plan_section(p, "2");
    assert_int_equal(ps->rule, JH_RULE_ALL);
    assert_int_equal(shortfall(ps, ind("multimedia_rooms_per100"))->required,
                     JH_TARGET_THRESHOLD);
    assert_close(p->total[JH_Q_MULTIMEDIA_ROOMS], 2, 0);
    jh_plan_free(p);
    fixture_free(&f);
}

/*
 * A nine-year school, 100 primary and 100 junior pupils: the primary share
 * of the buildings is 100 / (100 + 1.1 × 100) = 10/21.  With 700 m² of
 * teaching area the primary section has 700 × 10/21 = 333.33 m², 3.33 per
 * pupil, below 4.5; it needs 450 m², 116.67 more, which the school gets
 * by adding 116.67 × 21/10 = 245 m².  The junior section (5.8 needs 580 of
 * its 366.67) needs 213.33 / (11/21) = 407.27, so 408 m²: the school adds
 * the larger need, 408 m², and both sections are then met.
 */
static void
combined_school_whole_addition(void **state)
{
    fixture f;
    jh_plan *p = NULL;
    const jh_plan_section *pp = NULL, *pj = NULL;
    const jh_model *m;
    size_t k = ind("teaching_area_per_student");

    (void)state;
    fixture_run(&f, "code,name,type,students_primary,students_junior,"
                    "students_senior,degree_teachers_primary,"
                    "degree_teachers_junior,backbone_teachers_primary,"
                    "backbone_teachers_junior,pe_art_teachers_primary,"
                    "pe_art_teachers_junior,teaching_area,sports_area,"
                    "equipment_value,multimedia_rooms\n"
                    "1,九年学校,九年一贯制学校,100,100,0,6,7,2,2,1,1,700,3000,"
                    "600000,6\n");
    assert_int_equal(f.status, JH_OK);
    assert_int_equal(jh_plan_run(&p, f.analysis, NULL, &f.err), JH_OK);
    m = p->before->model;
    for (size_t i = 0; i < p->nsections; i++) {
        if (m->sections[p->sections[i].section].level == JH_LEVEL_PRIMARY)
            pp = &p->sections[i];
        else
            pj = &p->sections[i];
    }
    assert_non_null(pp);
    assert_non_null(pj);
    assert_close(m->sections[pp->section].physical_share, 10.0 / 21, 1e-12);
    assert_close(shortfall(pp, k)->to_threshold.shortfall, 450 - 7000.0 / 21,
                 1e-9);
    assert_close(shortfall(pp, k)->to_threshold.whole_addition, 245, 0);
    assert_close(shortfall(pp, k)->to_threshold.section_addition,
                 245 * 10.0 / 21, 1e-9);
    assert_close(shortfall(pj, k)->to_threshold.whole_addition, 408, 0);
    /* Both sections fail (one indicator below 85%? 3.33/4.5 = 74%). */
    assert_int_equal(shortfall(pp, k)->required, JH_TARGET_FLOOR);
    /* Applied once, as the larger need of the two sections. */
    assert_true(p->nschools == 1);
    assert_close(p->schools[0].addition[JH_Q_TEACHING_AREA],
                 fmax(shortfall(pp, k)->to_floor.whole_addition,
                      shortfall(pj, k)->to_floor.whole_addition),
                 0);
    assert_true(p->pass);
    jh_plan_free(p);
    fixture_free(&f);
}

/* ---- the CV level t ------------------------------------------------------ */

typedef struct cv_case {
    size_t n;
    double x[5], w[5], limit;
} cv_case;

static const cv_case cases[] = {
    {3, {2.0, 8.0, 20.0}, {500, 300, 200}, 0.50},
    {4, {4.6, 8.6, 20.0, 29.7}, {1980, 1000, 180, 150}, 0.45},
    {5, {1.0, 1.5, 2.0, 2.5, 9.0}, {100, 200, 300, 400, 100}, 0.30},
    {3, {100, 150, 400}, {50, 60, 70}, 0.20},
    {5, {6.0, 5.0, 4.5, 12.0, 30.0}, {100, 200, 700, 50, 80}, 0.40},
};
#define NCASES (sizeof(cases) / sizeof(cases[0]))

/* Σ w (y − x): the total addition in numerator units (scale 1). */
static double
total_addition(const double *x, const double *y, const double *w, size_t n)
{
    double t = 0.0;
    for (size_t i = 0; i < n; i++)
        t += w[i] * (y[i] - x[i]);
    return t;
}

/* The plan meets the limit and a level ε lower does not. */
static void
level_is_least(void **state)
{
    (void)state;
    for (size_t c = 0; c < NCASES; c++) {
        const cv_case *k = &cases[c];
        double y[5], z[5], t, eps;
        assert_true(cv(k->x, k->w, k->n) > k->limit);
        assert_int_equal(
            jh_plan_cv_level(&t, y, k->x, k->w, k->n, k->limit, NULL), JH_OK);
        /* Recomputed after applying the plan: within the limit ... */
        assert_true(cv(y, k->w, k->n) <= k->limit + 1e-12);
        for (size_t i = 0; i < k->n; i++)
            assert_close(y[i], fmax(k->x[i], t), 0);
        /* ... and any lower level is not. */
        eps = 1e-7 * t;
        for (size_t i = 0; i < k->n; i++)
            z[i] = fmax(k->x[i], t - eps);
        assert_true(cv(z, k->w, k->n) > k->limit);
    }
}

/* Already within the limit: nothing is raised. */
static void
level_when_already_within(void **state)
{
    const double x[] = {4.0, 5.0, 6.0}, w[] = {1, 1, 1};
    double y[3], t;

    (void)state;
    assert_int_equal(jh_plan_cv_level(&t, y, x, w, 3, 0.5, NULL), JH_OK);
    assert_close(t, 4.0, 0);
    for (size_t i = 0; i < 3; i++)
        assert_close(y[i], x[i], 0);
    assert_int_equal(jh_plan_cv_level(&t, y, x, w, 3, -0.1, NULL),
                     JH_ERR_STATS);
}

/*
 * The general problem: minimise Σ w_i d_i over d ≥ 0 subject to
 * CV(x + d) ≤ c.  With d_i = u_i² (no bound to handle) and a quadratic
 * penalty μ·max(0, CV − c)², solved by Nelder-Mead (nmsimplex2) for a
 * rising μ, each stage restarted from the previous optimum.  The objective
 * is scaled by the unraised total Σ w x so that it is of order 1.
 */
typedef struct mm_params {
    const cv_case *k;
    double mu, scale;
} mm_params;

static double
mm_objective(const gsl_vector *u, void *params)
{
    const mm_params *p = params;
    double y[5], cost = 0.0, c, over;

    for (size_t i = 0; i < p->k->n; i++) {
        double d = gsl_vector_get(u, i) * gsl_vector_get(u, i);
        y[i] = p->k->x[i] + d;
        cost += p->k->w[i] * d;
    }
    c = cv(y, p->k->w, p->k->n);
    over = c > p->k->limit ? c - p->k->limit : 0.0;
    return cost / p->scale + p->mu * over * over;
}

static double
multimin_total(const cv_case *k)
{
    const gsl_multimin_fminimizer_type *T = gsl_multimin_fminimizer_nmsimplex2;
    gsl_vector *u = gsl_vector_alloc(k->n), *step = gsl_vector_alloc(k->n);
    mm_params p = {k, 0.0, 0.0};
    gsl_multimin_function fn;
    double total = 0.0, mean = 0.0, wsum = 0.0;

    assert_non_null(u);
    assert_non_null(step);
    for (size_t i = 0; i < k->n; i++) {
        p.scale += k->w[i] * k->x[i];
        mean += k->w[i] * k->x[i];
        wsum += k->w[i];
    }
    mean /= wsum;
    /* Start from raising everyone a little. */
    for (size_t i = 0; i < k->n; i++)
        gsl_vector_set(u, i, sqrt(0.1 * mean));
    fn.n = k->n;
    fn.f = mm_objective;
    fn.params = &p;
    for (p.mu = 1e2; p.mu <= 1e12; p.mu *= 10) {
        for (int restart = 0; restart < 4; restart++) {
            gsl_multimin_fminimizer *s = gsl_multimin_fminimizer_alloc(T, k->n);
            int status;
            size_t iter = 0;
            assert_non_null(s);
            gsl_vector_set_all(step, 0.1 * sqrt(mean));
            assert_int_equal(gsl_multimin_fminimizer_set(s, &fn, u, step),
                             GSL_SUCCESS);
            do {
                status = gsl_multimin_fminimizer_iterate(s);
                if (status != GSL_SUCCESS)
                    break;
                status = gsl_multimin_test_size(gsl_multimin_fminimizer_size(s),
                                                1e-12);
            } while (status == GSL_CONTINUE && ++iter < 20000);
            gsl_vector_memcpy(u, gsl_multimin_fminimizer_x(s));
            gsl_multimin_fminimizer_free(s);
        }
    }
    for (size_t i = 0; i < k->n; i++)
        total += k->w[i] * gsl_vector_get(u, i) * gsl_vector_get(u, i);
    gsl_vector_free(u);
    gsl_vector_free(step);
    return total;
}

static void
level_agrees_with_multimin(void **state)
{
    (void)state;
    for (size_t c = 0; c < NCASES; c++) {
        const cv_case *k = &cases[c];
        double y[5], t, bisect, general;
        assert_int_equal(
            jh_plan_cv_level(&t, y, k->x, k->w, k->n, k->limit, NULL), JH_OK);
        bisect = total_addition(k->x, y, k->w, k->n);
        general = multimin_total(k);
        print_message("case %zu: bisection %.9g, multimin %.9g\n", c, bisect,
                      general);
        assert_true(fabs(general - bisect) <= 1e-4 * bisect);
    }
}

/* ---- whole plans -------------------------------------------------------- */

/*
 * Four primary schools whose sports areas give a CV of 0.69 (over 0.50);
 * every school meets every threshold.  The plan raises the lowest schools
 * to t; the projection recomputed by the analysis is within the limit,
 * the totals equal the additions, and the level agrees with
 * jh_plan_cv_level on the same values.
 */
static void
plan_fixes_cv(void **state)
{
    fixture f;
    jh_plan *p = NULL;
    size_t k = ind("sports_area_per_student");
    const jh_level_result *lr;
    const jh_plan_cv_fix *fx;
    double x[4], w[4], y[4], t, added = 0.0;

    (void)state;
    fixture_run(&f,
                HEADER "1,甲,小学,2000,0,0,100,25,20,10000,16000,5000000,50\n"
                       "2,乙,小学,1000,0,0,50,12,10,5000,9000,2500000,25\n"
                       "3,丙,小学,200,0,0,10,3,2,1000,5000,500000,5\n"
                       "4,丁,小学,150,0,0,8,2,2,800,4500,400000,4\n");
    assert_int_equal(f.status, JH_OK);
    lr = &f.analysis->levels[JH_LEVEL_PRIMARY];
    assert_false(lr->ind[k].cv_pass);
    assert_true(lr->schools_pass);
    assert_int_equal(jh_plan_run(&p, f.analysis, NULL, &f.err), JH_OK);
    assert_int_equal(p->nsections, 0);
    assert_true(p->ncv_fixes >= 1);
    fx = &p->cv_fixes[0];
    assert_int_equal(fx->level, JH_LEVEL_PRIMARY);
    assert_int_equal(fx->indicator, k);
    for (size_t j = 0; j < 4; j++) {
        x[j] = f.analysis->results[lr->sections[j]].value[k];
        w[j] = f.model->sections[lr->sections[j]].students;
    }
    assert_int_equal(jh_plan_cv_level(&t, y, x, w, 4, 0.5, NULL), JH_OK);
    assert_close(fx->t, t, 1e-12 * t);
    assert_close(fx->total_exact, total_addition(x, y, w, 4), 1e-6);
    /* The schools raised are exactly those below t, lowest first. */
    for (size_t j = 0; j < fx->nschools; j++) {
        assert_true(fx->schools[j].value_before < t);
        assert_true(fx->schools[j].value_after >= t - 1e-9);
        added += fx->schools[j].amount.whole_addition;
        if (j > 0)
            assert_true(fx->schools[j].value_before >=
                        fx->schools[j - 1].value_before);
    }
    assert_close(added, p->total[JH_Q_SPORTS_AREA], 0);
    /* The projection, recomputed: within the limit, everything passes. */
    assert_true(p->pass);
    assert_true(p->after->levels[0].ind[k].cv <= 0.5 + 1e-12);
    assert_true(p->after->levels[0].ind[k].cv_pass);
    /* Whole square metres: at most one more per school than the optimum. */
    assert_true(added >= fx->total_exact);
    assert_true(added <= fx->total_exact + (double)fx->nschools);
    jh_plan_free(p);
    fixture_free(&f);
}

static void
costs_parse(void **state)
{
    jh_plan_costs c;
    jh_error e;

    (void)state;
    jh_plan_costs_init(&c);
    assert_false(c.given);
    assert_close(c.per_unit[JH_Q_EQUIPMENT_VALUE], 1.0, 0);
    assert_true(isnan(c.per_unit[JH_Q_TEACHING_AREA]));
    assert_int_equal(jh_plan_costs_set(&c, "teaching_area=3000", &e), JH_OK);
    assert_close(c.per_unit[JH_Q_TEACHING_AREA], 3000, 0);
    assert_true(c.given);
    assert_int_equal(jh_plan_costs_set(&c, " sports_area = 850.5 ", &e), JH_OK);
    assert_close(c.per_unit[JH_Q_SPORTS_AREA], 850.5, 0);
    assert_int_equal(jh_plan_costs_set(&c, "gym=1", &e), JH_ERR_ARG);
    assert_non_null(strstr(e.message, "unknown cost key 'gym'"));
    assert_int_equal(jh_plan_costs_set(&c, "sports_area=-1", &e), JH_ERR_ARG);
    assert_int_equal(jh_plan_costs_set(&c, "sports_area", &e), JH_ERR_ARG);
    assert_int_equal(jh_plan_costs_set(&c, "sports_area=1e", &e), JH_ERR_ARG);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(pe_teachers_shortfall),
        cmocka_unit_test(strict_rule_choice),
        cmocka_unit_test(combined_school_whole_addition),
        cmocka_unit_test(level_is_least),
        cmocka_unit_test(level_when_already_within),
        cmocka_unit_test(level_agrees_with_multimin),
        cmocka_unit_test(plan_fixes_cv),
        cmocka_unit_test(costs_parse),
    };
    gsl_set_error_handler_off();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
