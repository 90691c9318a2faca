/* junheng - analyze's workbook: the per-school sheets (表Ⅱ-2, the
 * 计算过程 working sheets with live formulas, 排除与提示). */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

#include "junheng/report.h"
#include "junheng/report_text.h"
#include "sheet.h"
#include "standard_text.h"
#include "util.h"
#include "workbook_writer.h"

/* ---------------------------------------------------------------------- */
/* 表Ⅱ-2: one row per school section                                      */

/* Columns: 序号 学校代码 学校名称 学校类型 举办者类型 在校生数 年级数 班级数
 * (8), the indicators, 达标指标数 是否达标 备注. */
#define WB_S_FIXED 8

/* Row @p row of 表Ⅱ-2: school section @p j of level @p lr; widens the
 * code, name and type columns (*wcode, *wname, *wtype) to fit. */
static void
wb_school_row(wb_writer *w, lxw_worksheet *ws, lxw_row_t row,
              const jh_level_result *lr, size_t j, double wremark,
              double *wcode, double *wname, double *wtype)
{
    const jh_analysis *a = w->ctx->analysis;
    const jh_model *m = a->model;
    const jh_standard *std = a->standard;
    const lxw_col_t c_met = (lxw_col_t)(WB_S_FIXED + std->nindicators);
    const lxw_col_t c_verdict = c_met + 1, c_remark = c_met + 2;
    char buf[1024];
    size_t si = lr->sections[j];
    const jh_section *sec = &m->sections[si];
    const jh_school *s = &m->county->schools[sec->school];
    const jh_section_result *r = &a->results[si];
    double grades = NAN;

    /* The file's 年级数 when it has one, else the 六三 system's
     * (a teaching point's is left blank). */
    if (!isnan(s->grades[sec->level]))
        grades = s->grades[sec->level];
    else if (s->type != JH_TYPE_TEACHING_POINT)
        grades = sec->level == JH_LEVEL_PRIMARY ? 6.0 : 3.0;
    jh__cell_num(&w->book, ws, row, 0, (double)(j + 1), w->f.center);
    jh__cell_str(&w->book, ws, row, 1, s->code, w->f.text);
    jh__cell_str(&w->book, ws, row, 2, s->name, w->f.text);
    jh__cell_str(&w->book, ws, row, 3, jh__wb_type_name(w, s->type), w->f.text);
    jh__cell_str(&w->book, ws, row, 4, jh__wb_ownership_name(w, s->ownership),
                 w->f.center);
    jh__cell_num(&w->book, ws, row, 5, sec->students, w->f.general);
    jh__cell_num(&w->book, ws, row, 6, grades, w->f.center);
    jh__cell_num(&w->book, ws, row, 7, s->classes[sec->level], w->f.center);
    for (size_t k = 0; k < std->nindicators; k++)
        jh__cell_num(&w->book, ws, row, (lxw_col_t)(WB_S_FIXED + k),
                     r->value[k],
                     r->met[k]       ? w->f.num2
                     : r->partial[k] ? w->f.num2_part
                                     : w->f.num2_bad);
    jh__cell_num(&w->book, ws, row, c_met, (double)r->met_count, w->f.center);
    jh__cell_str(&w->book, ws, row, c_verdict,
                 jh__wb_l(w, r->pass ? "yes" : "no"),
                 jh__wb_verdict_format(w, r->pass));
    jh__cell_str(&w->book, ws, row, c_remark,
                 jh_section_remark(w->ctx, si, buf, sizeof(buf)), w->f.wrap);
    jh__row_height(&w->book, ws, row, jh__wrap_height(buf, wremark));
    jh__text_fit(wcode, s->code);
    jh__text_fit(wname, s->name);
    jh__text_fit(wtype, jh__wb_type_name(w, s->type));
}

void
jh__wb_school_sheet(wb_writer *w, lxw_worksheet *ws, const jh_level_result *lr)
{
    const jh_analysis *a = w->ctx->analysis;
    const jh_standard *std = a->standard;
    static const char *const heads[WB_S_FIXED] = {
        "seq",       "code",     "school", "type",
        "ownership", "students", "grades", "classes"};
    const lxw_col_t c_met = (lxw_col_t)(WB_S_FIXED + std->nindicators);
    const lxw_col_t c_verdict = c_met + 1, c_remark = c_met + 2;
    const lxw_row_t head = 2;
    const double wremark = w->lang == JH_LANG_EN ? 50 : 44;
    const double wind = w->lang == JH_LANG_EN ? 12 : 10;
    double wcode = 8, wname = 10, wtype = 8, head_height = 0.0;
    char buf[1024], legend[512];
    lxw_row_t row;

    jh__wb_sheet_title(w, "title_t22", (int)lr->level, buf, sizeof(buf));
    jh__cell_merge(&w->book, ws, 0, 0, 0, c_remark, buf, w->f.title);
    jh__book_check(&w->book, worksheet_set_row(ws, 0, 24, NULL));
    jh__rule_text(std, jh__wb_l(w, "legend"), legend, sizeof(legend));
    jh__cell_merge(&w->book, ws, 1, 0, 1, c_remark, legend, w->f.info);
    jh__header_row(&w->book, ws, head, heads, WB_S_FIXED, w->lang, w->f.header);
    for (size_t k = 0; k < std->nindicators; k++) {
        const jh_indicator *ind = &std->indicators[k];
        jh__cell_str(&w->book, ws, head, (lxw_col_t)(WB_S_FIXED + k),
                     jh__wb_with_unit(w, jh_indicator_name(ind, w->lang),
                                      jh__wb_unit(w, ind), buf, sizeof(buf)),
                     w->f.header);
        head_height = fmax(head_height, jh__wrap_height(buf, wind));
    }
    jh__cell_str(&w->book, ws, head, c_met, jh__wb_l(w, "met_count"),
                 w->f.header);
    jh__cell_str(&w->book, ws, head, c_verdict, jh__wb_l(w, "verdict"),
                 w->f.header);
    jh__cell_str(&w->book, ws, head, c_remark, jh__wb_l(w, "remark"),
                 w->f.header);
    jh__row_height(&w->book, ws, head, head_height);

    row = head + 1;
    for (size_t j = 0; j < lr->nsections; j++, row++)
        wb_school_row(w, ws, row, lr, j, wremark, &wcode, &wname, &wtype);

    jh__col_width(&w->book, ws, 0, 0, 5);
    jh__col_width(&w->book, ws, 1, 1, wcode);
    jh__col_width(&w->book, ws, 2, 2, wname);
    jh__col_width(&w->book, ws, 3, 3, wtype);
    jh__col_width(&w->book, ws, 4, 4, w->lang == JH_LANG_EN ? 10 : 7);
    jh__col_width(&w->book, ws, 5, 5, 8);
    jh__col_width(&w->book, ws, 6, 6, 6);
    jh__col_width(&w->book, ws, 7, 7, 6);
    for (size_t k = 0; k < std->nindicators; k++)
        jh__col_width(&w->book, ws, (lxw_col_t)(WB_S_FIXED + k),
                      (lxw_col_t)(WB_S_FIXED + k), wind);
    jh__col_width(&w->book, ws, c_met, c_met, w->lang == JH_LANG_EN ? 9 : 7);
    jh__col_width(&w->book, ws, c_verdict, c_verdict, 7);
    jh__col_width(&w->book, ws, c_remark, c_remark, wremark);
    worksheet_freeze_panes(ws, head + 1, 3);
    jh__print_setup(&w->book, ws, head, head);
}

/* ---------------------------------------------------------------------- */
/* 计算过程: the CV with live formulas                                      */

/* Fix where the working sheet of @p lr puts its rows, before any sheet
 * refers to them. */
void
jh__wb_working_layout(wb_writer *w, const jh_level_result *lr)
{
    wb_working *wk = &w->working[lr->level];

    jh__wb_working_sheet_name(w, lr->level, wk->sheet, sizeof(wk->sheet));
    wk->first = 3;
    wk->total_row = wk->first + (lxw_row_t)lr->nsections;
    wk->mean_row = wk->total_row + 1;
    wk->sd_row = wk->total_row + 2;
    wk->cv_row = wk->total_row + 3;
}

/* The per-school rows of one indicator block; *sum_terms receives the
 * cached sum of P(X − mean)². */
static void
wb_working_block(wb_writer *w, lxw_worksheet *ws, const jh_level_result *lr,
                 size_t k, double *sum_terms)
{
    const jh_analysis *a = w->ctx->analysis;
    const jh_indicator *ind = &a->standard->indicators[k];
    const wb_working *wk = &w->working[lr->level];
    const double mean = lr->ind[k].mean;
    const lxw_col_t cn = wb_block_col(k, 0), cx = cn + 1, ct = cn + 2;
    char n[16], p[16], x[16], mref[16], scale[32], formula[128];

    jh__number_text(ind->scale, scale, sizeof(scale));
    lxw_rowcol_to_cell_abs(mref, wk->mean_row, cx, 1, 1);
    *sum_terms = 0.0;
    for (size_t j = 0; j < lr->nsections; j++) {
        size_t si = lr->sections[j];
        const jh_section *sec = &a->model->sections[si];
        const lxw_row_t row = wk->first + (lxw_row_t)j;
        const double value = a->results[si].value[k];
        const double term = sec->students * (value - mean) * (value - mean);

        lxw_rowcol_to_cell(n, row, cn);
        lxw_rowcol_to_cell_abs(p, row, WB_W_P, 0, 1);
        lxw_rowcol_to_cell(x, row, cx);
        jh__cell_num(&w->book, ws, row, cn, jh_section_numerator(sec, ind),
                     w->f.num2);
        if (ind->scale == 1.0)
            snprintf(formula, sizeof(formula), "=%s/%s", n, p);
        else
            snprintf(formula, sizeof(formula), "=%s/%s*%s", n, p, scale);
        jh__cell_formula(&w->book, ws, row, cx, formula, value, w->f.num2);
        snprintf(formula, sizeof(formula), "=%s*(%s-%s)^2", p, x, mref);
        jh__cell_formula(&w->book, ws, row, ct, formula, term, w->f.num2);
        *sum_terms += term;
    }
}

/* Footer of one block: totals, weighted mean, SD and CV. */
static void
wb_working_footer(wb_writer *w, lxw_worksheet *ws, const jh_level_result *lr,
                  size_t k, double sum_terms)
{
    const jh_indicator *ind = &w->ctx->analysis->standard->indicators[k];
    const jh_indicator_stats *is = &lr->ind[k];
    const wb_working *wk = &w->working[lr->level];
    const lxw_col_t cn = wb_block_col(k, 0), cx = cn + 1, ct = cn + 2;
    const lxw_row_t last = wk->total_row - 1;
    char range[32], sp[16], sn[16], st[16], mean[16], sd[16], scale[32];
    char formula[128];

    jh__number_text(ind->scale, scale, sizeof(scale));
    lxw_rowcol_to_cell_abs(sp, wk->total_row, WB_W_P, 1, 1);
    lxw_rowcol_to_cell(sn, wk->total_row, cn);
    lxw_rowcol_to_cell(st, wk->total_row, ct);
    lxw_rowcol_to_cell(mean, wk->mean_row, cx);
    lxw_rowcol_to_cell(sd, wk->sd_row, cx);

    lxw_rowcol_to_range(range, wk->first, cn, last, cn);
    snprintf(formula, sizeof(formula), "=SUM(%s)", range);
    jh__cell_formula(&w->book, ws, wk->total_row, cn, formula, is->total,
                     w->f.num2);
    jh__cell_str(&w->book, ws, wk->total_row, cx, "", w->f.text);
    lxw_rowcol_to_range(range, wk->first, ct, last, ct);
    snprintf(formula, sizeof(formula), "=SUM(%s)", range);
    jh__cell_formula(&w->book, ws, wk->total_row, ct, formula, sum_terms,
                     w->f.num2);

    /* 加权平均数 = ΣN × scale / ΣP: the county total per student. */
    if (ind->scale == 1.0)
        snprintf(formula, sizeof(formula), "=%s/%s", sn, sp);
    else
        snprintf(formula, sizeof(formula), "=%s*%s/%s", sn, scale, sp);
    jh__cell_formula(&w->book, ws, wk->mean_row, cx, formula, is->mean,
                     w->f.num2);
    /* 标准差 = √(ΣP(X − mean)² / ΣP): population form, divided by P. */
    snprintf(formula, sizeof(formula), "=SQRT(%s/%s)", st, sp);
    jh__cell_formula(&w->book, ws, wk->sd_row, cx, formula, is->sd, w->f.num2);
    /* 差异系数 = SD / mean; undefined when the mean is 0. */
    if (is->cv_defined) {
        snprintf(formula, sizeof(formula), "=%s/%s", sd, mean);
        jh__cell_formula(&w->book, ws, wk->cv_row, cx, formula, is->cv,
                         is->cv_print_disagrees ? w->f.num3_flag
                         : is->cv_pass          ? w->f.num3
                                                : w->f.num3_bad);
    } else {
        jh__cell_str(&w->book, ws, wk->cv_row, cx, jh__wb_l(w, "undefined"),
                     w->f.bad_text);
    }
    for (lxw_row_t r = wk->mean_row; r <= wk->cv_row; r++) {
        jh__cell_str(&w->book, ws, r, cn, "", w->f.text);
        jh__cell_str(&w->book, ws, r, ct, "", w->f.text);
    }
}

void
jh__wb_working_sheet(wb_writer *w, lxw_worksheet *ws, const jh_level_result *lr)
{
    const jh_analysis *a = w->ctx->analysis;
    const jh_model *m = a->model;
    const jh_standard *std = a->standard;
    const wb_working *wk = &w->working[lr->level];
    const lxw_col_t last_col = wb_block_col(std->nindicators - 1, 2);
    static const char *const fixed[] = {"seq", "school", "students",
                                        "physical_share"};
    static const char *const parts[] = {"numerator", "value", "deviation_term"};
    static const char *const footer[] = {"total", "weighted_mean", "sd", "cv"};
    const double wblocks = WB_W_WIDTH * 3.0 * (double)std->nindicators;
    double wname = 10, head_height = 0.0;
    char buf[1024], range[32];
    lxw_row_t row;

    jh__wb_sheet_title(w, "title_working", (int)lr->level, buf, sizeof(buf));
    jh__cell_merge(&w->book, ws, 0, 0, 0, last_col, buf, w->f.title);
    jh__book_check(&w->book, worksheet_set_row(ws, 0, 24, NULL));
    for (lxw_col_t c = 0; c < WB_W_FIRST_BLOCK; c++)
        jh__cell_merge(&w->book, ws, 1, c, 2, c, jh__wb_l(w, fixed[c]),
                       w->f.header);
    for (size_t k = 0; k < std->nindicators; k++) {
        const jh_indicator *ind = &std->indicators[k];
        jh__cell_merge(&w->book, ws, 1, wb_block_col(k, 0), 1,
                       wb_block_col(k, 2),
                       jh__wb_with_unit(w, jh_indicator_name(ind, w->lang),
                                        jh__wb_unit(w, ind), buf, sizeof(buf)),
                       w->f.header);
        head_height = fmax(head_height, jh__wrap_height(buf, 3 * WB_W_WIDTH));
        for (int p = 0; p < 3; p++)
            jh__cell_str(&w->book, ws, 2, wb_block_col(k, p),
                         jh__wb_l(w, parts[p]), w->f.header);
    }
    jh__row_height(&w->book, ws, 1, head_height);

    for (size_t j = 0; j < lr->nsections; j++) {
        size_t si = lr->sections[j];
        const jh_section *sec = &m->sections[si];
        const jh_school *s = &m->county->schools[sec->school];
        row = wk->first + (lxw_row_t)j;
        jh__cell_num(&w->book, ws, row, WB_W_SEQ, (double)(j + 1), w->f.center);
        jh__cell_str(&w->book, ws, row, WB_W_NAME, s->name, w->f.text);
        jh__cell_num(&w->book, ws, row, WB_W_P, sec->students, w->f.general);
        jh__cell_num(&w->book, ws, row, WB_W_SHARE, sec->physical_share,
                     w->f.pct2);
        jh__text_fit(&wname, s->name);
    }
    for (size_t k = 0; k < std->nindicators; k++) {
        double sum_terms;
        wb_working_block(w, ws, lr, k, &sum_terms);
        wb_working_footer(w, ws, lr, k, sum_terms);
    }

    /* Footer labels and ΣP. */
    for (int i = 0; i < 4; i++) {
        row = wk->total_row + (lxw_row_t)i;
        jh__cell_str(&w->book, ws, row, WB_W_SEQ, "", w->f.text);
        jh__cell_str(&w->book, ws, row, WB_W_NAME, jh__wb_l(w, footer[i]),
                     w->f.total);
        jh__cell_str(&w->book, ws, row, WB_W_SHARE, "", w->f.text);
        if (i > 0)
            jh__cell_str(&w->book, ws, row, WB_W_P, "", w->f.text);
    }
    lxw_rowcol_to_range(range, wk->first, WB_W_P, wk->total_row - 1, WB_W_P);
    snprintf(buf, sizeof(buf), "=SUM(%s)", range);
    jh__cell_formula(&w->book, ws, wk->total_row, WB_W_P, buf, lr->students,
                     w->f.general);

    row = wk->cv_row + 2;
    jh__cell_merge(&w->book, ws, row, 0, row, last_col,
                   jh__wb_l(w, "formula_note"), w->f.note);
    jh__row_height(&w->book, ws, row,
                   jh__wrap_height(jh__wb_l(w, "formula_note"), wblocks));
    jh__cell_merge(&w->book, ws, row + 1, 0, row + 1, last_col,
                   jh__wb_l(w, "value_note"), w->f.note);
    jh__row_height(&w->book, ws, row + 1,
                   jh__wrap_height(jh__wb_l(w, "value_note"), wblocks));

    jh__col_width(&w->book, ws, WB_W_SEQ, WB_W_SEQ, 5);
    jh__col_width(&w->book, ws, WB_W_NAME, WB_W_NAME, wname);
    jh__col_width(&w->book, ws, WB_W_P, WB_W_P, 9);
    jh__col_width(&w->book, ws, WB_W_SHARE, WB_W_SHARE,
                  w->lang == JH_LANG_EN ? 9 : 10);
    for (lxw_col_t c = WB_W_FIRST_BLOCK; c <= last_col; c++)
        jh__col_width(&w->book, ws, c, c, WB_W_WIDTH);
    worksheet_freeze_panes(ws, wk->first, WB_W_P);
    jh__print_setup(&w->book, ws, 1, 2);
}

/* ---------------------------------------------------------------------- */
/* 排除与提示                                                               */

/* The place of a warning ("file:line:col"), without its message. */
static char *
wb_diag_location(const jh_diag *d, char *buf, size_t size)
{
    jh_diag copy = *d;
    size_t len;

    copy.message = (char *)"";
    jh_diag_format(&copy, buf, size);
    len = strlen(buf);
    /* jh_diag_format ends the place with ": " before the message */
    if (len >= 2 && buf[len - 2] == ':' && buf[len - 1] == ' ')
        buf[len - 2] = '\0';
    return buf;
}

void
jh__wb_excluded_sheet(wb_writer *w, lxw_worksheet *ws)
{
    const jh_model *m = w->ctx->analysis->model;
    const jh_diags *warn = w->ctx->warnings;
    const size_t nwarn = warn != NULL ? warn->count : 0;
    static const char *const heads[] = {"seq", "code", "school", "type",
                                        "reason"};
    static const char *const wheads[] = {"seq", "location", "code", "message"};
    double wcol[5] = {5, 10, 12, 10, 36};
    char buf[2048];
    lxw_row_t row = 0;

    /* Widths first: the warning rows' heights depend on them.  Column 1
     * holds codes (excluded) and places (warnings), column 2 names and
     * codes; the message spans columns 3 and 4. */
    for (size_t i = 0; i < m->nexcluded; i++) {
        const jh_school *s = &m->county->schools[m->excluded[i].school];
        jh__text_fit(&wcol[1], s->code);
        jh__text_fit(&wcol[2], s->name);
        jh__text_fit(&wcol[3], jh__wb_type_name(w, s->type));
        jh__text_fit(&wcol[4],
                     jh_exclusion_name(m->excluded[i].reason, w->lang));
    }
    for (size_t i = 0; i < nwarn; i++) {
        const jh_diag *d = &warn->items[i];
        jh__text_fit(&wcol[1], wb_diag_location(d, buf, sizeof(buf)));
        if (d->code != NULL)
            jh__text_fit(&wcol[2], d->code);
    }
    if (wcol[3] + wcol[4] < 60)
        wcol[4] = 60 - wcol[3];

    jh__wb_sheet_title(w, "title_excluded", -1, buf, sizeof(buf));
    jh__cell_merge(&w->book, ws, row, 0, row, 4, buf, w->f.title);
    jh__book_check(&w->book, worksheet_set_row(ws, row, 24, NULL));
    row++;
    jh__header_row(&w->book, ws, row, heads, 5, w->lang, w->f.header);
    row++;
    for (size_t i = 0; i < m->nexcluded; i++) {
        const jh_school *s = &m->county->schools[m->excluded[i].school];
        jh__cell_num(&w->book, ws, row, 0, (double)(i + 1), w->f.center);
        jh__cell_str(&w->book, ws, row, 1, s->code, w->f.text);
        jh__cell_str(&w->book, ws, row, 2, s->name, w->f.text);
        jh__cell_str(&w->book, ws, row, 3, jh__wb_type_name(w, s->type),
                     w->f.text);
        jh__cell_str(&w->book, ws, row, 4,
                     jh_exclusion_name(m->excluded[i].reason, w->lang),
                     w->f.text);
        row++;
    }
    if (m->nexcluded == 0) {
        jh__cell_merge(&w->book, ws, row, 0, row, 4, jh__wb_l(w, "none"),
                       w->f.text);
        row++;
    }

    row++;
    jh__cell_str(&w->book, ws, row++, 0, jh__wb_l(w, "title_warnings"),
                 w->f.section);
    jh__header_row(&w->book, ws, row, wheads, 3, w->lang, w->f.header);
    jh__cell_merge(&w->book, ws, row, 3, row, 4, jh__wb_l(w, wheads[3]),
                   w->f.header);
    row++;
    for (size_t i = 0; i < nwarn; i++) {
        const jh_diag *d = &warn->items[i];
        jh__cell_num(&w->book, ws, row, 0, (double)(i + 1), w->f.center);
        jh__cell_str(&w->book, ws, row, 1,
                     wb_diag_location(d, buf, sizeof(buf)), w->f.wrap);
        const char *msg = jh_diag_message(d, w->lang == JH_LANG_ZH);
        jh__row_height(&w->book, ws, row,
                       fmax(jh__wrap_height(buf, wcol[1]),
                            jh__wrap_height(msg, wcol[3] + wcol[4])));
        jh__cell_str(&w->book, ws, row, 2, d->code != NULL ? d->code : "",
                     w->f.text);
        jh__cell_merge(&w->book, ws, row, 3, row, 4, msg, w->f.wrap);
        row++;
    }
    if (nwarn == 0)
        jh__cell_merge(&w->book, ws, row, 0, row, 4, jh__wb_l(w, "none"),
                       w->f.text);

    for (lxw_col_t c = 0; c < 5; c++)
        jh__col_width(&w->book, ws, c, c, wcol[c]);
    worksheet_freeze_panes(ws, 2, 0);
    jh__print_setup(&w->book, ws, 1, 1);
}
