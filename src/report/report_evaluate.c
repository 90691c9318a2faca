/* junheng - the county evaluation in text, JSON and a workbook.  Words come
 * from report.c, item and fact names from evaluate.c. */
#include "junheng/report_evaluate.h"
#include "junheng/report_text.h"
#include "junheng/result_words.h"

#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "evaluate_sheets.h"
#include "evaluate_words.h"
#include "json_out.h"
#include "report_guarantee.h"
#include "report_workbook.h"
#include "sheet.h"
#include "util.h"

/* A figure of 表Ⅰ, or "not given" when neither source has it. */
static const char *
t1_figure(double v, int dec, jh_lang lang, char *buf, size_t size)
{
    if (isnan(v)) {
        snprintf(buf, size, "%s", jh_label(lang, "ev_not_given"));
        return buf;
    }
    return jh__ev_trimmed(v, dec, buf, size);
}

/* The figures of level @p l that the school table lacks: taken from the
 * facts (with their line) or not given. */
static void
t1_sources(FILE *out, const jh_evaluation *ev, int l, jh_lang lang)
{
    static const jh_fact_id class_fact[] = {JH_F_CLASSES_PRIMARY,
                                            JH_F_CLASSES_JUNIOR};
    static const jh_fact_id teacher_fact[] = {JH_F_TEACHERS_PRIMARY,
                                              JH_F_TEACHERS_JUNIOR};
    const jh_table1 *t1 = &ev->table1;
    bool en = lang == JH_LANG_EN;
    char place[1100];

    for (int k = 0; k < 2; k++) {
        jh_t1_source from = k == 0 ? t1->classes_from[l] : t1->teachers_from[l];
        jh_fact_id id = k == 0 ? class_fact[l] : teacher_fact[l];
        if (from == JH_T1_SCHOOLS)
            continue;
        if (from == JH_T1_FACTS)
            fprintf(out,
                    en ? " (%s: not in the school data, from %s)"
                       : "（%s：学校数据未提供，取自%s）",
                    jh_fact_key(id),
                    jh__ev_fact_place(ev, id, place, sizeof(place)));
        else
            fprintf(out,
                    en ? " (%s: in neither the school data nor the facts)"
                       : "（%s：学校数据与评估事实均未提供）",
                    jh_fact_key(id));
    }
}

/* ---- text -------------------------------------------------------------------
 */

/* Each part of the evaluation with its verdict, and each of its items
 * with its conclusion, limits and what it needs to pass.  Returns true
 * when memory ran out. */
static bool
text_parts(FILE *out, const jh_report_context *ctx, const jh_evaluation *ev)
{
    static const char *const numerals[] = {"一", "二", "三", "四", "五"};
    jh_lang lang = ctx->lang;
    bool en = lang == JH_LANG_EN, nomem;
    char lim[1024];
    jh__ev_lines act = {0};
    jh__ev_sbuf text = {0};

    for (int p = 0; p < JH_PART_COUNT; p++) {
        bool veto = p == JH_PART_VETO;
        if (en)
            fprintf(out, "\n%d. %s: %s\n", p + 1,
                    jh__ev_part_name((jh_part)p, lang),
                    veto ? jh_label(lang, ev->part[p] == JH_V_FAIL
                                              ? "ev_veto_tripped"
                                          : ev->part[p] == JH_V_PASS
                                              ? "ev_veto_clear"
                                              : "ev_item_incomplete")
                         : jh__ev_verdict_word(lang, ev->part[p]));
        else
            fprintf(out, "\n%s、%s：%s\n", numerals[p],
                    jh__ev_part_name((jh_part)p, lang),
                    veto ? jh_label(lang, ev->part[p] == JH_V_FAIL
                                              ? "ev_veto_tripped"
                                          : ev->part[p] == JH_V_PASS
                                              ? "ev_veto_clear"
                                              : "ev_item_incomplete")
                         : jh__ev_verdict_word(lang, ev->part[p]));
        for (size_t i = 0; i < ev->nitems; i++) {
            const jh_eval_item *it = &ev->items[i];
            if (it->part != (jh_part)p)
                continue;
            fprintf(out, "  %2d. [%s] %s%s\n", it->number,
                    jh__ev_verdict_word(lang, it->verdict),
                    jh__ev_item_name(it, lang),
                    it->computed ? jh_label(lang, "ev_computed_mark") : "");
            text.n = 0;
            if (text.s != NULL)
                text.s[0] = '\0';
            fprintf(out, "      %s", jh__ev_conclusion(ev, it, lang, &text));
            jh__ev_limits(it, lang, lim, sizeof(lim));
            if (lim[0] != '\0')
                fprintf(out, en ? " (limit: %s)" : "（标准：%s）", lim);
            fputc('\n', out);
            jh__ev_item_actions(&act, ctx, ev, it);
            for (size_t k = 0; k < act.n; k++)
                fprintf(out, "      -> %s\n", act.v[k]);
            jh__ev_lines_release(&act);
        }
    }
    nomem = act.nomem || text.nomem;
    jh__ev_sb_release(&text);
    return nomem;
}

/* The facts missing and the facts the school data contradict. */
static void
text_fact_problems(FILE *out, const jh_evaluation *ev, jh_lang lang)
{
    bool en = lang == JH_LANG_EN;
    const char *colon = en ? ": " : "：";
    char n1[32], n2[32], place[1100];

    if (ev->nmissing > 0) {
        fprintf(out, "\n%s (%zu)%s\n", jh_label(lang, "ev_missing"),
                ev->nmissing, colon);
        for (size_t i = 0; i < ev->nmissing; i++)
            fprintf(out, "  %s  %s\n", jh_fact_key(ev->missing[i]),
                    en ? jh_fact_en(ev->missing[i])
                       : jh_fact_zh(ev->missing[i]));
    }
    if (ev->ncontradictions > 0) {
        fprintf(out, "\n%s (%zu)%s\n", jh_label(lang, "ev_contradictions"),
                ev->ncontradictions, colon);
        for (size_t i = 0; i < ev->ncontradictions; i++) {
            const jh_contradiction *c = &ev->contradictions[i];
            fprintf(out,
                    en ? "  %s: %s (%s): stated %s, the school data give "
                         "%s (%s)\n"
                       : "  %s: %s (%s)：填报%s，学校数据为%s（%s）\n",
                    jh__ev_fact_place(ev, c->fact, place, sizeof(place)),
                    en ? jh_fact_en(c->fact) : jh_fact_zh(c->fact),
                    jh_fact_key(c->fact), jh__ev_trimmed(c->stated, 2, n1, 32),
                    jh__ev_trimmed(c->computed, 2, n2, 32),
                    ev->analysis->model->county->source);
        }
    }
}

/* 表Ⅰ: the county's schools, classes, pupils and teachers. */
static void
text_table1(FILE *out, const jh_evaluation *ev, jh_lang lang)
{
    bool en = lang == JH_LANG_EN;
    const jh_table1 *t1 = &ev->table1;

    fprintf(out, "\n%s\n", jh_label(lang, "ev_t1_title"));
    fprintf(out,
            en ? "  schools: %zu primary, %zu junior, %zu nine-year, %zu "
                 "twelve-year, %zu complete secondary; %zu teaching points "
                 "(%zu with 50 or more pupils)\n"
               : "  学校：小学%zu所，初中%zu所，九年一贯制学校%zu所，"
                 "十二年一贯制学校%zu所，完全中学%zu所；教学点%zu个（其中50人"
                 "及以上%zu个）\n",
            t1->schools[JH_TYPE_PRIMARY], t1->schools[JH_TYPE_JUNIOR],
            t1->schools[JH_TYPE_NINE_YEAR], t1->schools[JH_TYPE_TWELVE_YEAR],
            t1->schools[JH_TYPE_COMPLETE_SECONDARY],
            t1->schools[JH_TYPE_TEACHING_POINT], t1->teaching_points_50plus);
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        char c[32], s[32], t[32];
        fprintf(out,
                en ? "  %s: %s classes, %s pupils, %s full-time teachers%s"
                   : "  %s：班级%s个，在校生%s人，专任教师%s人%s",
                jh_level_name((jh_level)l, lang),
                t1_figure(t1->classes[l], 0, lang, c, sizeof(c)),
                t1_figure(t1->students[l], 0, lang, s, sizeof(s)),
                t1_figure(t1->teachers[l], 1, lang, t, sizeof(t)),
                t1->teachers_estimated && t1->teachers_from[l] == JH_T1_SCHOOLS
                    ? jh_label(lang, "ev_estimated")
                    : "");
        t1_sources(out, ev, l, lang);
        fputc('\n', out);
    }
}

jh_status
jh_report_evaluation_text(FILE *out, const jh_report_context *ctx,
                          const jh_evaluation *ev)
{
    jh_lang lang = ctx->lang;
    bool en = lang == JH_LANG_EN, nomem;
    const char *colon = en ? ": " : "：";
    const jh_standard *std = ev->standard;

    fprintf(out, "%s%s%s\n", ctx->county_name, en ? " - " : " ",
            jh_label(lang, "ev_title"));
    fprintf(out, "%s%s%s (%s)%s%s\n", jh_label(lang, "ev_standard"), colon,
            std->id, std->source, std->file[0] != '\0' ? ", " : "", std->file);
    fprintf(out, "%s%s%s\n", jh_label(lang, "ev_facts"), colon,
            ev->facts->source);
    fprintf(out, "\n%s%s%s\n", jh_label(lang, "ev_verdict"), colon,
            jh__ev_county_word(lang, ev->verdict));
    nomem = text_parts(out, ctx, ev);
    text_fact_problems(out, ev, lang);
    text_table1(out, ev, lang);
    return ferror(out) || nomem ? JH_ERR_IO : JH_OK;
}

/* ---- JSON -------------------------------------------------------------------
 */

static json_t *
json_item(const jh_report_context *ctx, const jh_evaluation *ev,
          const jh_eval_item *it, bool *nomem)
{
    json_t *o = json_object(), *figs = json_array(), *acts = json_array();
    jh__ev_lines act = {0};
    jh__ev_sbuf text = {0};

    json_object_set_new(o, "id", json_string(it->id));
    json_object_set_new(o, "number", json_integer(it->number));
    json_object_set_new(o, "name", json_string(it->name_zh));
    json_object_set_new(o, "name_en", json_string(it->name_en));
    json_object_set_new(o, "computed", json_boolean(it->computed));
    json_object_set_new(o, "verdict", json_string(jh_verdict_key(it->verdict)));
    json_object_set_new(
        o, "conclusion",
        json_string(jh__ev_conclusion(ev, it, ctx->lang, &text)));
    *nomem = *nomem || text.nomem;
    jh__ev_sb_release(&text);
    for (size_t k = 0; k < it->nfigures; k++) {
        const jh_figure *fg = &it->figure[k];
        json_t *f = json_object();
        json_object_set_new(f, "id", json_string(fg->id));
        json_object_set_new(f, "name", json_string(fg->name_zh));
        json_object_set_new(f, "name_en", json_string(fg->name_en));
        json_object_set_new(f, "unit", json_string(jh_eunit_key(fg->unit)));
        json_object_set_new(f, "comparison", json_string(jh_cmp_key(fg->cmp)));
        json_object_set_new(f, "value", jh__json_count(fg->value));
        json_object_set_new(f, "limit", jh__json_count(fg->limit));
        json_object_set_new(f, "verdict",
                            json_string(jh_verdict_key(fg->verdict)));
        if (fg->fact >= 0) {
            const jh_fact *fact = &ev->facts->fact[fg->fact];
            json_object_set_new(f, "fact", json_true());
            json_object_set_new(f, "line", json_integer(fact->line));
            json_object_set_new(f, "note",
                                fact->note != NULL ? json_string(fact->note)
                                                   : json_null());
        } else {
            json_object_set_new(f, "fact", json_false());
        }
        json_array_append_new(figs, f);
    }
    json_object_set_new(o, "figures", figs);
    jh__ev_item_actions(&act, ctx, ev, it);
    for (size_t k = 0; k < act.n; k++)
        json_array_append_new(acts, json_string(act.v[k]));
    *nomem = *nomem || act.nomem;
    jh__ev_lines_release(&act);
    json_object_set_new(o, "to_pass", acts);
    return o;
}

static json_t *
json_table1(const jh_table1 *t1)
{
    json_t *o = json_object(), *schools = json_object();
    static const char *const lv[] = {"primary", "junior"};

    for (int t = 0; t < JH_TYPE_COUNT; t++)
        json_object_set_new(schools, jh_school_type_key((jh_school_type)t),
                            json_integer((json_int_t)t1->schools[t]));
    json_object_set_new(o, "schools", schools);
    json_object_set_new(o, "teaching_points_50plus",
                        json_integer((json_int_t)t1->teaching_points_50plus));
    for (int k = 0; k < 3; k++) {
        static const char *const keys[] = {"classes", "students", "teachers"};
        const double *v = k == 0   ? t1->classes
                          : k == 1 ? t1->students
                                   : t1->teachers;
        json_t *lvl = json_object();
        for (int l = 0; l < JH_LEVEL_COUNT; l++)
            json_object_set_new(lvl, lv[l], jh__json_count(v[l]));
        json_object_set_new(o, keys[k], lvl);
    }
    json_object_set_new(o, "teachers_estimated",
                        json_boolean(t1->teachers_estimated));
    {
        /* Where each figure comes from: the school table, the facts file
         * (the school table lacks it) or none (null above). */
        json_t *src = json_object();
        for (int k = 0; k < 3; k++) {
            static const char *const keys[] = {"classes", "students",
                                               "teachers"};
            const jh_t1_source *from = k == 0   ? t1->classes_from
                                       : k == 1 ? t1->students_from
                                                : t1->teachers_from;
            json_t *lvl = json_object();
            for (int l = 0; l < JH_LEVEL_COUNT; l++)
                json_object_set_new(lvl, lv[l],
                                    json_string(jh_t1_source_key(from[l])));
            json_object_set_new(src, keys[k], lvl);
        }
        json_object_set_new(o, "sources", src);
    }
    return o;
}

jh_status
jh_report_evaluation_json(FILE *out, const jh_report_context *ctx,
                          const jh_evaluation *ev, jh_error *err)
{
    const jh_county *c = ev->analysis->model->county;
    json_t *root = json_object(), *parts = json_array(),
           *missing = json_array(), *contra = json_array(),
           *small = json_array(), *rec = json_object(), *g;
    bool nomem = false;

    json_object_set_new(root, "junheng", json_string(ctx->version));
    json_object_set_new(root, "county", json_string(ctx->county_name));
    json_object_set_new(root, "source", json_string(c->source));
    json_object_set_new(root, "facts_source", json_string(ev->facts->source));
    json_object_set_new(root, "standard", json_string(ev->standard->id));
    json_object_set_new(root, "verdict",
                        json_string(jh_verdict_key(ev->verdict)));
    for (int p = 0; p < JH_PART_COUNT; p++) {
        json_t *po = json_object(), *items = json_array();
        json_object_set_new(po, "id", json_string(jh_part_key((jh_part)p)));
        json_object_set_new(po, "name", json_string(jh_part_zh((jh_part)p)));
        json_object_set_new(po, "name_en", json_string(jh_part_en((jh_part)p)));
        json_object_set_new(po, "verdict",
                            json_string(jh_verdict_key(ev->part[p])));
        for (size_t i = 0; i < ev->nitems; i++) {
            if (ev->items[i].part == (jh_part)p)
                json_array_append_new(
                    items, json_item(ctx, ev, &ev->items[i], &nomem));
        }
        json_object_set_new(po, "items", items);
        json_array_append_new(parts, po);
    }
    json_object_set_new(root, "parts", parts);
    for (size_t i = 0; i < ev->nmissing; i++) {
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(jh_fact_key(ev->missing[i])));
        json_object_set_new(o, "name", json_string(jh_fact_zh(ev->missing[i])));
        json_object_set_new(o, "name_en",
                            json_string(jh_fact_en(ev->missing[i])));
        json_array_append_new(missing, o);
    }
    json_object_set_new(root, "missing", missing);
    for (size_t i = 0; i < ev->ncontradictions; i++) {
        const jh_contradiction *cd = &ev->contradictions[i];
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(jh_fact_key(cd->fact)));
        json_object_set_new(o, "name", json_string(jh_fact_zh(cd->fact)));
        json_object_set_new(o, "stated", jh__json_count(cd->stated));
        json_object_set_new(o, "computed", jh__json_count(cd->computed));
        json_object_set_new(o, "line",
                            json_integer(ev->facts->fact[cd->fact].line));
        json_object_set_new(o, "cell",
                            ev->facts->fact[cd->fact].cell[0] != '\0'
                                ? json_string(ev->facts->fact[cd->fact].cell)
                                : json_null());
        json_object_set_new(o, "facts_source", json_string(ev->facts->source));
        json_object_set_new(o, "school_source", json_string(c->source));
        json_array_append_new(contra, o);
    }
    json_object_set_new(root, "contradictions", contra);
    json_object_set_new(root, "table1", json_table1(&ev->table1));
    for (size_t i = 0; i < ev->nsmall; i++) {
        const jh_small_school *sm = &ev->small[i];
        const jh_school *s = &c->schools[sm->school];
        json_t *o = json_object();
        json_object_set_new(o, "code", json_string(s->code));
        json_object_set_new(o, "name", json_string(s->name));
        json_object_set_new(o, "pupils", jh__json_count(sm->pupils));
        json_object_set_new(o, "required", jh__json_count(sm->required));
        json_object_set_new(o, "funds", jh__json_count(sm->funds));
        json_object_set_new(o, "verdict",
                            json_string(jh_verdict_key(sm->verdict)));
        json_array_append_new(small, o);
    }
    json_object_set_new(root, "small_schools", small);
    json_object_set_new(rec, "share", jh__json_count(ev->recognition));
    json_object_set_new(rec, "parents_share",
                        jh__json_count(ev->parents_recognition));
    for (int f = JH_F_QUESTIONNAIRES_ISSUED; f <= JH_F_PARENTS_SATISFIED; f++)
        json_object_set_new(rec, jh_fact_key((jh_fact_id)f),
                            jh__json_count(ev->facts->fact[f].given
                                               ? ev->facts->fact[f].value
                                               : NAN));
    json_object_set_new(root, "recognition", rec);
    g = jh__guarantee_json(ctx, ev->guarantee);
    if (g == NULL)
        nomem = true;
    else
        json_object_set_new(root, "guarantee", g);
    if (nomem) {
        json_decref(root);
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    }
    return jh__json_write(out, root, err);
}

jh_status
jh_report_evaluation_workbook(const char *path, const jh_report_context *ctx,
                              const jh_evaluation *ev, jh_error *err)
{
    jh_lang lang = ctx->lang;
    jh__book book;
    jh__analysis_sheets *as = NULL;
    jh__ev_formats ef;
    lxw_worksheet *overview, *t1, *t4, *t5, *t6;
    jh_status st;
    char title[256];

    snprintf(title, sizeof(title), "%s %s", ctx->county_name,
             jh_label(lang, "ev_title"));
    st = jh__book_open(&book, path, title, ctx->created > 0 ? ctx->created : 1,
                       err);
    if (st != JH_OK)
        return st;
    ef.center = jh__ev_format(&book, 0, 0, false);
    ef.pass = jh__ev_format(&book, 0, 0x006100, false);
    ef.fail = jh__ev_format(&book, 0xFFC7CE, 0x9C0006, true);
    ef.incomplete = jh__ev_format(&book, 0xFFEB9C, 0x9C5700, false);
    ef.big = jh__ev_format(&book, 0, 0, true);
    overview = jh__book_sheet(&book, jh_label(lang, "ev_sheet_overview"));
    t1 = jh__book_sheet(&book, jh_label(lang, "ev_sheet_t1"));
    if (overview != NULL && t1 != NULL) {
        jh__ev_overview_sheet(&book, overview, ctx, ev, &ef);
        jh__ev_table1_sheet(&book, t1, ctx, ev, &ef);
    }
    /* 汇总 (表Ⅲ, 表Ⅱ-1), 表Ⅱ-2, 计算过程, ... exactly as analyze writes
     * them. */
    st = jh__workbook_add_analysis(&as, book.wb, ctx, err);
    t4 = jh__book_sheet(&book, jh_label(lang, "ev_sheet_t4"));
    t5 = jh__book_sheet(&book, jh_label(lang, "ev_sheet_t5"));
    t6 = jh__book_sheet(&book, jh_label(lang, "ev_sheet_t6"));
    if (t4 != NULL && t5 != NULL && t6 != NULL) {
        jh__ev_items_sheet(&book, t4, ctx, ev, JH_PART_GUARANTEE, "ev_t4_title",
                           &ef);
        jh__ev_items_sheet(&book, t5, ctx, ev, JH_PART_QUALITY, "ev_t5_title",
                           &ef);
        jh__ev_table6_sheet(&book, t6, ctx, ev, &ef);
    }
    if (overview != NULL)
        worksheet_activate(overview);
    if (st != JH_OK) {
        jh__book_close(&book, path, NULL);
        jh__workbook_analysis_free(as);
        remove(path);
        return st;
    }
    st = jh__book_close(&book, path, err);
    jh__workbook_analysis_free(as);
    if (st != JH_OK)
        remove(path);
    return st;
}

/* ---- the facts template ----------------------------------------------- */

/* The part a fact belongs to, for the template's first column. */
static jh_part
fact_part(jh_fact_id id)
{
    if (id < JH_F_JUNIOR_RETENTION)
        return JH_PART_GUARANTEE;
    if (id < JH_F_QUESTIONNAIRES_ISSUED)
        return JH_PART_QUALITY;
    if (id < JH_F_VETO_EXAM_ADMISSION)
        return JH_PART_RECOGNITION;
    if (id < JH_F_SCHOOLS_PRIMARY)
        return JH_PART_VETO;
    return JH_PART_RESOURCES; /* the counts of 表Ⅰ */
}

/* The limit of fact @p id under @p std, in words; "" when it has none. */
static char *
fact_limit(const jh_standard *std, jh_fact_id id, jh_lang lang, char *buf,
           size_t size)
{
    const jh_county_limits *c = &std->county;
    bool en = lang == JH_LANG_EN;
    double v = NAN;
    char n[48];
    int kind = 0; /* 0 share, 1 ratio, 2 yuan, 3 level, 4 below */

    buf[0] = '\0';
    switch (id) {
    case JH_F_SPECIAL_FUNDS_PER_STUDENT:
        v = c->special_funds_per_student_min;
        kind = 2;
        break;
    case JH_F_SALARY_RATIO:
        v = c->salary_ratio_min;
        kind = 1;
        break;
    case JH_F_TRAINING_COMPLETION:
        v = c->training_completion_min;
        break;
    case JH_F_ROTATION_SHARE:
        v = c->rotation_share_min;
        break;
    case JH_F_ROTATION_BACKBONE_SHARE:
        v = c->rotation_backbone_share_min;
        break;
    case JH_F_NEARBY_URBAN_PRIMARY:
    case JH_F_NEARBY_TOWN_PRIMARY:
        v = c->nearby_min[JH_LEVEL_PRIMARY];
        break;
    case JH_F_NEARBY_URBAN_JUNIOR:
    case JH_F_NEARBY_TOWN_JUNIOR:
        v = c->nearby_min[JH_LEVEL_JUNIOR];
        break;
    case JH_F_QUALITY_PLACES_SHARE:
        v = c->quality_places_share_min;
        break;
    case JH_F_MIGRANT_PUBLIC_SHARE:
        v = c->migrant_public_share_min;
        break;
    case JH_F_JUNIOR_RETENTION:
        v = c->junior_retention_min;
        break;
    case JH_F_DISABLED_ENROLLMENT:
        v = c->disabled_enrollment_min;
        break;
    case JH_F_MONITORING_LEVEL:
        v = c->monitoring_level_min;
        kind = 3;
        break;
    case JH_F_MONITORING_DIFFERENCE:
        v = c->monitoring_difference_max;
        kind = 4;
        break;
    default:
        break;
    }
    if (isnan(v)) {
        jh_fact_kind k = jh_fact_kind_of(id);
        if (k == JH_FK_YESNO)
            snprintf(buf, size, "%s",
                     id >= JH_F_VETO_EXAM_ADMISSION ? (en ? "no" : "否")
                                                    : (en ? "yes" : "是"));
        return buf;
    }
    switch (kind) {
    case 0:
        snprintf(buf, size, "≥%s%%", jh__ev_trimmed(v * 100, 2, n, sizeof(n)));
        break;
    case 1:
        snprintf(buf, size, "≥%s", jh__ev_trimmed(v, 3, n, sizeof(n)));
        break;
    case 2:
        snprintf(buf, size, en ? "≥%s yuan" : "≥%s元",
                 jh__ev_trimmed(v, 2, n, sizeof(n)));
        break;
    case 3:
        snprintf(buf, size, en ? "level %s or above" : "%s级及以上",
                 jh__ev_roman(v));
        break;
    default:
        snprintf(buf, size, "<%s", jh__ev_trimmed(v, 3, n, sizeof(n)));
        break;
    }
    return buf;
}

/* How to fill a fact's value. */
static const char *
fact_hint(jh_fact_id id, jh_lang lang)
{
    bool en = lang == JH_LANG_EN;

    switch (jh_fact_kind_of(id)) {
    case JH_FK_SHARE:
        return en ? "a share: 95% or 0.95" : "比例：填 95% 或 0.95";
    case JH_FK_NUMBER:
        return en ? "a number" : "数值";
    case JH_FK_COUNT:
        return id >= JH_F_SCHOOLS_PRIMARY
                   ? (en ? "optional: compared with the school data"
                         : "可不填：填写后与学校数据核对")
                   : (en ? "a whole number" : "整数");
    case JH_FK_YESNO:
        return id >= JH_F_VETO_EXAM_ADMISSION
                   ? (en ? "是 if it happened, else 否"
                         : "存在填“是”，不存在填“否”")
                   : (en ? "是 or 否, with a note"
                         : "填“是”或“否”，可在备注中说明");
    case JH_FK_LEVEL:
        return en ? "Ⅰ, Ⅱ, Ⅲ or Ⅳ" : "填 Ⅰ、Ⅱ、Ⅲ 或 Ⅳ";
    }
    return "";
}

jh_status
jh_report_facts_template(const char *path, const jh_standard *std, jh_lang lang,
                         long long created, jh_error *err)
{
    static const char *const zh_heads[] = {"部分", "项目", "名称",    "值",
                                           "备注", "标准", "填写说明"};
    static const char *const en_heads[] = {
        "part", "item", "name", "value", "note", "limit", "how to fill"};
    static const double widths[] = {14, 30, 48, 12, 30, 16, 32};
    const char *const *heads = lang == JH_LANG_EN ? en_heads : zh_heads;
    jh__book book;
    lxw_worksheet *ws, *lists;
    lxw_format *value_fmt;
    lxw_data_validation dv;
    jh_status st;
    char buf[256];
    lxw_row_t row = 0;

    st = jh__book_open(&book, path,
                       lang == JH_LANG_EN ? "County facts" : "县域评估事实",
                       created > 0 ? created : 1, err);
    if (st != JH_OK)
        return st;
    value_fmt = jh__ev_format(&book, 0xFFF2CC, 0, false);
    ws = jh__book_sheet(&book, lang == JH_LANG_EN ? "facts" : "评估事实");
    lists = jh__book_sheet(&book, "lists");
    if (ws != NULL && lists != NULL) {
        jh__cell_str(&book, lists, 0, 0, "是", NULL);
        jh__cell_str(&book, lists, 1, 0, "否", NULL);
        worksheet_hide(lists);
        for (int c = 0; c < 7; c++)
            jh__cell_str(&book, ws, row, (lxw_col_t)c, heads[c], book.f.header);
        row++;
        memset(&dv, 0, sizeof(dv));
        dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
        dv.value_formula = (char *)"=lists!$A$1:$A$2";
        for (int i = 0; i < JH_F_COUNT; i++, row++) {
            jh_fact_id id = (jh_fact_id)i;
            jh_part p = fact_part(id);
            jh__cell_str(&book, ws, row, 0,
                         p == JH_PART_RESOURCES
                             ? (lang == JH_LANG_EN ? "Table I" : "表Ⅰ")
                             : jh__ev_part_name(p, lang),
                         book.f.text);
            jh__cell_str(&book, ws, row, 1, jh_fact_key(id), book.f.text);
            jh__cell_str(&book, ws, row, 2,
                         lang == JH_LANG_EN ? jh_fact_en(id) : jh_fact_zh(id),
                         book.f.wrap);
            jh__cell_str(&book, ws, row, 3, "", value_fmt);
            jh__cell_str(&book, ws, row, 4, "", book.f.wrap);
            jh__cell_str(&book, ws, row, 5,
                         fact_limit(std, id, lang, buf, sizeof(buf)),
                         book.f.text);
            jh__cell_str(&book, ws, row, 6, fact_hint(id, lang), book.f.wrap);
            if (jh_fact_kind_of(id) == JH_FK_YESNO)
                jh__book_check(&book,
                               worksheet_data_validation_cell(ws, row, 3, &dv));
        }
        for (int c = 0; c < 7; c++)
            jh__col_width(&book, ws, (lxw_col_t)c, (lxw_col_t)c, widths[c]);
        worksheet_freeze_panes(ws, 1, 3);
        worksheet_activate(ws);
    }
    st = jh__book_close(&book, path, err);
    if (st != JH_OK)
        remove(path);
    return st;
}
