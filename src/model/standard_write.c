/*
 * junheng - writing a jh_standard back as a standards file (INI), the
 * effective standard that `junheng standards show` prints.
 */
#include "junheng/standard.h"

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "standard_keys.h"
#include "util.h"

/* Append printf output to a growing buffer; false when out of memory. */
static bool append(char **buf, size_t *len, size_t *cap, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static bool
append(char **buf, size_t *len, size_t *cap, const char *fmt, ...)
{
    va_list ap;
    int n;

    for (;;) {
        va_start(ap, fmt);
        n = vsnprintf(*buf + *len, *cap - *len, fmt, ap);
        va_end(ap);
        if (n < 0)
            return false;
        if ((size_t)n < *cap - *len) {
            *len += (size_t)n;
            return true;
        }
        char *nb = realloc(*buf, *cap * 2 + (size_t)n);
        if (nb == NULL)
            return false;
        *buf = nb;
        *cap = *cap * 2 + (size_t)n;
    }
}

/* A number as a standards file writes it: shortest round-trip form. */
static const char *
num(double v, char *b, size_t size)
{
    if (isnan(v))
        return "none";
    /* Whole numbers in full ("2000", not "2e+03"). */
    if (v == floor(v) && fabs(v) < 1e15)
        return jh__fmt_fixed(v, 0, b, size);
    for (int prec = 1; prec <= 17; prec++) {
        double back = 0;
        jh__fmt_general(v, prec, b, size);
        if (jh__parse_double(b, &back) && back == v)
            break;
    }
    return b;
}

/* The text being written and its size. */
typedef struct ini_text {
    char *buf;
    size_t len, cap;
} ini_text;

/* [standard], [weights] and [scope] of @p s, after the first comment. */
static bool
to_ini_head(ini_text *o, const jh_standard *s)
{
    static const char *const tp[] = {"min", "exclude", "include"};
    static const char *const rule[] = {"each", "composite", "none"};
    char a[40], b[40], c[40], d[40];
    bool ok;

    ok = append(&o->buf, &o->len, &o->cap, "; effective standard %s%s%s%s\n",
                s->file[0] != '\0' ? "read from " : "(built in)", s->file,
                s->base[0] != '\0' ? ", starting from " : "", s->base);
    ok = ok && append(&o->buf, &o->len, &o->cap,
                      "[standard]\nid = %s\nversion = %s\nname_zh = %s\n"
                      "name_en = %s\nsource = %s\ncv_rule = %s\n",
                      s->id, s->version, s->name_zh, s->name_en, s->source,
                      rule[s->cv_rule]);
    ok = ok && append(&o->buf, &o->len, &o->cap,
                      "cv_limit_primary = %s\ncv_limit_junior = %s\n"
                      "composite_limit_primary = %s\n"
                      "composite_limit_junior = %s\n",
                      num(s->cv_limit[0], a, sizeof(a)),
                      num(s->cv_limit[1], b, sizeof(b)),
                      num(s->composite_limit[0], c, sizeof(c)),
                      num(s->composite_limit[1], d, sizeof(d)));
    ok = ok && append(&o->buf, &o->len, &o->cap,
                      "min_met = %zu\npartial_floor = %s\n", s->min_met,
                      num(s->partial_floor, a, sizeof(a)));
    ok = ok && append(&o->buf, &o->len, &o->cap,
                      "\n[weights]\nnine_year_junior = %s\n"
                      "complete_secondary_senior = %s\n"
                      "twelve_year_junior = %s\ntwelve_year_senior = %s\n",
                      num(s->weight_junior_nine, a, sizeof(a)),
                      num(s->weight_senior_complete, b, sizeof(b)),
                      num(s->weight_junior_twelve, c, sizeof(c)),
                      num(s->weight_senior_twelve, d, sizeof(d)));
    ok = ok && append(&o->buf, &o->len, &o->cap,
                      "\n[scope]\nspecial = %s\nvocational = %s\n"
                      "teaching_points = %s\nteaching_point_min = %s\n"
                      "private = %s\nprovince_run = %s\n",
                      s->include_special ? "include" : "exclude",
                      s->include_vocational ? "include" : "exclude",
                      tp[s->teaching_points],
                      num(s->teaching_point_min, a, sizeof(a)),
                      s->include_private ? "include" : "exclude",
                      s->include_province_run ? "include" : "exclude");
    return ok;
}

/* The [indicator ID] and [provision ID] sections of @p s. */
static bool
to_ini_items(ini_text *o, const jh_standard *s)
{
    char a[40], b[40];
    bool ok = true;

    for (size_t i = 0; ok && i < s->nindicators; i++) {
        const jh_indicator *ind = &s->indicators[i];
        ok = append(
            &o->buf, &o->len, &o->cap,
            "\n[indicator %s]\nname_zh = %s\nname_en = %s\n"
            "short_zh = %s\nshort_en = %s\nunit_zh = %s\n"
            "unit_en = %s\nquantity = %s\nper = %s\nsplit = %s\n"
            "decimals = %d\n"
            "threshold_primary = %s\nthreshold_junior = %s\n",
            ind->id, ind->name_zh, ind->name_en, ind->short_zh, ind->short_en,
            ind->unit_zh, ind->unit_en, jh_quantity_key(ind->quantity),
            ind->scale == 100.0 ? "100" : "1", ind->split ? "yes" : "no",
            ind->decimals, num(ind->threshold[0], a, sizeof(a)),
            num(ind->threshold[1], b, sizeof(b)));
    }
    for (size_t i = 0; ok && i < s->nprovisions; i++) {
        const jh_provision *pv = &s->provisions[i];
        ok = append(&o->buf, &o->len, &o->cap,
                    "\n[provision %s]\nname_zh = %s\nname_en = %s\n"
                    "enabled = %s\n",
                    pv->id, pv->name_zh, pv->name_en,
                    pv->enabled ? "yes" : "no");
        if (ok && !isnan(pv->min_students))
            ok = append(&o->buf, &o->len, &o->cap, "min_students = %s\n",
                        num(pv->min_students, a, sizeof(a)));
        if (ok && !isnan(pv->max_students))
            ok = append(&o->buf, &o->len, &o->cap, "max_students = %s\n",
                        num(pv->max_students, a, sizeof(a)));
    }
    return ok;
}

/* The numbers of limits table @p tab in @p s, a line each. */
static bool
to_ini_limits(ini_text *o, const jh_standard *s, const jh__limit_table *tab)
{
    char a[40];
    bool ok = true;

    for (size_t i = 0; ok && i < tab->n; i++)
        ok = append(&o->buf, &o->len, &o->cap, "%s = %s\n", tab->keys[i].key,
                    num(jh__limit_value(s, tab, i), a, sizeof(a)));
    return ok;
}

/* The [guarantee] and [county] sections of @p s, when it defines them. */
static bool
to_ini_sections(ini_text *o, const jh_standard *s)
{
    bool ok = true;

    if (s->guarantee.defined) {
        ok = append(
            &o->buf, &o->len, &o->cap, "\n[guarantee]\nteaching_points = %s\n",
            s->guarantee.include_teaching_points ? "include" : "exclude");
        ok = ok && to_ini_limits(o, s, &jh__guarantee_table);
    }
    if (ok && s->county.defined) {
        ok = append(&o->buf, &o->len, &o->cap, "\n[county]\n");
        ok = ok && to_ini_limits(o, s, &jh__county_table);
    }
    return ok;
}

char *
jh_standard_to_ini(const jh_standard *s)
{
    ini_text o = {NULL, 0, 4096};

    o.buf = malloc(o.cap);
    if (o.buf == NULL)
        return NULL;
    o.buf[0] = '\0';
    if (!to_ini_head(&o, s) || !to_ini_items(&o, s) ||
        !to_ini_sections(&o, s)) {
        free(o.buf);
        return NULL;
    }
    return o.buf;
}
