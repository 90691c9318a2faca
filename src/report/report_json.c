/* junheng - the JSON contract, written with jansson. */
#include <jansson.h>
#include <math.h>
#include <stdio.h>

#include "json_out.h"
#include "junheng/report.h"
#include "junheng/report_json.h"
#include "report_diagnostics.h"
#include "report_guarantee.h"

/* A number, or null when undefined (JSON has no NaN). */
/* Counts that are whole numbers print as integers. */
/*
 * Mean and CV of an indicator within each locality (urban, town, rural,
 * then unknown), next to the county figures; groups without sections are
 * left out.
 */
static json_t *
json_by_locality(const jh_decomposition *dc)
{
    static const char *const keys[] = {"unknown", "urban", "town", "rural"};
    static const int order[] = {JH_LOCALITY_URBAN, JH_LOCALITY_TOWN,
                                JH_LOCALITY_RURAL, JH_LOCALITY_UNKNOWN};
    json_t *a = json_array();

    for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
        const jh_decomp_group *g = &dc->groups[order[i]];
        json_t *o;
        if (g->nsections == 0)
            continue;
        o = json_object();
        json_object_set_new(o, "locality", json_string(keys[order[i]]));
        json_object_set_new(o, "schools",
                            json_integer((json_int_t)g->nsections));
        json_object_set_new(o, "students", jh__json_count(g->students));
        json_object_set_new(o, "mean", jh__json_num(g->mean));
        json_object_set_new(o, "cv", jh__json_num(g->cv));
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *
json_level(const jh_report_context *ctx, const jh_level_result *lr,
           const jh_level_diagnostics *ld)
{
    const jh_standard *std = ctx->analysis->standard;
    json_t *o = json_object(), *inds = json_array();

    for (size_t k = 0; k < std->nindicators; k++) {
        const jh_indicator *ind = &std->indicators[k];
        const jh_indicator_stats *is = &lr->ind[k];
        json_t *i = json_object();
        json_object_set_new(i, "id", json_string(ind->id));
        json_object_set_new(i, "name", json_string(ind->name_zh));
        json_object_set_new(i, "name_en", json_string(ind->name_en));
        json_object_set_new(i, "unit", json_string(ind->unit_en));
        json_object_set_new(i, "threshold",
                            jh__json_num(ind->threshold[lr->level]));
        json_object_set_new(i, "total", jh__json_num(is->total));
        json_object_set_new(i, "mean", jh__json_num(is->mean));
        json_object_set_new(i, "sd", jh__json_num(is->sd));
        json_object_set_new(
            i, "cv", is->cv_defined ? jh__json_num(is->cv) : json_null());
        json_object_set_new(i, "cv_limit", jh__json_num(is->cv_limit));
        json_object_set_new(i, "cv_pass", json_boolean(is->cv_pass));
        json_object_set_new(i, "cv_print_disagrees",
                            json_boolean(is->cv_print_disagrees));
        json_object_set_new(i, "min", jh__json_num(is->min));
        json_object_set_new(i, "max", jh__json_num(is->max));
        json_object_set_new(i, "median", jh__json_num(is->median));
        json_object_set_new(i, "below_threshold",
                            json_integer((json_int_t)is->below));
        json_object_set_new(i, "by_locality",
                            ld->present && ld->ind[k].defined
                                ? json_by_locality(&ld->ind[k].decomposition)
                                : json_array());
        json_array_append_new(inds, i);
    }
    json_object_set_new(o, "level", json_string(jh_level_key(lr->level)));
    json_object_set_new(o, "schools", json_integer((json_int_t)lr->nsections));
    json_object_set_new(o, "students", jh__json_count(lr->students));
    json_object_set_new(o, "indicators", inds);
    json_object_set_new(o, "composite_cv", jh__json_num(lr->composite_cv));
    json_object_set_new(o, "composite_limit",
                        jh__json_num(lr->composite_limit));
    json_object_set_new(o, "composite_pass", json_boolean(lr->composite_pass));
    json_object_set_new(o, "cv_pass", json_boolean(lr->cv_pass));
    json_object_set_new(o, "schools_passing",
                        json_integer((json_int_t)lr->schools_passing));
    json_object_set_new(o, "schools_pass", json_boolean(lr->schools_pass));
    json_object_set_new(o, "pass", json_boolean(lr->pass));
    return o;
}

static json_t *
json_section(const jh_report_context *ctx, size_t si)
{
    const jh_analysis *a = ctx->analysis;
    const jh_standard *std = a->standard;
    const jh_section *sec = &a->model->sections[si];
    const jh_school *s = &a->model->county->schools[sec->school];
    const jh_section_result *r = &a->results[si];
    json_t *o = json_object(), *values = json_object(),
           *failed = json_array(), *partial = json_array();

    for (size_t k = 0; k < std->nindicators; k++) {
        json_object_set_new(values, std->indicators[k].id,
                            jh__json_num(r->value[k]));
        if (!r->met[k] &&
            jh_indicator_has_threshold(&std->indicators[k], sec->level))
            json_array_append_new(failed, json_string(std->indicators[k].id));
        if (r->partial[k])
            json_array_append_new(partial,
                                  json_string(std->indicators[k].id));
    }
    json_object_set_new(o, "code", json_string(s->code));
    json_object_set_new(o, "name", json_string(s->name));
    json_object_set_new(o, "type", json_string(jh_school_type_key(s->type)));
    json_object_set_new(o, "level", json_string(jh_level_key(sec->level)));
    json_object_set_new(o, "students", jh__json_count(sec->students));
    json_object_set_new(o, "physical_share", jh__json_num(sec->physical_share));
    json_object_set_new(o, "teachers_split",
                        json_boolean(sec->teachers_split));
    json_object_set_new(o, "values", values);
    json_object_set_new(o, "met", json_integer((json_int_t)r->met_count));
    json_object_set_new(o, "pass", json_boolean(r->pass));
    json_object_set_new(o, "failed", failed);
    json_object_set_new(o, "partial", partial);
    json_object_set_new(o, "line", json_integer(s->line));
    return o;
}

static json_t *
json_warning(const jh_diag *d)
{
    json_t *o = json_object();
    char buf[1024];

    json_object_set_new(o, "file", d->file ? json_string(d->file)
                                           : json_null());
    json_object_set_new(o, "line", json_integer(d->line));
    json_object_set_new(o, "column", json_integer(d->column));
    if (d->cell != NULL)
        json_object_set_new(o, "cell", json_string(d->cell));
    json_object_set_new(o, "code", d->code ? json_string(d->code)
                                           : json_null());
    json_object_set_new(o, "message", json_string(d->message));
    if (d->message_zh != NULL)
        json_object_set_new(o, "message_zh", json_string(d->message_zh));
    json_object_set_new(o, "text",
                        json_string(jh_diag_format(d, buf, sizeof(buf))));
    return o;
}

/* "standard_detail": the loaded standard's rules as numbers. */
static json_t *
json_standard_detail(const jh_standard *std)
{
    json_t *st = json_object();

    json_object_set_new(st, "id", json_string(std->id));
    json_object_set_new(st, "name", json_string(std->name_zh));
    json_object_set_new(st, "name_en", json_string(std->name_en));
    json_object_set_new(st, "version", json_string(std->version));
    json_object_set_new(st, "source", json_string(std->source));
    json_object_set_new(st, "file", std->file[0] != '\0'
                                        ? json_string(std->file)
                                        : json_null());
    json_object_set_new(st, "base", std->base[0] != '\0'
                                        ? json_string(std->base)
                                        : json_null());
    json_object_set_new(st, "cv_rule",
                        json_string(std->cv_rule == JH_CV_EACH ? "each"
                                    : std->cv_rule == JH_CV_COMPOSITE
                                        ? "composite"
                                        : "none"));
    json_object_set_new(st, "min_met", json_integer((json_int_t)std->min_met));
    json_object_set_new(st, "partial_floor", jh__json_num(std->partial_floor));
    json_object_set_new(st, "weighting",
                        json_string("enrollment-weighted, population form "
                                    "(divided by total enrollment)"));
    {
        json_t *w = json_object(), *sc = json_object(), *pv = json_array();
        json_object_set_new(w, "nine_year_junior",
                            jh__json_num(std->weight_junior_nine));
        json_object_set_new(w, "complete_secondary_senior",
                            jh__json_num(std->weight_senior_complete));
        json_object_set_new(w, "twelve_year_junior",
                            jh__json_num(std->weight_junior_twelve));
        json_object_set_new(w, "twelve_year_senior",
                            jh__json_num(std->weight_senior_twelve));
        json_object_set_new(st, "split_weights", w);
        json_object_set_new(sc, "special", json_boolean(std->include_special));
        json_object_set_new(sc, "vocational",
                            json_boolean(std->include_vocational));
        json_object_set_new(sc, "teaching_points",
                            json_string(std->teaching_points == JH_TP_MIN
                                            ? "min"
                                        : std->teaching_points ==
                                                JH_TP_EXCLUDE
                                            ? "exclude"
                                            : "include"));
        json_object_set_new(sc, "teaching_point_min",
                            jh__json_num(std->teaching_point_min));
        json_object_set_new(sc, "private", json_boolean(std->include_private));
        json_object_set_new(sc, "province_run",
                            json_boolean(std->include_province_run));
        json_object_set_new(st, "scope", sc);
        for (size_t i = 0; i < std->nprovisions; i++) {
            if (std->provisions[i].enabled)
                json_array_append_new(pv,
                                      json_string(std->provisions[i].id));
        }
        json_object_set_new(st, "provisions_on", pv);
    }
    return st;
}

/* "excluded": the schools the model left out, with the reason. */
static json_t *
json_excluded(const jh_model *m)
{
    json_t *excluded = json_array();

    for (size_t i = 0; i < m->nexcluded; i++) {
        const jh_school *s = &m->county->schools[m->excluded[i].school];
        json_t *o = json_object();
        json_object_set_new(o, "code", json_string(s->code));
        json_object_set_new(o, "name", json_string(s->name));
        json_object_set_new(o, "reason",
                            json_string(jh_exclusion_key(
                                m->excluded[i].reason)));
        json_object_set_new(o, "line", json_integer(s->line));
        json_array_append_new(excluded, o);
    }
    return excluded;
}

jh_status
jh_report_json(FILE *out, const jh_report_context *ctx, jh_error *err)
{
    const jh_analysis *a;
    const jh_model *m;
    const jh_diagnostics *diag = ctx->diagnostics;
    json_t *root, *levels, *schools, *warnings, *gj = NULL, *dj;
    jh_status dst;

    /* The checks come computed (jh_analyze_checks()). */
    dst = jh__report_checks(ctx, true, err);
    if (dst != JH_OK)
        return dst;
    a = ctx->analysis;
    m = a->model;
    root = json_object();
    json_object_set_new(root, "junheng", json_string(ctx->version));
    json_object_set_new(root, "county", json_string(ctx->county_name));
    json_object_set_new(root, "source", json_string(m->county->source));
    json_object_set_new(root, "standard", json_string(a->standard->id));
    json_object_set_new(root, "standard_detail",
                        json_standard_detail(a->standard));
    json_object_set_new(root, "pass", json_boolean(a->pass));
    levels = json_array();
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        if (a->levels[l].present)
            json_array_append_new(
                levels, json_level(ctx, &a->levels[l], &diag->levels[l]));
    }
    json_object_set_new(root, "levels", levels);
    schools = json_array();
    for (size_t i = 0; i < m->nsections; i++)
        json_array_append_new(schools, json_section(ctx, i));
    json_object_set_new(root, "schools", schools);
    json_object_set_new(root, "excluded", json_excluded(m));
    warnings = json_array();
    for (size_t i = 0; ctx->warnings != NULL && i < ctx->warnings->count;
         i++)
        json_array_append_new(warnings,
                              json_warning(&ctx->warnings->items[i]));
    json_object_set_new(root, "warnings", warnings);
    /* School-level government-guarantee checks (guarantee.h), when the
     * standard has them; then the supplementary diagnostics, a key of
     * their own, every other key as before. */
    if (a->standard->guarantee.defined) {
        gj = jh__guarantee_json(ctx, ctx->guarantee);
        json_object_set_new(root, "guarantee", gj);
    }
    dj = jh__diagnostics_json(ctx, diag);
    json_object_set_new(root, "diagnostics", dj);
    if (root == NULL || (a->standard->guarantee.defined && gj == NULL) ||
        dj == NULL) {
        json_decref(root);
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    }
    return jh__json_write(out, root, err);
}
