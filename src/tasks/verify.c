/* junheng - reading a county's claims and checking them against the data
 * (see verify.h for the rules and the causes that are tried). */
#include "junheng/verify.h"

#include <ctype.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "junheng/model.h"
#include "util.h"
#include "whatif.h"

/* ---- rounding as tables print ---------------------------------------- */

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

    double rounded;

    if (!round_scaled(x, decimals, &r))
        return x;
    /* Where doubles are coarser than the decimal (large figures), the
     * rounded decimal has no double within half a unit of its last place:
     * such a figure is left as it is. */
    rounded = (double)r / pow(10.0, decimals);
    if (!(fabs(rounded - x) <= 0.5 * pow(10.0, -decimals) * (1 + 1e-9)))
        return x;
    return rounded;
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
            jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                          "out of memory");
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
            jh_error_set2(err, JH_ERR_DATA, c->source, c->line, c->column,
                          "%s（%s）有小学和初中两个学段：请在「学段」列注明"
                          "这个数值属于哪个学段",
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
        st = jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                           "out of memory");
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
            st = jh_error_set2(err, JH_ERR_ARG, c->source, c->line, c->column,
                               "第%zu条上报数据指向第%zu个指标，但标准只有%zu个"
                               "指标",
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
