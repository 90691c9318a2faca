/* junheng - school-level government-guarantee checks in JSON, text and a
 * workbook sheet.  Names and words come from guarantee.c and report.c. */
#include "report_guarantee.h"
#include "junheng/result_words.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "json_out.h"
#include "sheet.h"
#include "util.h"

/* Whole numbers print as integers. */
/* A figure for text: whole numbers without decimals, else 2 decimals. */
static const char *
fig(double v, char *buf, size_t size)
{
    if (isfinite(v) && fabs(v - round(v)) < 1e-9)
        return jh__fmt_fixed(round(v), 0, buf, size);
    return jh__fmt_fixed(v, 2, buf, size);
}

char *
jh__guarantee_rules(const jh_standard *std, jh_lang lang, char *buf,
                    size_t size)
{
    const jh_guarantee_limits *g = &std->guarantee;
    char a[32], b[32], c[32], d[32], e[32], f[32], h[32], i[32], j[32];
    bool en = lang == JH_LANG_EN;
    size_t n;

    n = (size_t)snprintf(
        buf, size,
        en ? "school size at most %s pupils (nine- and twelve-year schools "
             "%s); largest class at most %s (primary) and %s (junior); one "
             "music and one art room per %s classes, each at least %s and "
             "%s m²; %s%% of full-time teachers certified; training funds at "
             "least %s%% of public funds"
           : "学校规模不超过%s人（九年一贯制、十二年一贯制学校不超过%s人）；"
             "班额小学不超过%s人、初中不超过%s人；每%s个班级配备音乐、美术专用"
             "教室各1间以上，每间分别不小于%s、%s平方米；专任教师持证上岗率"
             "%s%%；教师培训经费不少于公用经费的%s%%",
        fig(g->school_size_max, a, sizeof(a)),
        fig(g->school_size_max_combined, b, sizeof(b)),
        fig(g->class_size_max[0], c, sizeof(c)),
        fig(g->class_size_max[1], d, sizeof(d)),
        fig(g->classes_per_music_room, e, sizeof(e)),
        fig(g->music_room_min_area, f, sizeof(f)),
        fig(g->art_room_min_area, h, sizeof(h)),
        fig(g->certified_share * 100, i, sizeof(i)),
        fig(g->training_funds_share * 100, j, sizeof(j)));
    if (n < size && jh_standard_provision_on(std, "relax_2019_school_size"))
        n += (size_t)snprintf(
            buf + n, size - n,
            en ? "; relaxed (2019) for schools that qualify: %s pupils (%s)"
               : "；符合条件的学校按2019年放宽规定：%s人（%s人）",
            fig(g->school_size_max_relaxed, a, sizeof(a)),
            fig(g->school_size_max_combined_relaxed, b, sizeof(b)));
    if (n < size && jh_standard_provision_on(std, "relax_2019_rooms_pre2016"))
        snprintf(buf + n, size - n,
                 en ? "; rooms built before 2016: %s and %s m²"
                    : "；2016年前建成的音乐、美术教室不小于%s、%s平方米",
                 fig(g->music_room_min_area_pre2016, a, sizeof(a)),
                 fig(g->art_room_min_area_pre2016, b, sizeof(b)));
    return buf;
}

/* ---- JSON -------------------------------------------------------------- */

static json_t *
json_check(const jh_report_context *ctx, const jh_gresult *r, jh_gcheck k)
{
    json_t *o = json_object();
    char buf[512];

    json_object_set_new(o, "status", json_string(jh_gstatus_key(r->status)));
    json_object_set_new(o, "value", jh__json_num(r->value));
    json_object_set_new(o, "limit", jh__json_count(r->limit));
    json_object_set_new(o, "unit", json_string(jh_gcheck_unit(k)));
    json_object_set_new(o, "base", jh__json_count(r->base));
    json_object_set_new(o, "relaxed", json_boolean(r->relaxed));
    json_object_set_new(o, "shortfall", jh__json_num(r->shortfall));
    json_object_set_new(o, "shortfall_unit",
                        json_string(jh_gcheck_shortfall_unit(k)));
    if (k == JH_G_CLASS_SIZE_PRIMARY || k == JH_G_CLASS_SIZE_JUNIOR)
        json_object_set_new(o, "whole_school", json_boolean(r->whole_school));
    json_object_set_new(o, "note",
                        json_string(jh_gresult_describe(
                            r, k, ctx->lang == JH_LANG_EN, buf, sizeof(buf))));
    return o;
}

static json_t *
json_limits(const jh_standard *std)
{
    const jh_guarantee_limits *g = &std->guarantee;
    json_t *o = json_object();

    json_object_set_new(o, "school_size_max",
                        jh__json_count(g->school_size_max));
    json_object_set_new(o, "school_size_max_combined",
                        jh__json_count(g->school_size_max_combined));
    json_object_set_new(o, "school_size_max_relaxed",
                        jh__json_count(g->school_size_max_relaxed));
    json_object_set_new(o, "school_size_max_combined_relaxed",
                        jh__json_count(g->school_size_max_combined_relaxed));
    json_object_set_new(o, "class_size_max_primary",
                        jh__json_count(g->class_size_max[0]));
    json_object_set_new(o, "class_size_max_junior",
                        jh__json_count(g->class_size_max[1]));
    json_object_set_new(o, "classes_per_music_room",
                        jh__json_count(g->classes_per_music_room));
    json_object_set_new(o, "classes_per_art_room",
                        jh__json_count(g->classes_per_art_room));
    json_object_set_new(o, "music_room_min_area",
                        jh__json_count(g->music_room_min_area));
    json_object_set_new(o, "art_room_min_area",
                        jh__json_count(g->art_room_min_area));
    json_object_set_new(o, "music_room_min_area_pre2016",
                        jh__json_count(g->music_room_min_area_pre2016));
    json_object_set_new(o, "art_room_min_area_pre2016",
                        jh__json_count(g->art_room_min_area_pre2016));
    json_object_set_new(o, "certified_share",
                        jh__json_count(g->certified_share));
    json_object_set_new(o, "training_funds_share",
                        jh__json_num(g->training_funds_share));
    json_object_set_new(
        o, "teaching_points",
        json_string(g->include_teaching_points ? "include" : "exclude"));
    return o;
}

json_t *
jh__guarantee_json(const jh_report_context *ctx, const jh_guarantee *g)
{
    const jh_county *c = g->county;
    json_t *root = json_object(), *summary = json_object(),
           *items = json_array(), *schools = json_array(),
           *skipped = json_array(), *prov = json_object();

    json_object_set_new(root, "standard", json_string(g->standard->id));
    json_object_set_new(root, "columns_given", json_boolean(g->any_column));
    json_object_set_new(root, "limits", json_limits(g->standard));
    json_object_set_new(prov, "relax_2019_school_size",
                        json_boolean(g->relax_size));
    json_object_set_new(prov, "relax_2019_rooms_pre2016",
                        json_boolean(g->relax_rooms));
    json_object_set_new(root, "provisions", prov);

    json_object_set_new(summary, "schools_checked",
                        json_integer((json_int_t)g->nschools));
    json_object_set_new(summary, "schools_pass",
                        json_integer((json_int_t)g->schools_pass));
    json_object_set_new(summary, "schools_fail",
                        json_integer((json_int_t)g->schools_fail));
    json_object_set_new(summary, "schools_incomplete",
                        json_integer((json_int_t)g->schools_incomplete));
    for (int k = 0; k < JH_G_COUNT; k++) {
        const jh_gsummary *sm = &g->items[k];
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(jh_gcheck_key((jh_gcheck)k)));
        json_object_set_new(o, "name", json_string(jh_gcheck_zh((jh_gcheck)k)));
        json_object_set_new(o, "name_en",
                            json_string(jh_gcheck_en((jh_gcheck)k)));
        json_object_set_new(o, "applicable",
                            json_integer((json_int_t)sm->applicable));
        json_object_set_new(o, "pass", json_integer((json_int_t)sm->pass));
        json_object_set_new(o, "fail", json_integer((json_int_t)sm->fail));
        json_object_set_new(o, "not_given",
                            json_integer((json_int_t)sm->missing));
        json_array_append_new(items, o);
    }
    json_object_set_new(summary, "items", items);
    json_object_set_new(root, "summary", summary);

    for (size_t i = 0; i < g->nschools; i++) {
        const jh_gschool *gs = &g->schools[i];
        const jh_school *s = &c->schools[gs->school];
        json_t *o = json_object(), *chk = json_object(), *failed = json_array(),
               *missing = json_array();
        for (int k = 0; k < JH_G_COUNT; k++) {
            const char *key = jh_gcheck_key((jh_gcheck)k);
            json_object_set_new(chk, key,
                                json_check(ctx, &gs->item[k], (jh_gcheck)k));
            if (gs->item[k].status == JH_GS_FAIL)
                json_array_append_new(failed, json_string(key));
            else if (gs->item[k].status == JH_GS_MISSING)
                json_array_append_new(missing, json_string(key));
        }
        json_object_set_new(o, "code", json_string(s->code));
        json_object_set_new(o, "name", json_string(s->name));
        json_object_set_new(o, "type",
                            json_string(jh_school_type_key(s->type)));
        json_object_set_new(o, "line", json_integer(s->line));
        json_object_set_new(o, "pass", json_boolean(gs->pass));
        json_object_set_new(o, "failed", failed);
        json_object_set_new(o, "not_given", missing);
        json_object_set_new(o, "checks", chk);
        json_array_append_new(schools, o);
    }
    json_object_set_new(root, "schools", schools);
    for (size_t i = 0; i < g->nskipped; i++) {
        const jh_school *s = &c->schools[g->skipped[i].school];
        json_t *o = json_object();
        json_object_set_new(o, "code", json_string(s->code));
        json_object_set_new(o, "name", json_string(s->name));
        json_object_set_new(
            o, "reason", json_string(jh_exclusion_key(g->skipped[i].reason)));
        json_object_set_new(o, "line", json_integer(s->line));
        json_array_append_new(skipped, o);
    }
    json_object_set_new(root, "skipped", skipped);
    return root;
}

/* ---- text -------------------------------------------------------------- */

void
jh__guarantee_text(FILE *out, const jh_report_context *ctx,
                   const jh_guarantee *g)
{
    jh_lang lang = ctx->lang;
    bool en = lang == JH_LANG_EN;
    const char *colon = en ? ": " : "：";
    bool any_problem = false;
    char buf[1024];

    fprintf(out, "\n%s%s", jh_label(lang, "g_title"), colon);
    if (!g->any_column) {
        fprintf(out, "%s\n", jh_label(lang, "g_no_columns"));
        return;
    }
    fprintf(out,
            en ? "%zu schools checked: %zu %s, %zu %s, %zu %s\n"
               : "检查%zu所学校：%zu所%s，%zu所%s，%zu所%s\n",
            g->nschools, g->schools_pass, jh_label(lang, "g_all_pass"),
            g->schools_fail, jh_label(lang, "g_some_fail"),
            g->schools_incomplete, jh_label(lang, "g_incomplete"));
    for (int k = 0; k < JH_G_COUNT; k++) {
        const jh_gsummary *sm = &g->items[k];
        const char *name =
            en ? jh_gcheck_en((jh_gcheck)k) : jh_gcheck_zh((jh_gcheck)k);
        /* Chinese names are all wide characters: two columns each. */
        int width = en ? (int)strlen(name) : (int)(strlen(name) / 3 * 2);
        fprintf(out, "  %s%*s %s %zu/%zu", name, width < 30 ? 30 - width : 0,
                "", jh_label(lang, "g_passing"), sm->pass, sm->applicable);
        if (sm->fail > 0)
            fprintf(out, en ? ", %s %zu" : "，%s %zu",
                    jh_label(lang, "g_failing"), sm->fail);
        if (sm->missing > 0)
            fprintf(out, en ? ", %s %zu" : "，%s %zu",
                    jh_label(lang, "g_not_given"), sm->missing);
        fputc('\n', out);
    }
    for (size_t i = 0; i < g->nschools; i++) {
        const jh_gschool *gs = &g->schools[i];
        const jh_school *s = &g->county->schools[gs->school];
        bool first = true;
        if (gs->pass)
            continue;
        if (!any_problem)
            fprintf(out, "  %s%s\n", jh_label(lang, "g_problems"),
                    en ? ":" : "：");
        any_problem = true;
        fprintf(out, "    %s %s%s", s->code, s->name, colon);
        for (int k = 0; k < JH_G_COUNT; k++) {
            if (gs->item[k].status != JH_GS_FAIL &&
                gs->item[k].status != JH_GS_MISSING)
                continue;
            fprintf(out, "%s%s", first ? "" : (en ? "; " : "；"),
                    jh_gresult_describe(&gs->item[k], (jh_gcheck)k, en, buf,
                                        sizeof(buf)));
            first = false;
        }
        fputc('\n', out);
    }
}

/* ---- workbook sheet ---------------------------------------------------- */

/* Columns of the sheet. */
enum {
    C_SEQ = 0,
    C_CODE,
    C_NAME,
    C_TYPE,
    C_SIZE,
    C_SIZE_LIMIT,
    C_CLASS_P,
    C_CLASS_J,
    C_CLASSES,
    C_MUSIC,
    C_MUSIC_NEED,
    C_ART,
    C_ART_NEED,
    C_MUSIC_AREA,
    C_ART_AREA,
    C_TEACHERS,
    C_CERTIFIED,
    C_CERT_SHARE,
    C_TRAINING,
    C_PUBLIC,
    C_TRAINING_SHARE,
    C_VERDICT,
    C_REMARK,
    C_COUNT
};

static const char *const sheet_heads[C_COUNT] = {"seq",
                                                 "code",
                                                 "school",
                                                 "type",
                                                 "g_h_size",
                                                 "g_h_size_limit",
                                                 "g_h_class_primary",
                                                 "g_h_class_junior",
                                                 "g_h_classes",
                                                 "g_h_music",
                                                 "g_h_music_need",
                                                 "g_h_art",
                                                 "g_h_art_need",
                                                 "g_h_music_area",
                                                 "g_h_art_area",
                                                 "g_h_teachers",
                                                 "g_h_certified",
                                                 "g_h_cert_share",
                                                 "g_h_training",
                                                 "g_h_public",
                                                 "g_h_training_share",
                                                 "verdict",
                                                 "remark"};

/* Formats of the sheet beyond the shared ones. */
typedef struct g_formats {
    lxw_format *center;   /* centred bordered text */
    lxw_format *num0_bad; /* whole number on red */
    lxw_format *num2_bad; /* 0.00 on red */
    lxw_format *pct_bad;  /* 0.0% on red */
    lxw_format *missing;  /* "not given" on amber */
    lxw_format *fail;     /* verdict: red bold */
} g_formats;

static lxw_format *
g_format(jh__book *b, const char *numfmt, lxw_color_t fill, lxw_color_t font)
{
    lxw_format *f = workbook_add_format(b->wb);

    if (f == NULL) {
        jh__book_check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return NULL;
    }
    format_set_font_name(f, "Noto Sans CJK SC");
    format_set_font_size(f, 10);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    format_set_border(f, LXW_BORDER_THIN);
    if (numfmt != NULL)
        format_set_num_format(f, numfmt);
    if (fill != 0)
        format_set_bg_color(f, fill);
    if (font != 0)
        format_set_font_color(f, font);
    return f;
}

/* Type name in a language, from the label table. */
static const char *
type_name(jh_lang lang, jh_school_type type)
{
    char key[64];
    const char *l;

    snprintf(key, sizeof(key), "type_%s", jh_school_type_key(type));
    l = jh_label(lang, key);
    return l == key ? jh_school_type_key(type) : l;
}

/* A cell for check @p r: the value in @p fmt (red when it fails), amber
 * "not given" when missing, "—" when it does not apply. */
static void
g_value(jh__book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
        const jh_gresult *r, double value, lxw_format *fmt, lxw_format *bad,
        const g_formats *gf, jh_lang lang)
{
    if (r->status == JH_GS_NA && !isfinite(value))
        jh__cell_str(b, ws, row, col, jh_label(lang, "g_na"), gf->center);
    else if (!isfinite(value))
        jh__cell_str(b, ws, row, col, jh_label(lang, "g_not_given"),
                     gf->missing);
    else
        jh__cell_num(b, ws, row, col, value,
                     r->status == JH_GS_FAIL ? bad : fmt);
}

/* A live formula "=IF(den=0,"",num/den)" or "=ROUNDUP(x/per,0)" with its
 * cached value, when its inputs are numbers; else what g_value writes. */
static void
g_formula(jh__book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
          const char *formula, double cached, const jh_gresult *r,
          lxw_format *fmt, lxw_format *bad, const g_formats *gf, jh_lang lang)
{
    if (formula == NULL || !isfinite(cached)) {
        g_value(b, ws, row, col, r, NAN, fmt, bad, gf, lang);
        return;
    }
    jh__cell_formula(b, ws, row, col, formula, cached,
                     r->status == JH_GS_FAIL ? bad : fmt);
}

/* "I5" for (row, col). */
static const char *
cell(lxw_row_t row, lxw_col_t col, char *buf)
{
    lxw_rowcol_to_cell(buf, row, col);
    return buf;
}

/* The classes, music and art rooms (with the rooms the rule asks for as
 * live formulas) and the room areas of a school's row. */
static void
row_rooms(jh__book *b, lxw_worksheet *ws, lxw_row_t row, jh_lang lang,
          const jh_guarantee *g, const jh_gschool *gs, const g_formats *gf)
{
    const jh_school *s = &g->county->schools[gs->school];
    const jh_guarantee_limits *lim = &g->standard->guarantee;
    const jh__sheet_fmt *f = &b->f;
    const jh_gresult *it = gs->item;
    char formula[128], c1[LXW_MAX_CELL_NAME_LENGTH], nb[32];

    /* Classes: from the music check (the art check counts the same). */
    {
        double classes = it[JH_G_MUSIC_ROOMS].base;
        bool miss =
            (it[JH_G_MUSIC_ROOMS].missing_columns & JH_GMISS_CLASSES) != 0;
        if (miss)
            jh__cell_str(b, ws, row, C_CLASSES, jh_label(lang, "g_not_given"),
                         gf->missing);
        else if (isfinite(classes))
            jh__cell_num(b, ws, row, C_CLASSES, classes, f->num0);
        else {
            /* rooms missing, classes known: show them all the same */
            double sum = 0.0;
            for (int l = 0; l < JH_LEVEL_COUNT; l++) {
                if ((jh_school_type_levels(s->type) & (1u << l)) &&
                    isfinite(s->classes[l]))
                    sum += s->classes[l];
            }
            jh__cell_num(b, ws, row, C_CLASSES, sum, f->num0);
        }
    }
    for (int kind = 0; kind < 2; kind++) {
        jh_gcheck k = kind == 0 ? JH_G_MUSIC_ROOMS : JH_G_ART_ROOMS;
        jh_quantity q = kind == 0 ? JH_Q_MUSIC_ROOMS : JH_Q_ART_ROOMS;
        lxw_col_t have = kind == 0 ? C_MUSIC : C_ART;
        double per =
            kind == 0 ? lim->classes_per_music_room : lim->classes_per_art_room;
        const jh_gresult *r = &it[k];
        g_value(b, ws, row, have, r, s->whole[q], f->num0, gf->num0_bad, gf,
                lang);
        if (isfinite(r->limit)) {
            snprintf(formula, sizeof(formula), "=ROUNDUP(%s/%s,0)",
                     cell(row, C_CLASSES, c1), fig(per, nb, sizeof(nb)));
            jh__cell_formula(b, ws, row, (lxw_col_t)(have + 1), formula,
                             r->limit, f->num0);
        } else {
            jh__cell_str(b, ws, row, (lxw_col_t)(have + 1),
                         jh_label(lang, "g_not_given"), gf->missing);
        }
    }
    g_value(b, ws, row, C_MUSIC_AREA, &it[JH_G_MUSIC_ROOM_AREA],
            it[JH_G_MUSIC_ROOM_AREA].value, f->num2, gf->num2_bad, gf, lang);
    g_value(b, ws, row, C_ART_AREA, &it[JH_G_ART_ROOM_AREA],
            it[JH_G_ART_ROOM_AREA].value, f->num2, gf->num2_bad, gf, lang);
}

/* Teachers, certified teachers and their share (a live formula). */
static void
row_teachers(jh__book *b, lxw_worksheet *ws, lxw_row_t row, jh_lang lang,
             const jh_guarantee *g, const jh_gschool *gs, const g_formats *gf)
{
    const jh_school *s = &g->county->schools[gs->school];
    const jh__sheet_fmt *f = &b->f;
    const jh_gresult *it = gs->item;
    const jh_gresult *r = &it[JH_G_CERTIFIED_TEACHERS];
    double teachers = r->base;
    char formula[128], c1[LXW_MAX_CELL_NAME_LENGTH],
        c2[LXW_MAX_CELL_NAME_LENGTH];
    bool miss_t = (r->missing_columns & (1u << JH_Q_TEACHERS)) != 0;
    bool miss_c = (r->missing_columns & (1u << JH_Q_CERTIFIED_TEACHERS)) != 0;
    bool judged = r->status == JH_GS_PASS || r->status == JH_GS_FAIL;
    double cert = judged ? round(r->value * teachers * 1e6) / 1e6
                         : s->whole[JH_Q_CERTIFIED_TEACHERS];

    if (isfinite(teachers))
        jh__cell_num(b, ws, row, C_TEACHERS, teachers, f->num0);
    else
        jh__cell_str(b, ws, row, C_TEACHERS,
                     jh_label(lang, miss_t ? "g_not_given" : "g_na"),
                     miss_t ? gf->missing : gf->center);
    if (isfinite(cert) && !miss_c)
        jh__cell_num(b, ws, row, C_CERTIFIED, cert, f->num0);
    else
        jh__cell_str(b, ws, row, C_CERTIFIED,
                     jh_label(lang, miss_c ? "g_not_given" : "g_na"),
                     miss_c ? gf->missing : gf->center);
    if (judged) {
        snprintf(formula, sizeof(formula), "=%s/%s", cell(row, C_CERTIFIED, c1),
                 cell(row, C_TEACHERS, c2));
        g_formula(b, ws, row, C_CERT_SHARE, formula, r->value, r, f->pct,
                  gf->pct_bad, gf, lang);
    } else {
        g_value(b, ws, row, C_CERT_SHARE, r, NAN, f->pct, gf->pct_bad, gf,
                lang);
    }
}

/* Training funds, the public-funds budget and their share. */
static void
row_training(jh__book *b, lxw_worksheet *ws, lxw_row_t row, jh_lang lang,
             const jh_guarantee *g, const jh_gschool *gs, const g_formats *gf)
{
    const jh_school *s = &g->county->schools[gs->school];
    const jh__sheet_fmt *f = &b->f;
    const jh_gresult *r = &gs->item[JH_G_TRAINING_FUNDS];
    char formula[128], c1[LXW_MAX_CELL_NAME_LENGTH],
        c2[LXW_MAX_CELL_NAME_LENGTH];
    double funds = s->whole[JH_Q_TRAINING_FUNDS];
    double budget = s->whole[JH_Q_PUBLIC_FUNDS];
    if (isfinite(funds))
        jh__cell_num(b, ws, row, C_TRAINING, funds, f->num2);
    else
        jh__cell_str(b, ws, row, C_TRAINING, jh_label(lang, "g_not_given"),
                     gf->missing);
    if (isfinite(budget) && budget > 0)
        jh__cell_num(b, ws, row, C_PUBLIC, budget, f->num2);
    else if (isfinite(budget))
        jh__cell_num(b, ws, row, C_PUBLIC, budget, gf->num2_bad);
    else
        jh__cell_str(b, ws, row, C_PUBLIC, jh_label(lang, "g_not_given"),
                     gf->missing);
    if (r->status == JH_GS_PASS || r->status == JH_GS_FAIL) {
        snprintf(formula, sizeof(formula), "=%s/%s", cell(row, C_TRAINING, c1),
                 cell(row, C_PUBLIC, c2));
        g_formula(b, ws, row, C_TRAINING_SHARE, formula, r->value, r, f->pct,
                  gf->pct_bad, gf, lang);
    } else {
        g_value(b, ws, row, C_TRAINING_SHARE, r, NAN, f->pct, gf->pct_bad, gf,
                lang);
    }
}

/* The school's verdict and, as the remark, every failed or missing
 * check described. */
static void
row_verdict(jh__book *b, lxw_worksheet *ws, lxw_row_t row, jh_lang lang,
            const jh_gschool *gs, const g_formats *gf)
{
    const jh__sheet_fmt *f = &b->f;
    const jh_gresult *it = gs->item;
    char one[512];
    /* room for every check's description: the remark is never cut (a cut
     * could fall inside a UTF-8 character) */
    char remark[JH_G_COUNT * (sizeof(one) + 4)];
    size_t n = 0;

    jh__cell_str(b, ws, row, C_VERDICT,
                 gs->failed > 0    ? jh_label(lang, "no")
                 : gs->missing > 0 ? jh_label(lang, "g_incomplete")
                                   : jh_label(lang, "yes"),
                 gs->failed > 0    ? gf->fail
                 : gs->missing > 0 ? gf->missing
                                   : gf->center);
    remark[0] = '\0';
    for (int k = 0; k < JH_G_COUNT; k++) {
        if (it[k].status != JH_GS_FAIL && it[k].status != JH_GS_MISSING)
            continue;
        jh_gresult_describe(&it[k], (jh_gcheck)k, lang == JH_LANG_EN, one,
                            sizeof(one));
        n += (size_t)snprintf(
            remark + n, n < sizeof(remark) ? sizeof(remark) - n : 0, "%s%s",
            n > 0 ? (lang == JH_LANG_EN ? "; " : "；") : "", one);
    }
    jh__cell_str(b, ws, row, C_REMARK, remark, f->wrap);
    if (n > 60)
        jh__book_check(
            b, worksheet_set_row(ws, row, 15.0 * (double)(1 + n / 90), NULL));
}

static void
school_row(jh__book *b, lxw_worksheet *ws, lxw_row_t row, size_t seq,
           const jh_report_context *ctx, const jh_guarantee *g,
           const jh_gschool *gs, const g_formats *gf)
{
    const jh_school *s = &g->county->schools[gs->school];
    const jh__sheet_fmt *f = &b->f;
    const jh_gresult *it = gs->item;
    jh_lang lang = ctx->lang;

    jh__cell_num(b, ws, row, C_SEQ, (double)seq, gf->center);
    jh__cell_str(b, ws, row, C_CODE, s->code, f->text);
    jh__cell_str(b, ws, row, C_NAME, s->name, f->text);
    jh__cell_str(b, ws, row, C_TYPE, type_name(lang, s->type), f->text);
    g_value(b, ws, row, C_SIZE, &it[JH_G_SCHOOL_SIZE],
            it[JH_G_SCHOOL_SIZE].value, f->num0, gf->num0_bad, gf, lang);
    jh__cell_num(b, ws, row, C_SIZE_LIMIT, it[JH_G_SCHOOL_SIZE].limit, f->num0);
    g_value(b, ws, row, C_CLASS_P, &it[JH_G_CLASS_SIZE_PRIMARY],
            it[JH_G_CLASS_SIZE_PRIMARY].value, f->num0, gf->num0_bad, gf, lang);
    g_value(b, ws, row, C_CLASS_J, &it[JH_G_CLASS_SIZE_JUNIOR],
            it[JH_G_CLASS_SIZE_JUNIOR].value, f->num0, gf->num0_bad, gf, lang);
    row_rooms(b, ws, row, lang, g, gs, gf);
    row_teachers(b, ws, row, lang, g, gs, gf);
    row_training(b, ws, row, lang, g, gs, gf);
    row_verdict(b, ws, row, lang, gs, gf);
}

/* The table of how many schools each check applied to, passed, failed
 * and lacked figures for, from row @p row; returns the row after it. */
static lxw_row_t
counts_table(jh__book *b, lxw_worksheet *ws, lxw_row_t row, jh_lang lang,
             const jh_guarantee *g, const g_formats *gf)
{
    static const char *const heads[] = {"g_item", "g_applicable", "g_passing",
                                        "g_failing", "g_not_given"};
    jh__book_check(b, worksheet_merge_range(ws, row, 0, row, 2,
                                            jh_label(lang, heads[0]),
                                            b->f.header));
    for (int c = 1; c < 5; c++)
        jh__cell_str(b, ws, row, (lxw_col_t)(c + 2), jh_label(lang, heads[c]),
                     b->f.header);
    row++;
    for (int k = 0; k < JH_G_COUNT; k++, row++) {
        const jh_gsummary *sm = &g->items[k];
        jh__book_check(b, worksheet_merge_range(
                              ws, row, 0, row, 2,
                              lang == JH_LANG_EN ? jh_gcheck_en((jh_gcheck)k)
                                                 : jh_gcheck_zh((jh_gcheck)k),
                              b->f.text));
        jh__cell_num(b, ws, row, 3, (double)sm->applicable, gf->center);
        jh__cell_num(b, ws, row, 4, (double)sm->pass, gf->center);
        jh__cell_num(b, ws, row, 5, (double)sm->fail,
                     sm->fail > 0 ? gf->num0_bad : gf->center);
        jh__cell_num(b, ws, row, 6, (double)sm->missing,
                     sm->missing > 0 ? gf->missing : gf->center);
    }
    return row;
}

/* The schools not checked, with the reason, from row @p row; returns the
 * row after them. */
static lxw_row_t
skipped_rows(jh__book *b, lxw_worksheet *ws, lxw_row_t row, jh_lang lang,
             const jh_guarantee *g, const g_formats *gf)
{
    row++;
    jh__cell_str(b, ws, row++, 0, jh_label(lang, "g_skipped"), b->f.title);
    for (size_t i = 0; i < g->nskipped; i++, row++) {
        const jh_school *s = &g->county->schools[g->skipped[i].school];
        jh__cell_num(b, ws, row, C_SEQ, (double)(i + 1), gf->center);
        jh__cell_str(b, ws, row, C_CODE, s->code, b->f.text);
        jh__cell_str(b, ws, row, C_NAME, s->name, b->f.text);
        jh__cell_str(b, ws, row, C_TYPE, type_name(lang, s->type), b->f.text);
        jh__book_check(b, worksheet_merge_range(
                              ws, row, C_SIZE, row, C_CLASS_J,
                              jh_exclusion_name(g->skipped[i].reason, lang),
                              b->f.text));
    }
    return row;
}

jh_status
jh__guarantee_sheet(lxw_workbook *wb, const jh_report_context *ctx,
                    const jh_guarantee *g, jh_error *err)
{
    jh_lang lang = ctx->lang;
    jh__book book;
    g_formats gf;
    lxw_worksheet *ws;
    lxw_row_t row = 0, head;
    char buf[2048];
    static const double widths[C_COUNT] = {5, 12, 20, 10, 9, 8,  8,  8,
                                           7, 8,  8,  8,  8, 10, 10, 8,
                                           8, 8,  11, 12, 9, 8,  48};

    memset(&book, 0, sizeof(book));
    book.wb = wb;
    jh__sheet_formats(&book);
    gf.center = g_format(&book, NULL, 0, 0);
    gf.num0_bad = g_format(&book, "#,##0", 0xFFC7CE, 0x9C0006);
    gf.num2_bad = g_format(&book, "0.00", 0xFFC7CE, 0x9C0006);
    gf.pct_bad = g_format(&book, "0.0%", 0xFFC7CE, 0x9C0006);
    gf.missing = g_format(&book, NULL, 0xFFEB9C, 0x9C5700);
    gf.fail = g_format(&book, NULL, 0, 0xC00000);
    if (gf.center != NULL) {
        format_set_align(gf.center, LXW_ALIGN_CENTER);
        format_set_align(gf.missing, LXW_ALIGN_CENTER);
        format_set_align(gf.fail, LXW_ALIGN_CENTER);
        format_set_bold(gf.fail);
    }
    ws = jh__book_sheet(&book, jh_label(lang, "g_sheet"));
    if (ws == NULL)
        return jh_error_set2(
            err, JH_ERR_OUTPUT, NULL, 0, 0, "无法添加工作表“%s”：%s%.0s",
            "cannot add the sheet '%s': %.0s%s", jh_label(lang, "g_sheet"),
            jh__lxw_zh(book.first), lxw_strerror(book.first));

    snprintf(buf, sizeof(buf), "%s %s", ctx->county_name,
             jh_label(lang, "g_title"));
    jh__book_check(&book, worksheet_merge_range(ws, row, 0, row, C_COUNT - 1,
                                                buf, book.f.title));
    row++;
    {
        char rules[1024];
        snprintf(buf, sizeof(buf), "%s%s%s", jh_label(lang, "g_rules"),
                 lang == JH_LANG_EN ? ": " : "：",
                 jh__guarantee_rules(g->standard, lang, rules, sizeof(rules)));
        jh__book_check(&book,
                       worksheet_merge_range(ws, row, 0, row, C_COUNT - 1, buf,
                                             book.f.note));
        jh__book_check(&book, worksheet_set_row(ws, row, 32, NULL));
    }
    row++;
    head = row;
    for (int c = 0; c < C_COUNT; c++)
        jh__cell_str(&book, ws, head, (lxw_col_t)c,
                     jh_label(lang, sheet_heads[c]), book.f.header);
    jh__book_check(&book, worksheet_set_row(ws, head, 45, NULL));
    row++;
    for (size_t i = 0; i < g->nschools; i++, row++)
        school_row(&book, ws, row, i + 1, ctx, g, &g->schools[i], &gf);
    if (g->nschools == 0) {
        jh__cell_str(&book, ws, row, 0, jh_label(lang, "none"), book.f.text);
        row++;
    }

    /* Counts of each check. */
    row++;
    jh__cell_str(&book, ws, row++, 0, jh_label(lang, "g_checked"),
                 book.f.title);
    row = counts_table(&book, ws, row, lang, g, &gf);
    /* Schools not checked. */
    if (g->nskipped > 0)
        row = skipped_rows(&book, ws, row, lang, g, &gf);
    for (int c = 0; c < C_COUNT; c++)
        jh__col_width(&book, ws, (lxw_col_t)c, (lxw_col_t)c, widths[c]);
    worksheet_freeze_panes(ws, head + 1, C_NAME + 1);
    jh__book_check(&book, worksheet_repeat_rows(ws, head, head));
    if (book.first != LXW_NO_ERROR)
        return jh_error_set2(
            err, JH_ERR_OUTPUT, NULL, 0, 0, "无法写入工作表“%s”：%s%.0s",
            "cannot write the sheet '%s': %.0s%s", jh_label(lang, "g_sheet"),
            jh__lxw_zh(book.first), lxw_strerror(book.first));
    return JH_OK;
}
