/* junheng - splitting schools into evaluated sections. */
#include "junheng/model.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static const char *const exclusion_keys[JH_EXCL_COUNT] = {
    "special",     "vocational",   "small_teaching_point",
    "include_no",  "no_students",  "private",
    "province_run", "teaching_point"};

const char *
jh_exclusion_key(jh_exclusion_reason reason)
{
    return reason < JH_EXCL_COUNT ? exclusion_keys[reason] : "unknown";
}

double
jh_section_numerator(const jh_section *s, const jh_indicator *ind)
{
    double q = s->quantity[ind->quantity];
    return ind->split ? q * s->physical_share : q;
}

double
jh_section_value(const jh_section *s, const jh_indicator *ind)
{
    return jh_section_numerator(s, ind) / s->students * ind->scale;
}

void
jh_model_free(jh_model *m)
{
    if (m == NULL)
        return;
    free(m->sections);
    free(m->excluded);
    free(m);
}

/* Levels a school type teaches: bit 0 primary, 1 junior, 2 senior. */
static unsigned
type_levels(jh_school_type type)
{
    switch (type) {
    case JH_TYPE_PRIMARY:
    case JH_TYPE_TEACHING_POINT:
        return 1u;
    case JH_TYPE_JUNIOR:
        return 2u;
    case JH_TYPE_NINE_YEAR:
        return 3u;
    case JH_TYPE_COMPLETE_SECONDARY:
        return 6u;
    case JH_TYPE_TWELVE_YEAR:
        return 7u;
    default:
        return 0u;
    }
}

static const char *const level_zh[3] = {"小学", "初中", "高中"};


/* Whether relax_2019_pe_art_parttime applies to school @p s with
 * @p students compulsory pupils: switched on, a rural school, and its
 * enrollment within the provision's range. */
static bool
relax_pe_art_applies(const jh_standard *std, const jh_school *s,
                     double students)
{
    int i = jh_standard_provision_find(std, "relax_2019_pe_art_parttime");
    const jh_provision *pv;

    if (i < 0 || !std->provisions[i].enabled ||
        s->locality != JH_LOCALITY_RURAL)
        return false;
    pv = &std->provisions[i];
    return (isnan(pv->min_students) || students >= pv->min_students) &&
           (isnan(pv->max_students) || students <= pv->max_students);
}

/* Report bad data at the cell of column @p col (0-based, -1 none) of
 * school @p s, in Chinese (@p fmt_zh) and English (@p fmt) as
 * jh_error_set2(); returns JH_ERR_DATA. */
static jh_status
school_error(jh_error *err, const jh_county *c, const jh_school *s, long col,
             const char *fmt_zh, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

static jh_status
school_error(jh_error *err, const jh_county *c, const jh_school *s, long col,
             const char *fmt_zh, const char *fmt, ...)
{
    va_list ap;
    char letters[16];

    if (err == NULL)
        return JH_ERR_DATA;
    va_start(ap, fmt);
    jh_error_vset2(err, JH_ERR_DATA, c->source, s->line,
                   col >= 0 ? col + 1 : 0, fmt_zh, fmt, ap);
    va_end(ap);
    if (c->sheet != NULL && col >= 0)
        snprintf(err->cell, sizeof(err->cell), "%s!%s%ld", c->sheet,
                 jh_column_letters(col + 1, letters, sizeof(letters)),
                 s->line);
    return JH_ERR_DATA;
}

/* Physical weight of one pupil of @p level in a school of @p type. */
static double
level_weight(const jh_standard *std, jh_school_type type, int level)
{
    if (level == JH_LEVEL_PRIMARY)
        return 1.0;
    if (type == JH_TYPE_NINE_YEAR)
        return std->weight_junior_nine;
    if (type == JH_TYPE_TWELVE_YEAR)
        return level == JH_LEVEL_JUNIOR ? std->weight_junior_twelve
                                        : std->weight_senior_twelve;
    if (type == JH_TYPE_COMPLETE_SECONDARY)
        return level == JH_LEVEL_JUNIOR ? 1.0 : std->weight_senior_complete;
    return 1.0;
}

static jh_status
check_columns(const jh_county *c, const jh_standard *std,
              const bool *needed, jh_error *err)
{
    for (int q = 0; q < JH_Q_COUNT; q++) {
        bool any = c->columns.whole[q] >= 0;
        if (!needed[q])
            continue;
        for (int l = 0; l < JH_LEVEL_COUNT; l++)
            any = any || c->columns.section[q][l] >= 0;
        if (!any) {
            const char *ind = "";
            for (size_t i = 0; i < std->nindicators; i++) {
                if ((int)std->indicators[i].quantity == q)
                    ind = std->indicators[i].name_zh;
            }
            return jh_error_set2(err, JH_ERR_DATA, c->source, 0, 0,
                                 "缺少必需的列「%s」%.0s，指标“%s”要用到它；"
                                 "请在表头中加上这一列（junheng template "
                                 "生成的模板中有这一列）",
                                 "required column %s (%s) is missing; %s "
                                 "needs it",
                                 jh_quantity_zh((jh_quantity)q),
                                 jh_quantity_key((jh_quantity)q), ind);
        }
    }
    return JH_OK;
}

typedef struct builder {
    jh_model *m;
    size_t cap_sections, cap_excluded;
} builder;

static jh_status
add_exclusion(builder *b, size_t school, jh_exclusion_reason reason)
{
    jh_model *m = b->m;
    if (m->nexcluded == b->cap_excluded) {
        size_t ncap = b->cap_excluded == 0 ? 16 : b->cap_excluded * 2;
        jh_exclusion *e = realloc(m->excluded, ncap * sizeof(*e));
        if (e == NULL)
            return JH_ERR_NOMEM;
        m->excluded = e;
        b->cap_excluded = ncap;
    }
    m->excluded[m->nexcluded].school = school;
    m->excluded[m->nexcluded].reason = reason;
    m->nexcluded++;
    return JH_OK;
}

static jh_section *
add_section(builder *b)
{
    jh_model *m = b->m;
    if (m->nsections == b->cap_sections) {
        size_t ncap = b->cap_sections == 0 ? 64 : b->cap_sections * 2;
        jh_section *s = realloc(m->sections, ncap * sizeof(*s));
        if (s == NULL)
            return NULL;
        m->sections = s;
        b->cap_sections = ncap;
    }
    memset(&m->sections[m->nsections], 0, sizeof(jh_section));
    return &m->sections[m->nsections++];
}

/* The levels of school @p s and its pupils in each, as build_school()
 * needs them. */
typedef struct shape {
    unsigned levels;     /* bit l: level l is evaluated */
    double students[3];  /* 0 in a level not taught */
    double wsum, total;  /* weighted and plain sums of students[] */
    int nlevels;         /* levels taught */
} shape;

/* Fill @p sh for school @p s: the levels its type teaches (and, for a
 * special or vocational school the scope includes, the levels where it
 * has pupils) and its pupils; errors name the cell. */
static jh_status
school_shape(shape *sh, const jh_county *c, const jh_school *s,
             const jh_standard *std, jh_error *err)
{
    memset(sh, 0, sizeof(*sh));
    sh->levels = type_levels(s->type);
    if (s->type == JH_TYPE_SPECIAL || s->type == JH_TYPE_VOCATIONAL) {
        for (int l = 0; l < JH_LEVEL_COUNT; l++) {
            if (!isnan(s->students[l]) && s->students[l] > 0)
                sh->levels |= 1u << l;
        }
    }
    for (int l = 0; l < 3; l++) {
        double v = s->students[l];
        if (sh->levels & (1u << l)) {
            if (isnan(v)) {
                return school_error(
                    err, c, s, c->columns.students[l],
                    "%s（%s，%s）缺少%s在校生数%.0s；请在这个单元格填写人数",
                    "%s (%s, %s) has no %s在校生数 (students_%s)", s->name,
                    s->code, jh_school_type_zh(s->type), level_zh[l],
                    jh_level_key((jh_level)l));
            }
            sh->students[l] = v;
            sh->nlevels++;
        } else if (!isnan(v) && v > 0) {
            return school_error(err, c, s, c->columns.students[l],
                                "%s（%s）是%s，却有 %.0f 名%s学生；请核对学校"
                                "类型是否填对",
                                "%s (%s) is a %s but has %.0f %s pupils; is "
                                "its school type right?",
                                s->name, s->code,
                                jh_school_type_zh(s->type), v, level_zh[l]);
        }
        sh->wsum += level_weight(std, s->type, l) * sh->students[l];
        sh->total += sh->students[l];
    }
    return JH_OK;
}

/* School @p s with the area adjustments of @p std applied: *@p out is
 * @p s itself, or @p adjusted holding the changed copy. */
static jh_status
adjust_areas(const jh_school **out, jh_school *adjusted, const jh_county *c,
             const jh_school *s, const jh_standard *std, jh_error *err)
{
    *out = s;
    /* Indoor sports rooms are counted inside the teaching area; the
     * option moves them to the sports area, whole school, before the split
     * (§1.1 of the rules).  A blank indoor area is none. */
    if (std->subtract_indoor_sports) {
        double indoor = s->whole[JH_Q_INDOOR_SPORTS_AREA];
        double teaching = s->whole[JH_Q_TEACHING_AREA];
        if (!isnan(indoor) && indoor > 0) {
            if (!isnan(teaching) && indoor > teaching)
                return school_error(
                    err, c, s, c->columns.whole[JH_Q_INDOOR_SPORTS_AREA],
                    "%s（%s）：其中室内体育用房（%g 平方米）比包含它的"
                    "教学及辅助用房面积（%g 平方米）还大；请核对这两个数",
                    "%s (%s): 其中室内体育用房 (%g m2) is more than the "
                    "教学及辅助用房面积 (%g m2) that includes it",
                    s->name, s->code, indoor, teaching);
            *adjusted = *s;
            adjusted->whole[JH_Q_TEACHING_AREA] = teaching - indoor;
            adjusted->whole[JH_Q_SPORTS_AREA] += indoor;
            *out = adjusted;
        }
    }
    /* 2019 relaxation: leased venues within a 10-minute walk count as
     * sports area for urban schools (国教督办函〔2019〕30号). */
    if (jh_standard_provision_on(std, "relax_2019_leased_sports") &&
        s->locality == JH_LOCALITY_URBAN &&
        !isnan(s->whole[JH_Q_LEASED_SPORTS_AREA]) &&
        s->whole[JH_Q_LEASED_SPORTS_AREA] > 0) {
        if (*out != adjusted) {
            *adjusted = *s;
            *out = adjusted;
        }
        adjusted->whole[JH_Q_SPORTS_AREA] += s->whole[JH_Q_LEASED_SPORTS_AREA];
    }
    return JH_OK;
}

/* Add the Chinese name of @p q to the list @p names (of @p size bytes)
 * unless it is there. */
static void
note_split(char *names, size_t size, jh_quantity q)
{
    if (strstr(names, jh_quantity_zh(q)) == NULL) {
        size_t n = strlen(names);
        snprintf(names + n, size - n, "%s%s", n > 0 ? "、" : "",
                 jh_quantity_zh(q));
    }
}

/* Fill the quantities of section @p sec (level @p l) of school @p s; a
 * sectioned quantity given only for the whole school is split by
 * student share and its name noted in @p split_names (512 bytes). */
static jh_status
section_quantities(jh_section *sec, int l, const jh_county *c,
                   const jh_school *s, int nlevels, const bool *needed,
                   char *split_names, jh_error *err)
{
    for (int q = 0; q < JH_Q_COUNT; q++) {
        double v;
        sec->quantity[q] = NAN;
        if (jh_quantity_is_sectioned((jh_quantity)q)) {
            v = s->section[q][l];
            if (isnan(v) && !isnan(s->whole[q])) {
                if (nlevels == 1) {
                    v = s->whole[q];
                } else {
                    v = s->whole[q] * sec->teacher_share;
                    if (needed[q]) {
                        sec->teachers_split = true;
                        note_split(split_names, 512, (jh_quantity)q);
                    }
                }
            }
            if (isnan(v) && needed[q]) {
                long col = c->columns.section[q][l] >= 0
                               ? c->columns.section[q][l]
                               : c->columns.whole[q];
                return school_error(
                    err, c, s, col,
                    "%s（%s）缺少“%s”（%s学段）；空白不等于零，没有请填 0",
                    "%s (%s) has no %s for its %s section (blank is not "
                    "zero: enter 0 if there are none)",
                    s->name, s->code, jh_quantity_zh((jh_quantity)q),
                    level_zh[l]);
            }
        } else {
            v = s->whole[q];
            if (isnan(v) && needed[q]) {
                return school_error(
                    err, c, s, c->columns.whole[q],
                    "%s（%s）缺少“%s”；空白不等于零，没有请填 0",
                    "%s (%s) has no %s (blank is not zero: enter 0 if "
                    "there is none)",
                    s->name, s->code, jh_quantity_zh((jh_quantity)q));
            }
        }
        sec->quantity[q] = v;
    }
    return JH_OK;
}

/* Build the sections of one included school; errors name the cell. */
static jh_status
build_school(builder *b, const jh_county *c, size_t idx,
             const jh_standard *std, const bool *needed, jh_diags *warn,
             jh_error *err)
{
    const jh_school *s = &c->schools[idx];
    jh_school adjusted;
    bool pe_art_extra;
    shape sh;
    int nevaluated = 0;
    char split_names[512] = "";
    jh_status st = school_shape(&sh, c, s, std, err);

    if (st != JH_OK)
        return st;
    if (s->type == JH_TYPE_TEACHING_POINT &&
        std->teaching_points == JH_TP_MIN &&
        sh.students[JH_LEVEL_PRIMARY] < std->teaching_point_min)
        return add_exclusion(b, idx, JH_EXCL_SMALL_TEACHING_POINT);
    if (sh.students[0] <= 0 && sh.students[1] <= 0) {
        if (jh_diags_add2(warn, c->source, s->line, 0, NULL, s->code,
                          "%s（%s）没有小学或初中在校生，不纳入计算",
                          "%s (%s) has no primary or junior pupils and is "
                          "left out",
                          s->name, s->code) != JH_OK)
            return JH_ERR_NOMEM;
        return add_exclusion(b, idx, JH_EXCL_NO_STUDENTS);
    }
    st = adjust_areas(&s, &adjusted, c, s, std, err);
    if (st != JH_OK)
        return st;
    pe_art_extra =
        relax_pe_art_applies(std, s, sh.students[0] + sh.students[1]);

    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        jh_section *sec;
        if (!(sh.levels & (1u << l)) || sh.students[l] <= 0)
            continue;
        nevaluated++;
        sec = add_section(b);
        if (sec == NULL)
            return JH_ERR_NOMEM;
        sec->school = idx;
        sec->level = (jh_level)l;
        sec->students = sh.students[l];
        sec->physical_share =
            level_weight(std, s->type, l) * sh.students[l] / sh.wsum;
        sec->teacher_share = sh.students[l] / sh.total;
        st = section_quantities(sec, l, c, s, sh.nlevels, needed, split_names,
                                err);
        if (st != JH_OK)
            return st;
        /* 2019 relaxation: rotating and part-time teachers count for PE and
         * art in small rural schools; blank is none. */
        if (pe_art_extra) {
            double extra = s->section[JH_Q_PE_ART_PARTTIME][l];
            if (isnan(extra) && sh.nlevels == 1)
                extra = s->whole[JH_Q_PE_ART_PARTTIME];
            if (!isnan(extra))
                sec->quantity[JH_Q_PE_ART_TEACHERS] += extra;
        }
    }
    if (split_names[0] != '\0' && nevaluated > 0) {
        if (jh_diags_add2(warn, c->source, s->line, 0, NULL, s->code,
                          "%s（%s）：%s只填了全校合计，按各学段在校生数比例"
                          "分摊",
                          "%s (%s): %s given only for the whole school; split "
                          "between sections by student share",
                          s->name, s->code, split_names) != JH_OK)
            return JH_ERR_NOMEM;
    }
    return JH_OK;
}

jh_status
jh_model_build(jh_model **out, const jh_county *c, const jh_standard *std,
               jh_diags *warn, jh_error *err)
{
    builder b = {0};
    bool needed[JH_Q_COUNT] = {false};
    jh_status st;

    for (size_t i = 0; i < std->nindicators; i++)
        needed[std->indicators[i].quantity] = true;
    st = check_columns(c, std, needed, err);
    if (st != JH_OK)
        return st;
    if (std->subtract_indoor_sports &&
        c->columns.whole[JH_Q_INDOOR_SPORTS_AREA] < 0 &&
        jh_diags_add2(warn, c->source, 0, 0, NULL, NULL,
                      "应将室内体育用房计入体育运动场馆面积，但没有"
                      "“其中室内体育用房”（indoor_sports_area）列：未作调整",
                      "indoor sports rooms are to be moved to the sports "
                     "area, but there is no 其中室内体育用房 "
                     "(indoor_sports_area) column: nothing moved") != JH_OK)
        return jh_error_set2(err, JH_ERR_NOMEM, c->source, 0, 0, "内存不足",
                             "out of memory");
    b.m = calloc(1, sizeof(*b.m));
    if (b.m == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, c->source, 0, 0, "内存不足",
                             "out of memory");
    b.m->county = c;
    b.m->standard = std;

    for (size_t i = 0; i < c->nschools && st == JH_OK; i++) {
        const jh_school *s = &c->schools[i];
        /* Scope (the standard's [scope]), then the row's own flag. */
        if (s->type == JH_TYPE_SPECIAL && !std->include_special)
            st = add_exclusion(&b, i, JH_EXCL_SPECIAL);
        else if (s->type == JH_TYPE_VOCATIONAL && !std->include_vocational)
            st = add_exclusion(&b, i, JH_EXCL_VOCATIONAL);
        else if (s->type == JH_TYPE_TEACHING_POINT &&
                 std->teaching_points == JH_TP_EXCLUDE)
            st = add_exclusion(&b, i, JH_EXCL_TEACHING_POINT);
        else if (s->ownership == JH_OWNERSHIP_PRIVATE &&
                 !std->include_private)
            st = add_exclusion(&b, i, JH_EXCL_PRIVATE);
        else if (s->ownership == JH_OWNERSHIP_PROVINCE &&
                 !std->include_province_run)
            st = add_exclusion(&b, i, JH_EXCL_PROVINCE_RUN);
        else if (!s->include)
            st = add_exclusion(&b, i, JH_EXCL_INCLUDE_NO);
        else
            st = build_school(&b, c, i, std, needed, warn, err);
    }
    if (st == JH_ERR_NOMEM)
        jh_error_set2(err, st, c->source, 0, 0, "内存不足", "out of memory");
    if (st != JH_OK) {
        jh_model_free(b.m);
        return st;
    }
    *out = b.m;
    return JH_OK;
}
