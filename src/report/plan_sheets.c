/* junheng - the sheets of plan.xlsx (see plan_sheets.h). */
#include "plan_sheets.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "junheng/result_words.h"
#include "plan_words.h"
#include "standard_text.h"
#include "util.h"
#include "xlabels.h"

static const char *
lbl(const jh_report_context *ctx, const char *key)
{
    return jh__xlabel(ctx->lang, key);
}

static void
header_row(jh__book *b, lxw_worksheet *ws, lxw_row_t row,
           const char *const *heads, size_t n)
{
    for (size_t c = 0; c < n; c++)
        jh__cell_str(b, ws, row, (lxw_col_t)c, heads[c], b->f.header);
    if (ws != NULL)
        jh__book_check(b, worksheet_set_row(ws, row, 30, NULL));
}

static void
sheet_school_fixes(jh__book *b, const jh_report_context *ctx, const jh_plan *p)
{
    const jh_standard *std = p->before->standard;
    lxw_worksheet *ws = jh__book_sheet(b, lbl(ctx, "plan_school_sheet"));
    char floor_head[128], label[128];
    const char *heads[] = {jh_label(ctx->lang, "level"),
                           jh_label(ctx->lang, "code"),
                           jh_label(ctx->lang, "school"),
                           jh_label(ctx->lang, "students"),
                           jh_label(ctx->lang, "indicator"),
                           jh_label(ctx->lang, "value"),
                           jh_label(ctx->lang, "threshold"),
                           lbl(ctx, "plan_shortfall"),
                           lbl(ctx, "plan_whole_add"),
                           jh__rule_text(std, lbl(ctx, "plan_to_floor"),
                                         floor_head, sizeof(floor_head)),
                           lbl(ctx, "plan_whole_add"),
                           lbl(ctx, "plan_required"),
                           lbl(ctx, "plan_section_add"),
                           lbl(ctx, "plan_whole_add"),
                           jh_label(ctx->lang, "unit"),
                           lbl(ctx, "plan_cost"),
                           jh_label(ctx->lang, "verdict"),
                           lbl(ctx, "plan_share")};
    lxw_row_t row = 0;

    jh__cell_str(b, ws, row++, 0, lbl(ctx, "plan_school_fixes"), b->f.title);
    if (std->min_met == 0) {
        /* No per-school rule: no columns of thresholds and floors. */
        jh__cell_str(b, ws, row, 0, jh_label(ctx->lang, "school_rule_none"),
                     b->f.text);
        return;
    }
    header_row(b, ws, row++, heads, sizeof(heads) / sizeof(heads[0]));
    for (size_t i = 0; i < p->nsections; i++) {
        const jh_plan_section *ps = &p->sections[i];
        const jh_section *sec = &p->before->model->sections[ps->section];
        const jh_school *s = jh__plan_school(p, ps->section);
        for (size_t j = 0; j < ps->nshortfalls; j++) {
            const jh_plan_shortfall *sf = &ps->shortfalls[j];
            const jh_indicator *ind = &std->indicators[sf->indicator];
            const jh_plan_amount *req =
                sf->required == JH_TARGET_THRESHOLD ? &sf->to_threshold
                : sf->required == JH_TARGET_FLOOR   ? &sf->to_floor
                                                    : NULL;
            char rule[256];
            lxw_col_t c = 0;
            jh__cell_str(b, ws, row, c++, jh_level_name(sec->level, ctx->lang),
                         b->f.text);
            jh__cell_str(b, ws, row, c++, s->code, b->f.text);
            jh__cell_str(b, ws, row, c++, s->name, b->f.text);
            jh__cell_num(b, ws, row, c++, sec->students, b->f.num0);
            jh__cell_str(b, ws, row, c++, jh_indicator_name(ind, ctx->lang),
                         b->f.wrap);
            jh__cell_num(b, ws, row, c++, sf->value, b->f.num2);
            jh__cell_num(b, ws, row, c++, sf->threshold, b->f.num2);
            jh__cell_num(b, ws, row, c++, sf->to_threshold.section_addition,
                         b->f.num2);
            jh__cell_num(b, ws, row, c++, sf->to_threshold.whole_addition,
                         b->f.num0);
            jh__cell_num(b, ws, row, c++, sf->to_floor.section_addition,
                         b->f.num2);
            jh__cell_num(b, ws, row, c++, sf->to_floor.whole_addition,
                         b->f.num0);
            if (ps->rule == JH_RULE_NONE)
                snprintf(rule, sizeof(rule), "%s",
                         lbl(ctx, "plan_required_none"));
            else
                snprintf(rule, sizeof(rule), "%s (%s)",
                         jh__plan_target_label(std, sf->required, ctx->lang,
                                               label, sizeof(label)),
                         jh__plan_rule_label(ps->rule, ctx->lang));
            jh__cell_str(b, ws, row, c++, rule, b->f.wrap);
            jh__cell_num(b, ws, row, c++,
                         req != NULL ? req->section_addition : 0.0, b->f.num2);
            jh__cell_num(b, ws, row, c++,
                         req != NULL ? req->whole_addition : 0.0, b->f.num0);
            jh__cell_str(b, ws, row, c++,
                         jh__quantity_unit((int)ind->quantity, ctx->lang),
                         b->f.text);
            jh__cell_num(b, ws, row, c++, req != NULL ? req->cost : 0.0,
                         b->f.num0);
            jh__cell_str(b, ws, row, c++,
                         jh_label(ctx->lang, ps->pass ? "pass" : "fail"),
                         ps->pass ? b->f.good : b->f.bad);
            jh__cell_num(b, ws, row, c++, sec->physical_share, b->f.pct);
            row++;
        }
    }
    jh__col_width(b, ws, 0, 1, 12);
    jh__col_width(b, ws, 2, 2, 26);
    jh__col_width(b, ws, 4, 4, 30);
    jh__col_width(b, ws, 5, 10, 11);
    jh__col_width(b, ws, 11, 11, 30);
    jh__col_width(b, ws, 12, 17, 11);
    if (ws != NULL)
        worksheet_freeze_panes(ws, 2, 3);
}

static void
sheet_cv_fixes(jh__book *b, const jh_report_context *ctx, const jh_plan *p)
{
    const jh_standard *std = p->before->standard;
    lxw_worksheet *ws = jh__book_sheet(b, lbl(ctx, "plan_cvfix_sheet"));
    const char *heads[] = {
        jh_label(ctx->lang, "code"),     jh_label(ctx->lang, "school"),
        jh_label(ctx->lang, "students"), lbl(ctx, "plan_share"),
        lbl(ctx, "plan_before"),         lbl(ctx, "plan_after"),
        lbl(ctx, "plan_exact"),          lbl(ctx, "plan_section_add"),
        lbl(ctx, "plan_whole_add"),      lbl(ctx, "plan_cost")};
    lxw_row_t row = 0;
    char line[512], b1[32], b2[32], b3[32], b4[32];

    jh__cell_str(b, ws, row++, 0, lbl(ctx, "plan_cv_fixes"), b->f.title);
    jh__cell_str(b, ws, row, 0, lbl(ctx, "plan_method"), b->f.note);
    if (ws != NULL) {
        jh__book_check(b, worksheet_merge_range(ws, row, 0, row, 9,
                                                lbl(ctx, "plan_method"),
                                                b->f.note));
        jh__book_check(b, worksheet_set_row(ws, row, 60, NULL));
    }
    row += 2;
    if (p->ncv_fixes == 0)
        jh__cell_str(b, ws, row++, 0, lbl(ctx, "plan_nothing"), b->f.text);
    for (size_t i = 0; i < p->ncv_fixes; i++) {
        const jh_plan_cv_fix *fx = &p->cv_fixes[i];
        const jh_indicator *ind = &std->indicators[fx->indicator];
        lxw_row_t first;
        char formula[128];
        /* "(轮次 2)" only for a repeated fix. */
        b3[0] = '\0';
        if (fx->round > 1)
            snprintf(b3, sizeof(b3), " (%s %zu)", lbl(ctx, "plan_round"),
                     fx->round);
        snprintf(line, sizeof(line), "%s %s: %s %s > %s%s, t = %s %s",
                 jh_level_name(fx->level, ctx->lang),
                 jh_indicator_name(ind, ctx->lang), jh_label(ctx->lang, "cv"),
                 jh__fmt_fixed(fx->cv_start, 3, b1, sizeof(b1)),
                 jh__fmt_fixed(fx->cv_limit, 2, b2, sizeof(b2)), b3,
                 jh__fmt_fixed(fx->t, 4, b4, sizeof(b4)),
                 ctx->lang == JH_LANG_EN ? ind->unit_en : ind->unit_zh);
        jh__cell_str(b, ws, row++, 0, line, b->f.title);
        header_row(b, ws, row++, heads, sizeof(heads) / sizeof(heads[0]));
        first = row;
        for (size_t j = 0; j < fx->nschools; j++) {
            const jh_plan_cv_school *cs = &fx->schools[j];
            const jh_section *sec = &p->before->model->sections[cs->section];
            const jh_school *s = jh__plan_school(p, cs->section);
            jh__cell_str(b, ws, row, 0, s->code, b->f.text);
            jh__cell_str(b, ws, row, 1, s->name, b->f.text);
            jh__cell_num(b, ws, row, 2, sec->students, b->f.num0);
            jh__cell_num(b, ws, row, 3, sec->physical_share, b->f.pct);
            jh__cell_num(b, ws, row, 4, cs->value_before, b->f.num2);
            jh__cell_num(b, ws, row, 5, cs->value_after, b->f.num2);
            jh__cell_num(b, ws, row, 6, cs->amount.shortfall, b->f.num2);
            jh__cell_num(b, ws, row, 7, cs->amount.section_addition, b->f.num2);
            jh__cell_num(b, ws, row, 8, cs->amount.whole_addition, b->f.num0);
            jh__cell_num(b, ws, row, 9, cs->amount.cost, b->f.num0);
            row++;
        }
        jh__cell_str(b, ws, row, 1, lbl(ctx, "plan_totals"), b->f.header);
        if (fx->nschools > 0) {
            for (lxw_col_t c = 6; c <= 9; c++) {
                double cached = c == 6   ? fx->total_exact
                                : c == 7 ? fx->total_section
                                : c == 8 ? fx->total_whole
                                         : fx->cost;
                char col[16];
                jh_column_letters((long)c + 1, col, sizeof(col));
                snprintf(formula, sizeof(formula), "=SUM(%s%u:%s%u)", col,
                         (unsigned)first + 1, col, (unsigned)row);
                jh__cell_formula(b, ws, row, c, formula, cached,
                                 c == 6 || c == 7 ? b->f.num2 : b->f.num0);
            }
        }
        row += 2;
    }
    jh__col_width(b, ws, 0, 0, 14);
    jh__col_width(b, ws, 1, 1, 26);
    jh__col_width(b, ws, 2, 9, 12);
}

static void
sheet_budget(jh__book *b, const jh_report_context *ctx, const jh_plan *p)
{
    const jh_county *c = p->before->model->county;
    lxw_worksheet *ws = jh__book_sheet(b, lbl(ctx, "plan_budget_sheet"));
    int qs[JH_Q_COUNT];
    size_t nq = 0;
    lxw_row_t row = 0, first;
    char h[128], formula[128], col[16];

    for (int q = 0; q < JH_Q_COUNT; q++) {
        if (p->total[q] > 0)
            qs[nq++] = q;
    }
    jh__cell_str(b, ws, row++, 0, lbl(ctx, "plan_budget"), b->f.title);
    jh__cell_str(b, ws, row, 0, jh_label(ctx->lang, "code"), b->f.header);
    jh__cell_str(b, ws, row, 1, jh_label(ctx->lang, "school"), b->f.header);
    for (size_t i = 0; i < nq; i++) {
        snprintf(h, sizeof(h), "%s (%s)", jh__quantity_name(qs[i], ctx->lang),
                 jh__quantity_unit(qs[i], ctx->lang));
        jh__cell_str(b, ws, row, (lxw_col_t)(2 + i), h, b->f.header);
    }
    jh__cell_str(b, ws, row, (lxw_col_t)(2 + nq), lbl(ctx, "plan_cost"),
                 b->f.header);
    row++;
    first = row;
    for (size_t i = 0; i < p->nschools; i++) {
        const jh_plan_school *ps = &p->schools[i];
        const jh_school *s = &c->schools[ps->school];
        jh__cell_str(b, ws, row, 0, s->code, b->f.text);
        jh__cell_str(b, ws, row, 1, s->name, b->f.text);
        for (size_t j = 0; j < nq; j++)
            jh__cell_num(b, ws, row, (lxw_col_t)(2 + j),
                         ps->addition[qs[j]] > 0 ? ps->addition[qs[j]] : NAN,
                         b->f.num0);
        jh__cell_num(b, ws, row, (lxw_col_t)(2 + nq), ps->cost, b->f.num0);
        row++;
    }
    jh__cell_str(b, ws, row, 1, lbl(ctx, "plan_totals"), b->f.header);
    for (size_t j = 0; j <= nq && p->nschools > 0; j++) {
        double cached = j < nq ? p->total[qs[j]] : p->total_cost;
        jh_column_letters((long)(3 + j), col, sizeof(col));
        snprintf(formula, sizeof(formula), "=SUM(%s%u:%s%u)", col,
                 (unsigned)first + 1, col, (unsigned)row);
        jh__cell_formula(b, ws, row, (lxw_col_t)(2 + j), formula, cached,
                         b->f.num0);
    }
    if (!p->cost_complete)
        jh__cell_str(b, ws, row + 2, 0,
                     ctx->lang == JH_LANG_EN
                         ? "Costs leave out the additions without a unit "
                           "cost (give them with --cost KEY=YUAN)."
                         : "费用不含未给单价的增加量（可用 --cost 键=元 "
                           "给出单价）。",
                     b->f.note);
    jh__col_width(b, ws, 0, 0, 14);
    jh__col_width(b, ws, 1, 1, 26);
    jh__col_width(b, ws, 2, (lxw_col_t)(2 + nq), 16);
}

/* 整改前后差异系数: per level and indicator the mean, CV and verdict
 * before and after the plan, then the level's and the county's verdict. */
static void
sheet_cv_before_after(jh__book *b, lxw_worksheet *ws,
                      const jh_report_context *ctx, const jh_plan *p)
{
    const jh_analysis *a = p->before, *af = p->after;
    const jh_standard *std = a->standard;
    const char *heads[] = {
        jh_label(ctx->lang, "level"),    jh_label(ctx->lang, "indicator"),
        jh_label(ctx->lang, "mean"),     jh_label(ctx->lang, "mean"),
        jh_label(ctx->lang, "cv"),       jh_label(ctx->lang, "cv"),
        jh_label(ctx->lang, "cv_limit"), jh_label(ctx->lang, "verdict"),
        jh_label(ctx->lang, "verdict"),  jh_label(ctx->lang, "below"),
        jh_label(ctx->lang, "below")};
    const char *when[] = {
        "",           "", "plan_before", "plan_after", "plan_before",
        "plan_after", "", "plan_before", "plan_after", "plan_before",
        "plan_after"};
    lxw_row_t row = 0;
    char h[256];

    jh__cell_str(b, ws, row++, 0, lbl(ctx, "plan_projection"), b->f.title);
    for (size_t c = 0; c < sizeof(heads) / sizeof(heads[0]); c++) {
        if (when[c][0] != '\0')
            snprintf(h, sizeof(h), "%s\n%s", heads[c], lbl(ctx, when[c]));
        else
            snprintf(h, sizeof(h), "%s", heads[c]);
        jh__cell_str(b, ws, row, (lxw_col_t)c, h, b->f.header);
    }
    if (ws != NULL)
        jh__book_check(b, worksheet_set_row(ws, row, 30, NULL));
    row++;
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        const jh_level_result *la = &a->levels[l], *lb = &af->levels[l];
        if (!la->present)
            continue;
        for (size_t k = 0; k < std->nindicators; k++) {
            const jh_indicator_stats *ia = &la->ind[k], *ib = &lb->ind[k];
            jh__cell_str(b, ws, row, 0, jh_level_name((jh_level)l, ctx->lang),
                         b->f.text);
            jh__cell_str(b, ws, row, 1,
                         jh_indicator_name(&std->indicators[k], ctx->lang),
                         b->f.wrap);
            jh__cell_num(b, ws, row, 2, ia->mean, b->f.num2);
            jh__cell_num(b, ws, row, 3, ib->mean, b->f.num2);
            jh__cell_num(b, ws, row, 4, ia->cv_defined ? ia->cv : NAN,
                         b->f.num3);
            jh__cell_num(b, ws, row, 5, ib->cv_defined ? ib->cv : NAN,
                         b->f.num3);
            jh__cell_num(b, ws, row, 6, ia->cv_limit, b->f.num2);
            jh__cell_str(b, ws, row, 7,
                         jh_label(ctx->lang, ia->cv_pass ? "pass" : "fail"),
                         ia->cv_pass ? b->f.good : b->f.bad);
            jh__cell_str(b, ws, row, 8,
                         jh_label(ctx->lang, ib->cv_pass ? "pass" : "fail"),
                         ib->cv_pass ? b->f.good : b->f.bad);
            jh__cell_num(b, ws, row, 9, (double)ia->below, b->f.num0);
            jh__cell_num(b, ws, row, 10, (double)ib->below, b->f.num0);
            row++;
        }
        snprintf(h, sizeof(h), "%s %zu/%zu → %zu/%zu",
                 jh_label(ctx->lang, "schools_met"), la->schools_passing,
                 la->nsections, lb->schools_passing, lb->nsections);
        jh__cell_str(b, ws, row, 0, jh_level_name((jh_level)l, ctx->lang),
                     b->f.text);
        jh__cell_str(b, ws, row, 1, h, b->f.wrap);
        jh__cell_str(b, ws, row, 7,
                     jh_label(ctx->lang, la->pass ? "pass" : "fail"),
                     la->pass ? b->f.good : b->f.bad);
        jh__cell_str(b, ws, row, 8,
                     jh_label(ctx->lang, lb->pass ? "pass" : "fail"),
                     lb->pass ? b->f.good : b->f.bad);
        row++;
    }
    row++;
    jh__cell_str(b, ws, row, 0, jh_label(ctx->lang, "overall"), b->f.header);
    jh__cell_str(b, ws, row, 1,
                 lbl(ctx, p->pass ? "plan_pass_after" : "plan_fail_after"),
                 p->pass ? b->f.good : b->f.bad);
    jh__col_width(b, ws, 0, 0, 10);
    jh__col_width(b, ws, 1, 1, 34);
    jh__col_width(b, ws, 2, 10, 11);
}

/* 整改前后指标值: per section every value before and after, and the
 * verdicts. */
static void
sheet_values_before_after(jh__book *b, lxw_worksheet *vs,
                          const jh_report_context *ctx, const jh_plan *p)
{
    const jh_analysis *a = p->before, *af = p->after;
    const jh_model *m = a->model;
    const jh_standard *std = a->standard;
    lxw_row_t row = 0;
    char h[256];

    jh__cell_str(b, vs, row++, 0, lbl(ctx, "plan_values_sheet"), b->f.title);
    jh__cell_str(b, vs, row, 0, jh_label(ctx->lang, "level"), b->f.header);
    jh__cell_str(b, vs, row, 1, jh_label(ctx->lang, "code"), b->f.header);
    jh__cell_str(b, vs, row, 2, jh_label(ctx->lang, "school"), b->f.header);
    for (size_t k = 0; k < std->nindicators; k++) {
        for (int t = 0; t < 2; t++) {
            snprintf(h, sizeof(h), "%s\n%s",
                     jh_indicator_short(&std->indicators[k], ctx->lang),
                     lbl(ctx, t == 0 ? "plan_before" : "plan_after"));
            jh__cell_str(b, vs, row, (lxw_col_t)(3 + 2 * k + (size_t)t), h,
                         b->f.header);
        }
    }
    for (int t = 0; t < 2; t++) {
        snprintf(h, sizeof(h), "%s\n%s", jh_label(ctx->lang, "verdict"),
                 lbl(ctx, t == 0 ? "plan_before" : "plan_after"));
        jh__cell_str(b, vs, row,
                     (lxw_col_t)(3 + 2 * std->nindicators + (size_t)t), h,
                     b->f.header);
    }
    if (vs != NULL)
        jh__book_check(b, worksheet_set_row(vs, row, 30, NULL));
    row++;
    for (size_t i = 0; i < m->nsections; i++) {
        const jh_section *sec = &m->sections[i];
        const jh_school *s = &m->county->schools[sec->school];
        jh__cell_str(b, vs, row, 0, jh_level_name(sec->level, ctx->lang),
                     b->f.text);
        jh__cell_str(b, vs, row, 1, s->code, b->f.text);
        jh__cell_str(b, vs, row, 2, s->name, b->f.text);
        for (size_t k = 0; k < std->nindicators; k++) {
            jh__cell_num(b, vs, row, (lxw_col_t)(3 + 2 * k),
                         a->results[i].value[k], b->f.num2);
            jh__cell_num(b, vs, row, (lxw_col_t)(4 + 2 * k),
                         af->results[i].value[k], b->f.num2);
        }
        for (int t = 0; t < 2; t++) {
            bool pass = t == 0 ? a->results[i].pass : af->results[i].pass;
            jh__cell_str(b, vs, row,
                         (lxw_col_t)(3 + 2 * std->nindicators + (size_t)t),
                         jh_label(ctx->lang, pass ? "pass" : "fail"),
                         pass ? b->f.good : b->f.bad);
        }
        row++;
    }
    jh__col_width(b, vs, 0, 1, 12);
    jh__col_width(b, vs, 2, 2, 26);
    jh__col_width(b, vs, 3, (lxw_col_t)(4 + 2 * std->nindicators), 10);
    if (vs != NULL)
        worksheet_freeze_panes(vs, 2, 3);
}

/* The two sheets comparing before and after the plan, made in this order. */
static void
sheet_before_after(jh__book *b, const jh_report_context *ctx, const jh_plan *p)
{
    lxw_worksheet *ws = jh__book_sheet(b, lbl(ctx, "plan_cv_sheet"));
    lxw_worksheet *vs = jh__book_sheet(b, lbl(ctx, "plan_values_sheet"));

    sheet_cv_before_after(b, ws, ctx, p);
    sheet_values_before_after(b, vs, ctx, p);
}

/* Every sheet of plan.xlsx, in order. */
void
jh__plan_sheets(jh__book *b, const jh_report_context *ctx, const jh_plan *p)
{
    sheet_school_fixes(b, ctx, p);
    sheet_cv_fixes(b, ctx, p);
    sheet_budget(b, ctx, p);
    sheet_before_after(b, ctx, p);
}
