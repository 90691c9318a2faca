/* junheng - checking a data file: every problem, with its cell. */
#include "junheng/check.h"
#include "junheng/school_reader.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "junheng/analysis.h"
#include "util.h"

static const char *const level_zh[3] = {"小学", "初中", "高中"};

/* The teacher quantities whose 0 is worth a warning. */
static const jh_quantity teacher_kinds[] = {
    JH_Q_DEGREE_TEACHERS, JH_Q_BACKBONE_TEACHERS, JH_Q_PE_ART_TEACHERS};

void
jh_check_result_free(jh_check_result *r)
{
    if (r == NULL)
        return;
    jh_diags_release(&r->errors);
    jh_diags_release(&r->warnings);
    for (size_t i = 0; i < r->nexcluded; i++) {
        free(r->excluded[i].code);
        free(r->excluded[i].name);
    }
    free(r->excluded);
    free(r->source);
    free(r->sheet);
    free(r);
}

/* Everything one check works on. */
typedef struct checker {
    jh_check_result *r;
    const jh_county *c;
    const jh_table *t;
    const jh_standard *std;
    bool needed[JH_Q_COUNT];
    bool *bad; /* per school: its row has an error */
    bool nomem;
} checker;

/*
 * Add a finding about column @p col (-1: the row) of school @p s to
 * @p list, located like the importer's messages.  Sets ch->nomem on
 * allocation failure.
 */
static void add_at(checker *ch, jh_diags *list, const jh_school *s, long col,
                   const char *zh, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

static void
add_at(checker *ch, jh_diags *list, const jh_school *s, long col,
       const char *zh, const char *fmt, ...)
{
    jh_error e;
    va_list ap;
    jh_status st;

    jh_error_clear(&e);
    jh_table_locate(ch->t, s->row, col >= 0 ? (size_t)col : 0, &e);
    if (col < 0) {
        e.column = 0;
        e.cell[0] = '\0';
    }
    va_start(ap, fmt);
    st = jh_diags_vadd2(list, e.file, e.line, e.column,
                        e.cell[0] != '\0' ? e.cell : NULL, s->code, zh, fmt,
                        ap);
    va_end(ap);
    if (st != JH_OK)
        ch->nomem = true;
}

/* True when the cell of school @p s in column @p col is blank (a value
 * that was there but bad has been reported by the importer already). */
static bool
cell_blank(const checker *ch, const jh_school *s, long col)
{
    return col < 0 || jh__is_blank(jh_table_cell(ch->t, s->row, (size_t)col));
}

/* Mark the schools whose rows the importer found errors in. */
static void
mark_bad_rows(checker *ch)
{
    for (size_t i = 0; i < ch->c->nschools; i++) {
        for (size_t k = 0; k < ch->r->errors.count; k++) {
            if (ch->r->errors.items[k].line == ch->c->schools[i].line) {
                ch->bad[i] = true;
                break;
            }
        }
    }
}

/* The column a missing quantity of @p level is reported at. */
static long
quantity_column(const jh_county *c, jh_quantity q, int level)
{
    if (jh_quantity_is_sectioned(q) && level < JH_LEVEL_COUNT &&
        c->columns.section[q][level] >= 0)
        return c->columns.section[q][level];
    return c->columns.whole[q];
}

/* Columns every analysis needs: a missing one is one error for the file. */
static void
check_columns(checker *ch, bool *missing)
{
    const jh_county *c = ch->c;

    for (int q = 0; q < JH_Q_COUNT; q++) {
        bool any = c->columns.whole[q] >= 0;
        missing[q] = false;
        if (!ch->needed[q])
            continue;
        for (int l = 0; l < JH_LEVEL_COUNT; l++)
            any = any || c->columns.section[q][l] >= 0;
        if (any)
            continue;
        missing[q] = true;
        {
            /* A misspelt header near the column's name is named too. */
            const char *found = NULL, *known = NULL;
            char zh[300] = "", en[300] = "";
            if (jh_county_suggest(c, jh_quantity_key((jh_quantity)q), &found,
                                  &known)) {
                snprintf(zh, sizeof(zh), "：找到「%s」，是否指「%s」？", found,
                         known);
                snprintf(en, sizeof(en), ": found '%s', did you mean '%s'?",
                         found, known);
            }
            /* Each text skips the other's hint with %.0s. */
            if (jh_diags_add2(&ch->r->errors, c->source, 0, 0, NULL, NULL,
                              "缺少必需的列%s（%s）%s%.0s",
                              "required column %s (%s) is missing%.0s%s",
                              jh_quantity_zh((jh_quantity)q),
                              jh_quantity_key((jh_quantity)q), zh, en) != JH_OK)
                ch->nomem = true;
        }
    }
}

/*
 * Every value of school @p i that the model needs and lacks, all at once
 * (the model stops at the first): blank enrollment of a level its type
 * teaches, pupils of a level it does not teach, blank values an evaluated
 * section needs, indoor sports rooms larger than the teaching area.  Only
 * called for schools the model refuses (see check_with_model()), so scope
 * rules stay in model.c.
 */
static void
check_school_values(checker *ch, size_t i, const bool *missing)
{
    const jh_county *c = ch->c;
    const jh_school *s = &c->schools[i];
    unsigned levels = jh_school_type_levels(s->type);
    double students[3] = {0, 0, 0};
    bool evaluated[JH_LEVEL_COUNT] = {false}, any = false;

    for (int l = 0; l < 3; l++) {
        long col = c->columns.students[l];
        double v = s->students[l];
        if (levels & (1u << l)) {
            if (isnan(v) && cell_blank(ch, s, col))
                add_at(ch, &ch->r->errors, s, col,
                       "%s（%s，%s）没有填%s在校生数%.0s：空白不等于0，"
                       "没有学生请填0",
                       "%s (%s, %s) has no %s在校生数 (students_%s): blank "
                       "is not zero, enter 0 if there are none",
                       s->name, s->code, jh_school_type_zh(s->type),
                       level_zh[l], jh_level_key((jh_level)l));
            students[l] = isnan(v) ? 0.0 : v;
        } else if (!isnan(v) && v > 0) {
            add_at(ch, &ch->r->errors, s, col,
                   "%s（%s）是%s，却有%.0f名%s学生：学校类型对吗？",
                   "%s (%s) is a %s but has %.0f %s pupils; is its school "
                   "type right?",
                   s->name, s->code, jh_school_type_zh(s->type), v,
                   level_zh[l]);
        }
    }
    if (s->type == JH_TYPE_TEACHING_POINT &&
        students[JH_LEVEL_PRIMARY] < ch->std->teaching_point_min)
        return; /* a small teaching point: left out */
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        evaluated[l] = (levels & (1u << l)) && students[l] > 0;
        any = any || evaluated[l];
    }
    for (int q = 0; q < JH_Q_COUNT && any; q++) {
        if (!ch->needed[q] || missing[q] || !isnan(s->whole[q]) ||
            !cell_blank(ch, s, c->columns.whole[q]))
            continue; /* given, or a bad value reported already */
        if (!jh_quantity_is_sectioned((jh_quantity)q)) {
            add_at(ch, &ch->r->errors, s, c->columns.whole[q],
                   "%s（%s）没有填%s（空白不等于0：没有请填0）",
                   "%s (%s) has no %s (blank is not zero: enter 0 if there "
                   "is none)",
                   s->name, s->code, jh_quantity_zh((jh_quantity)q));
            continue;
        }
        for (int l = 0; l < JH_LEVEL_COUNT; l++) {
            long col = c->columns.section[q][l];
            if (!evaluated[l] || !isnan(s->section[q][l]) ||
                !cell_blank(ch, s, col))
                continue;
            add_at(ch, &ch->r->errors, s, quantity_column(c, (jh_quantity)q, l),
                   "%s（%s）没有填%s的%s学段数（空白不等于0：没有请填0）",
                   "%s (%s) has no %s for its %s section (blank is not "
                   "zero: enter 0 if there are none)",
                   s->name, s->code, jh_quantity_zh((jh_quantity)q),
                   level_zh[l]);
        }
    }
    if (ch->std->subtract_indoor_sports) {
        double indoor = s->whole[JH_Q_INDOOR_SPORTS_AREA];
        double teaching = s->whole[JH_Q_TEACHING_AREA];
        if (!isnan(indoor) && !isnan(teaching) && indoor > teaching)
            add_at(ch, &ch->r->errors, s,
                   c->columns.whole[JH_Q_INDOOR_SPORTS_AREA],
                   "%s（%s）：其中室内体育用房（%g平方米）大于包含它的"
                   "教学及辅助用房面积（%g平方米）",
                   "%s (%s): 其中室内体育用房 (%g m2) is more than the "
                   "教学及辅助用房面积 (%g m2) that includes it",
                   s->name, s->code, indoor, teaching);
    }
}

/* Add a failure of the model or analysis as an error, with its place. */
static void
add_error(checker *ch, const jh_error *e)
{
    /* Both texts as they are: the Chinese one when the error has it. */
    jh_diag d = {
        .file = e->file[0] != '\0' ? (char *)e->file : NULL,
        .line = e->line,
        .column = e->column,
        .cell = e->cell[0] != '\0' ? (char *)e->cell : NULL,
        .message = (char *)e->message,
        .message_zh = e->message_zh[0] != '\0' ? (char *)e->message_zh : NULL,
    };

    if (jh_diags_append(&ch->r->errors, &d) != JH_OK)
        ch->nomem = true;
}

/*
 * Run the model on school @p i alone.  When it refuses the school, list
 * every missing value with check_school_values(); should that find nothing
 * (the model knows a rule this file does not mirror), report the model's
 * own error, so that a clean check always means the school builds.
 */
static void
check_with_model(checker *ch, size_t i, const bool *missing)
{
    jh_county one = *ch->c;
    jh_model *m = NULL;
    jh_error e;
    jh_status st;
    size_t before = ch->r->errors.count;

    one.schools = &ch->c->schools[i];
    one.nschools = 1;
    jh_error_clear(&e);
    st = jh_model_build(&m, &one, ch->std, NULL, &e);
    jh_model_free(m);
    if (st == JH_OK)
        return;
    if (st == JH_ERR_NOMEM) {
        ch->nomem = true;
        return;
    }
    check_school_values(ch, i, missing);
    if (ch->r->errors.count == before && !ch->bad[i])
        add_error(ch, &e);
    ch->bad[i] = true;
}

/* Index of the school with code @p code, or -1. */
static long
find_code(const jh_county *c, const char *code)
{
    for (size_t i = 0; i < c->nschools; i++) {
        if (strcmp(c->schools[i].code, code) == 0)
            return (long)i;
    }
    return -1;
}

/* Warnings about areas and equipment per pupil of school @p s, which
 * has @p pupils pupils (more than 0). */
static void
plausible_per_pupil(checker *ch, const jh_school *s, double pupils)
{
    static const jh_quantity areas[] = {JH_Q_TEACHING_AREA, JH_Q_SPORTS_AREA};
    const jh_county *c = ch->c;
    jh_diags *w = &ch->r->warnings;
    double e = s->whole[JH_Q_EQUIPMENT_VALUE];

    for (size_t k = 0; k < 2; k++) {
        double a = s->whole[areas[k]];
        /* Beyond JH_MAGNITUDE_MAX_AREA_PER_PUPIL the importer has
         * warned already. */
        if (!isnan(a) && a / pupils > JH_CHECK_MAX_AREA_PER_PUPIL &&
            a / pupils <= JH_MAGNITUDE_MAX_AREA_PER_PUPIL)
            add_at(ch, w, s, c->columns.whole[areas[k]],
                   "%s（%s）：%s %g平方米、学生%g人，生均%.0f平方米，"
                   "超过%.0f：面积或在校生数填错了吗？",
                   "%s (%s): %s of %g m2 for %g pupils is %.0f m2 per "
                   "pupil, more than %.0f: is the area or the "
                   "enrollment wrong?",
                   s->name, s->code, jh_quantity_zh(areas[k]), a, pupils,
                   a / pupils, JH_CHECK_MAX_AREA_PER_PUPIL);
    }
    /* Too little per pupil (万元 typed as 元) and more than
     * JH_MAGNITUDE_MAX_YUAN_PER_PUPIL are the importer's
     * warnings (include/junheng/school.h). */
    if (!isnan(e) && c->equipment_in_wan &&
        e / pupils > JH_CHECK_MAX_YUAN_PER_PUPIL &&
        e / pupils <= JH_MAGNITUDE_MAX_YUAN_PER_PUPIL)
        add_at(ch, w, s, c->columns.whole[JH_Q_EQUIPMENT_VALUE],
               "%s（%s）：%s生均%.0f元：表头单位是万元，是否填成"
               "了元？",
               "%s (%s): %s is %.0f yuan per pupil: the header says "
               "万元, were 元 entered?",
               s->name, s->code, jh_quantity_zh(JH_Q_EQUIPMENT_VALUE),
               e / pupils);
}

/* Warnings about the teachers of level @p l of school @p s: none of a
 * kind, or more of a kind than all teachers. */
static void
plausible_teachers(checker *ch, const jh_school *s, int l)
{
    const jh_county *c = ch->c;
    jh_diags *w = &ch->r->warnings;

    for (size_t k = 0; k < sizeof(teacher_kinds) / sizeof(teacher_kinds[0]);
         k++) {
        jh_quantity q = teacher_kinds[k];
        double v = s->section[q][l], all = s->section[JH_Q_TEACHERS][l];
        if (isnan(v)) {
            /* the whole school's count, compared with the whole */
            v = s->whole[q];
            all = s->whole[JH_Q_TEACHERS];
        }
        if (!ch->needed[q] || isnan(v))
            continue;
        if (v == 0)
            add_at(ch, w, s, quantity_column(c, q, l),
                   "%s（%s）的%s在%s学段为0",
                   "%s (%s) has 0 %s in its %s section", s->name, s->code,
                   jh_quantity_zh(q), level_zh[l]);
        else if (!isnan(all) && v > all)
            add_at(ch, w, s, quantity_column(c, q, l),
                   "%s（%s）：%g名%s（%s学段），但只有%g名%s",
                   "%s (%s): %g %s in its %s section but only %g %s",
                   s->name, s->code, v, jh_quantity_zh(q), level_zh[l], all,
                   jh_quantity_zh(JH_Q_TEACHERS));
    }
}

/* Warnings about level @p l of school @p s, which has @p n pupils there
 * (more than 0): too many pupils, classes too large or too many. */
static void
plausible_level(checker *ch, const jh_school *s, int l, double n)
{
    const jh_county *c = ch->c;
    jh_diags *w = &ch->r->warnings;

    if (n > JH_CHECK_MAX_SECTION_PUPILS)
        add_at(ch, w, s, c->columns.students[l],
               "%s（%s）有%.0f名%s学生，超过%.0f：数字对吗？",
               "%s (%s) has %.0f %s pupils, more than %.0f: is the "
               "figure right?",
               s->name, s->code, n, level_zh[l], JH_CHECK_MAX_SECTION_PUPILS);
    if (!isnan(s->classes[l]) && s->classes[l] > 0) {
        double size = n / s->classes[l];
        if (size > JH_CHECK_MAX_CLASS_SIZE)
            add_at(ch, w, s, c->columns.classes[l],
                   "%s（%s）：%.0f名%s学生分%.0f个班，每班%.0f人："
                   "班级数对吗？",
                   "%s (%s): %.0f %s pupils in %.0f classes is %.0f per "
                   "class: are the classes right?",
                   s->name, s->code, n, level_zh[l], s->classes[l], size);
        else if (s->classes[l] > n)
            add_at(ch, w, s, c->columns.classes[l],
                   "%s（%s）的%s班级数（%.0f）多于学生数（%.0f）",
                   "%s (%s) has more %s classes (%.0f) than pupils "
                   "(%.0f)",
                   s->name, s->code, level_zh[l], s->classes[l], n);
    }
    plausible_teachers(ch, s, l);
}

/* Warnings about values that are possible but unlikely. */
static void
check_plausible(checker *ch, size_t i)
{
    const jh_county *c = ch->c;
    const jh_school *s = &c->schools[i];
    unsigned levels = jh_school_type_levels(s->type);
    double pupils = 0.0;

    for (int l = 0; l < 3; l++) {
        if (!isnan(s->students[l]))
            pupils += s->students[l];
    }
    if (pupils > 0)
        plausible_per_pupil(ch, s, pupils);
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        double n = s->students[l];
        if ((levels & (1u << l)) && !isnan(n) && n > 0)
            plausible_level(ch, s, l, n);
    }
    if (s->type == JH_TYPE_TEACHING_POINT && s->parent_code != NULL &&
        find_code(c, s->parent_code) < 0)
        add_at(ch, &ch->r->warnings, s, c->columns.parent_code,
               "%s（%s）：所属学校“%s”（所属学校代码）不在本文件中",
               "%s (%s): its parent school '%s' (所属学校代码) is not in the "
               "file",
               s->name, s->code, s->parent_code);
}

/* Copy the model's exclusions and units into the summary. */
static jh_status
summarise(checker *ch, const jh_model *m, const size_t *orig)
{
    jh_check_result *r = ch->r;

    for (size_t k = 0; k < m->nsections; k++) {
        const jh_section *sec = &m->sections[k];
        const jh_school *s = &ch->c->schools[orig[sec->school]];
        r->sections[sec->level]++;
        r->students[sec->level] += sec->students;
        r->sections_by_type[sec->level][s->type]++;
    }
    r->excluded = calloc(m->nexcluded + 1, sizeof(*r->excluded));
    if (r->excluded == NULL)
        return JH_ERR_NOMEM;
    for (size_t k = 0; k < m->nexcluded; k++) {
        const jh_school *s = &ch->c->schools[orig[m->excluded[k].school]];
        jh_check_exclusion *x = &r->excluded[r->nexcluded++];
        x->code = jh__strdup(s->code);
        x->name = jh__strdup(s->name);
        x->type = s->type;
        x->reason = m->excluded[k].reason;
        x->line = s->line;
        x->students = 0;
        for (int l = 0; l < JH_LEVEL_COUNT; l++) {
            if (!isnan(s->students[l]))
                x->students += s->students[l];
        }
        if (x->code == NULL || x->name == NULL)
            return JH_ERR_NOMEM;
    }
    return JH_OK;
}

/*
 * Run the model on the schools without errors (for the summary), and the
 * analysis when the file has no errors at all, so that a clean check means
 * the file analyzes.
 */
static jh_status
run_model(checker *ch)
{
    const jh_county *c = ch->c;
    jh_county view = *c;
    size_t *orig = calloc(c->nschools + 1, sizeof(*orig));
    jh_model *m = NULL;
    jh_analysis *a = NULL;
    jh_error e;
    jh_status st;
    bool clean = ch->r->errors.count == 0;

    view.schools = calloc(c->nschools + 1, sizeof(*view.schools));
    if (orig == NULL || view.schools == NULL) {
        free(orig);
        free(view.schools);
        return JH_ERR_NOMEM;
    }
    view.nschools = 0;
    for (size_t i = 0; i < c->nschools; i++) {
        if (ch->bad[i])
            continue;
        orig[view.nschools] = i;
        view.schools[view.nschools++] = c->schools[i];
    }
    jh_error_clear(&e);
    st = jh_model_build(&m, &view, ch->std, &ch->r->warnings, &e);
    if (st == JH_OK) {
        st = summarise(ch, m, orig);
        if (st == JH_OK && clean) {
            st = jh_analysis_run(&a, m, &ch->r->warnings, &e);
            if (st != JH_OK && st != JH_ERR_NOMEM) {
                add_error(ch, &e);
                st = JH_OK;
            }
        }
    } else if (st != JH_ERR_NOMEM) {
        add_error(ch, &e);
        st = JH_OK;
    }
    jh_analysis_free(a);
    jh_model_free(m);
    free(view.schools);
    free(orig);
    return st;
}

/* The checks on an imported county.  Returns JH_OK or JH_ERR_NOMEM. */
static jh_status
run_checks(jh_check_result *r, const jh_county *c, const jh_table *t,
           const jh_standard *std)
{
    checker ch = {r, c, t, std, {false}, NULL, false};
    bool missing[JH_Q_COUNT], any_missing = false;
    jh_status st;

    for (size_t i = 0; i < std->nindicators; i++)
        ch.needed[std->indicators[i].quantity] = true;
    ch.bad = calloc(c->nschools + 1, sizeof(*ch.bad));
    if (ch.bad == NULL)
        return JH_ERR_NOMEM;
    r->schools = c->nschools;
    for (size_t i = 0; i < c->nschools; i++)
        r->by_type[c->schools[i].type]++;
    mark_bad_rows(&ch);
    check_columns(&ch, missing);
    for (int q = 0; q < JH_Q_COUNT; q++)
        any_missing = any_missing || missing[q];
    /* A missing column stops the model for every school: it is reported
     * once, and the per-school checks would only repeat it. */
    for (size_t i = 0; i < c->nschools && !ch.nomem && !any_missing; i++)
        check_with_model(&ch, i, missing);
    for (size_t i = 0; i < c->nschools && !ch.nomem; i++)
        check_plausible(&ch, i);
    st = ch.nomem ? JH_ERR_NOMEM : JH_OK;
    if (st == JH_OK && !any_missing)
        st = run_model(&ch);
    free(ch.bad);
    if (st == JH_OK && ch.nomem)
        st = JH_ERR_NOMEM;
    return st;
}

/* Allocate a result with its source and sheet names. */
static jh_check_result *
result_new(const jh_table *t)
{
    jh_check_result *r = calloc(1, sizeof(*r));

    if (r == NULL)
        return NULL;
    r->source = jh__strdup(t->source);
    r->sheet = jh__strdup(t->sheet);
    if (r->source == NULL || (t->sheet != NULL && r->sheet == NULL)) {
        jh_check_result_free(r);
        return NULL;
    }
    return r;
}

/* Order of findings: file-wide ones first, then by line and column, then
 * as found (the sort keys carry the original position). */
typedef struct keyed {
    jh_diag d;
    size_t pos;
} keyed;

static int
cmp_keyed(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    if (x->d.line != y->d.line)
        return x->d.line < y->d.line ? -1 : 1;
    if (x->d.column != y->d.column)
        return x->d.column < y->d.column ? -1 : 1;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* Sort a list of findings by place; false when out of memory. */
static bool
sort_findings(jh_diags *list)
{
    keyed *k;

    if (list->count < 2)
        return true;
    k = malloc(list->count * sizeof(*k));
    if (k == NULL)
        return false;
    for (size_t i = 0; i < list->count; i++) {
        k[i].d = list->items[i];
        k[i].pos = i;
    }
    qsort(k, list->count, sizeof(*k), cmp_keyed);
    for (size_t i = 0; i < list->count; i++)
        list->items[i] = k[i].d;
    free(k);
    return true;
}

/* Rows with errors: the distinct lines the errors are on. */
static size_t
rows_with_errors(const jh_diags *errors)
{
    size_t n = 0;
    for (size_t i = 0; i < errors->count; i++) {
        long line = errors->items[i].line;
        if (line > 0 && (i == 0 || errors->items[i - 1].line != line))
            n++;
    }
    return n;
}

/* Import (collecting errors) and check; @p r holds reading warnings. */
static jh_status
check_county(jh_check_result *r, const jh_county *c, const jh_table *t,
             const jh_standard *std, jh_error *err)
{
    jh_status st;

    r->header_rows = c->header_rows;
    r->header_line = t->rows[c->header_row + c->header_rows - 1].line;
    st = run_checks(r, c, t, std);
    if (st == JH_OK &&
        !(sort_findings(&r->errors) && sort_findings(&r->warnings)))
        st = JH_ERR_NOMEM;
    if (st != JH_OK)
        return jh_error_set2(err, st, t->source, 0, 0, "内存不足",
                             "out of memory");
    r->with_errors = rows_with_errors(&r->errors);
    return JH_OK;
}

jh_status
jh_check_table(jh_check_result **out, const jh_table *t, const jh_standard *std,
               jh_error *err)
{
    jh_import_options io = {0};
    jh_check_result *r;
    jh_county *c = NULL;
    jh_status st;

    if (std == NULL)
        std = jh_standard_builtin(NULL);
    r = result_new(t);
    if (r == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, t->source, 0, 0, "内存不足",
                             "out of memory");
    io.find_header = true;
    io.errors = &r->errors;
    st = jh_county_from_table(&c, t, &io, &r->warnings, err);
    if (st == JH_OK)
        st = check_county(r, c, t, std, err);
    jh_county_free(c);
    if (st != JH_OK) {
        jh_check_result_free(r);
        return st;
    }
    *out = r;
    return JH_OK;
}

jh_status
jh_check_file(jh_check_result **out, const char *path,
              const jh_file_options *fopts, const jh_standard *std,
              jh_error *err)
{
    jh_import_options io = {0};
    jh_diags errors = JH_DIAGS_INIT, warnings = JH_DIAGS_INIT;
    jh_check_result *r = NULL;
    jh_county *c = NULL;
    jh_table *t = NULL;
    jh_status st;

    if (std == NULL)
        std = jh_standard_builtin(NULL);
    io.errors = &errors;
    st = jh_import_file(&c, &t, path, fopts, &io, &warnings, err);
    if (st == JH_OK) {
        r = result_new(t);
        if (r == NULL)
            st = jh_error_set2(err, JH_ERR_NOMEM, path, 0, 0, "内存不足",
                               "out of memory");
    }
    if (st == JH_OK) {
        r->errors = errors;
        r->warnings = warnings;
        errors = (jh_diags)JH_DIAGS_INIT;
        warnings = (jh_diags)JH_DIAGS_INIT;
        st = check_county(r, c, t, std, err);
    }
    jh_diags_release(&errors);
    jh_diags_release(&warnings);
    jh_county_free(c);
    jh_table_free(t);
    if (st != JH_OK) {
        jh_check_result_free(r);
        return st;
    }
    *out = r;
    return JH_OK;
}
