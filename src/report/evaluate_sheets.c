/* junheng - the evaluation's own workbook sheets (see evaluate_sheets.h). */
#include "evaluate_sheets.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "evaluate_words.h"
#include "junheng/result_words.h"
#include "util.h"

/* ---- workbook
 * ---------------------------------------------------------------- */

lxw_format *
jh__ev_format(jh__book *b, lxw_color_t fill, lxw_color_t font, bool bold)
{
    lxw_format *f = workbook_add_format(b->wb);

    if (f == NULL) {
        jh__book_check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return NULL;
    }
    format_set_font_name(f, "Noto Sans CJK SC");
    format_set_font_size(f, 10);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    format_set_align(f, LXW_ALIGN_CENTER);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_text_wrap(f);
    if (fill != 0)
        format_set_bg_color(f, fill);
    if (font != 0)
        format_set_font_color(f, font);
    if (bold)
        format_set_bold(f);
    return f;
}

static lxw_format *
verdict_format(const jh__ev_formats *ef, jh_verdict v)
{
    return v == JH_V_PASS   ? ef->pass
           : v == JH_V_FAIL ? ef->fail
                            : ef->incomplete;
}

/* Row height for @p text in a column @p width characters wide. */
static double
height_for(const char *text, double width)
{
    size_t len = strlen(text), lines_n = 1;

    for (const char *p = text; *p != '\0'; p++)
        lines_n += *p == '\n';
    /* UTF-8 Chinese: 3 bytes, 2 columns each; roughly len / 1.5 columns */
    lines_n += (size_t)((double)len / 1.5 / width);
    return 14.0 * (double)lines_n + 4.0;
}

static void
merge(jh__book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c1, lxw_col_t c2,
      const char *s, lxw_format *f)
{
    jh__book_check(b, worksheet_merge_range(ws, r, c1, r, c2, s, f));
}

/*
 * Long texts in cells.  A cell holds at most 32,767 characters and a row
 * is at most 409 points high, so a long list (every failing school) or a
 * long note goes on in the rows below, never cut: pieces of at most
 * CELL_LINES lines and CELL_BYTES bytes, cut at a line end, else after a
 * space or a CJK punctuation mark, else between two UTF-8 characters.
 */
#define CELL_LINES 24
#define CELL_BYTES 6000

typedef struct piece {
    const char *s;
    size_t n;
} piece;

/* True when @p p starts a UTF-8 character. */
static bool
char_start(const char *p)
{
    return ((unsigned char)*p & 0xC0) != 0x80;
}

/* Length of the next piece of @p text (of @p len bytes), and in *skip the
 * separator it ends with (a line end, dropped). */
static size_t
next_piece(const char *text, size_t len, size_t *skip)
{
    size_t lines_n = 0, cut = 0, soft = 0;

    *skip = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\n') {
            if (++lines_n == CELL_LINES) {
                *skip = 1;
                return i;
            }
            cut = i;
        }
        if (i >= CELL_BYTES) {
            if (cut > 0) {
                *skip = 1;
                return cut;
            }
            /* One long line: after the last space or CJK punctuation
             * (，。；、 are E3 80 81/82, EF BC 8C/9B) in the piece, else at
             * a character boundary. */
            if (soft > CELL_BYTES / 2)
                return soft;
            while (i > 0 && !char_start(text + i))
                i--;
            return i;
        }
        if (text[i] == ' ')
            soft = i + 1;
        else if (i >= 2 && (unsigned char)text[i - 2] >= 0xE3 &&
                 ((text[i - 2] == '\xE3' && text[i - 1] == '\x80' &&
                   (text[i] == '\x81' || text[i] == '\x82')) ||
                  (text[i - 2] == '\xEF' && text[i - 1] == '\xBC' &&
                   (text[i] == '\x8C' || text[i] == '\x9B'))))
            soft = i + 1;
    }
    return len;
}

/* Split @p text into pieces (malloc'd, *out); returns how many (at least
 * 1), 0 when out of memory. */
static size_t
split_cells(const char *text, piece **out)
{
    size_t len = strlen(text), n = 0, cap = 4;
    piece *v = malloc(cap * sizeof(*v));

    if (v == NULL)
        return 0;
    do {
        size_t skip, k = next_piece(text, len, &skip);
        if (n == cap) {
            piece *w = realloc(v, cap * 2 * sizeof(*v));
            if (w == NULL) {
                free(v);
                return 0;
            }
            v = w;
            cap *= 2;
        }
        v[n].s = text;
        v[n].n = k;
        n++;
        text += k + skip;
        len -= k + skip;
    } while (len > 0);
    *out = v;
    return n;
}

/* Write piece @p pc (or a blank) into a cell. */
static void
cell_piece(jh__book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
           const piece *pc, lxw_format *f)
{
    char *t;

    if (pc == NULL || pc->n == 0) {
        jh__cell_str(b, ws, r, c, "", f);
        return;
    }
    t = malloc(pc->n + 1);
    if (t == NULL) {
        jh__book_check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    memcpy(t, pc->s, pc->n);
    t[pc->n] = '\0';
    jh__cell_str(b, ws, r, c, t, f);
    free(t);
}

/* Height for piece @p pc in a column @p width characters wide. */
static double
piece_height(const piece *pc, double width)
{
    size_t len, lines_n = 1;

    if (pc == NULL)
        return 0;
    len = pc->n;
    for (size_t i = 0; i < len; i++)
        lines_n += pc->s[i] == '\n';
    lines_n += (size_t)((double)len / 1.5 / width);
    return 14.0 * (double)lines_n + 4.0;
}

/* One item's rows of 总评 from row *@p row (moved past them): its name,
 * limits and verdict, its conclusion and what it needs to pass split over
 * as many rows as they take.  Returns false when memory ran out. */
static bool
overview_item(jh__book *b, lxw_worksheet *ws, lxw_row_t *row,
              const jh_report_context *ctx, const jh_evaluation *ev,
              const jh_eval_item *it, const jh__ev_formats *ef,
              const double *widths)
{
    jh_lang lang = ctx->lang;
    char buf[4096], lim[1024];
    jh__ev_lines act = {0};
    jh__ev_sbuf text = {0}, actions = {0};
    piece *pt = NULL, *pa = NULL;
    size_t nt, na, nrows;
    double h;

    jh__ev_item_actions(&act, ctx, ev, it);
    for (size_t k = 0; k < act.n; k++)
        jh__ev_sb_add(&actions, "%s%s", k > 0 ? "\n" : "", act.v[k]);
    actions.nomem = actions.nomem || act.nomem;
    jh__ev_lines_release(&act);
    jh__ev_conclusion(ev, it, lang, &text);
    nt = split_cells(jh__ev_sb_str(&text), &pt);
    na = split_cells(jh__ev_sb_str(&actions), &pa);
    if (text.nomem || actions.nomem || nt == 0 || na == 0) {
        jh__book_check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
        free(pt);
        free(pa);
        jh__ev_sb_release(&text);
        jh__ev_sb_release(&actions);
        return false;
    }
    nrows = nt > na ? nt : na;
    jh__cell_str(b, ws, *row, 0, jh__ev_part_name(it->part, lang), b->f.text);
    jh__cell_num(b, ws, *row, 1, it->number, ef->center);
    snprintf(buf, sizeof(buf), "%s%s", jh__ev_item_name(it, lang),
             it->computed ? jh_label(lang, "ev_computed_mark") : "");
    jh__cell_str(b, ws, *row, 2, buf, b->f.wrap);
    jh__cell_str(b, ws, *row, 4, jh__ev_limits(it, lang, lim, sizeof(lim)),
                 b->f.wrap);
    jh__cell_str(b, ws, *row, 5, jh__ev_verdict_word(lang, it->verdict),
                 verdict_format(ef, it->verdict));
    for (size_t k = 0; k < nrows; k++, (*row)++) {
        h = k == 0 ? height_for(buf, widths[2]) : 18;
        if (k > 0) {
            /* a continuation row: the item's place, marked */
            jh__cell_str(b, ws, *row, 0, jh__ev_part_name(it->part, lang),
                         b->f.text);
            jh__cell_num(b, ws, *row, 1, it->number, ef->center);
            jh__cell_str(b, ws, *row, 2, jh_label(lang, "ev_continued"),
                         b->f.wrap);
            jh__cell_str(b, ws, *row, 4, "", b->f.wrap);
            jh__cell_str(b, ws, *row, 5, "", b->f.text);
        }
        cell_piece(b, ws, *row, 3, k < nt ? &pt[k] : NULL, b->f.wrap);
        cell_piece(b, ws, *row, 6, k < na ? &pa[k] : NULL, b->f.wrap);
        h = fmax(h, piece_height(k < nt ? &pt[k] : NULL, widths[3]));
        h = fmax(h, piece_height(k < na ? &pa[k] : NULL, widths[6]));
        jh__book_check(b, worksheet_set_row(ws, *row, fmin(h, 400), NULL));
    }
    free(pt);
    free(pa);
    jh__ev_sb_release(&text);
    jh__ev_sb_release(&actions);
    return true;
}

/* The facts missing and the facts the school data contradict, from row
 * @p row. */
static void
overview_facts(jh__book *b, lxw_worksheet *ws, lxw_row_t row, jh_lang lang,
               const jh_evaluation *ev, const jh__ev_formats *ef)
{
    char buf[4096], lim[1024];

    row++;
    jh__cell_str(b, ws, row++, 0, jh_label(lang, "ev_missing"), b->f.title);
    if (ev->nmissing == 0)
        jh__cell_str(b, ws, row++, 0, jh_label(lang, "ev_none"), b->f.text);
    for (size_t i = 0; i < ev->nmissing; i++, row++) {
        jh__cell_str(b, ws, row, 0, jh_fact_key(ev->missing[i]), b->f.text);
        merge(b, ws, row, 1, 3,
              lang == JH_LANG_EN ? jh_fact_en(ev->missing[i])
                                 : jh_fact_zh(ev->missing[i]),
              b->f.text);
    }
    row++;
    jh__cell_str(b, ws, row++, 0, jh_label(lang, "ev_contradictions"),
                 b->f.title);
    if (ev->ncontradictions == 0)
        jh__cell_str(b, ws, row++, 0, jh_label(lang, "ev_none"), b->f.text);
    for (size_t i = 0; i < ev->ncontradictions; i++, row++) {
        const jh_contradiction *cd = &ev->contradictions[i];
        char place[1100];
        jh__cell_str(b, ws, row, 0, jh_fact_key(cd->fact), b->f.text);
        merge(b, ws, row, 1, 2,
              lang == JH_LANG_EN ? jh_fact_en(cd->fact) : jh_fact_zh(cd->fact),
              b->f.text);
        snprintf(buf, sizeof(buf), "%s %s / %s %s", jh_label(lang, "ev_stated"),
                 jh__ev_trimmed(cd->stated, 2, lim, 64),
                 jh_label(lang, "ev_computed"),
                 jh__ev_trimmed(cd->computed, 2, lim + 64, 64));
        merge(b, ws, row, 3, 4, buf, ef->fail);
        /* where each figure is: the fact's line or cell, the school data */
        snprintf(buf, sizeof(buf), "%s; %s",
                 jh__ev_fact_place(ev, cd->fact, place, sizeof(place)),
                 ev->analysis->model->county->source);
        merge(b, ws, row, 5, 6, buf, b->f.wrap);
    }
}

/* 总评: the verdict, every item, what must change. */
void
jh__ev_overview_sheet(jh__book *b, lxw_worksheet *ws,
                      const jh_report_context *ctx, const jh_evaluation *ev,
                      const jh__ev_formats *ef)
{
    jh_lang lang = ctx->lang;
    static const char *const heads[] = {"ev_part",       "ev_seq",   "ev_item",
                                        "ev_conclusion", "ev_limit", "ev_met",
                                        "ev_to_pass"};
    static const double widths[] = {12, 5, 40, 40, 20, 9, 50};
    char buf[4096];
    lxw_row_t row = 0;

    snprintf(buf, sizeof(buf), "%s %s", ctx->county_name,
             jh_label(lang, "ev_title"));
    merge(b, ws, row, 0, 6, buf, b->f.title);
    row++;
    snprintf(buf, sizeof(buf), "%s：%s (%s)；%s：%s",
             jh_label(lang, "ev_standard"), ev->standard->id,
             ev->standard->source, jh_label(lang, "ev_facts"),
             ev->facts->source);
    merge(b, ws, row++, 0, 6, buf, b->f.note);
    row++;
    jh__cell_str(b, ws, row, 0, jh_label(lang, "ev_verdict"), b->f.header);
    merge(b, ws, row, 1, 6, jh__ev_county_word(lang, ev->verdict),
          verdict_format(ef, ev->verdict));
    jh__book_check(b, worksheet_set_row(ws, row, 24, NULL));
    row++;
    for (int p = 0; p < JH_PART_COUNT; p++) {
        jh__cell_str(b, ws, row, 0, jh__ev_part_name((jh_part)p, lang),
                     b->f.text);
        merge(b, ws, row, 1, 6,
              p == JH_PART_VETO
                  ? jh_label(lang, ev->part[p] == JH_V_FAIL ? "ev_veto_tripped"
                                   : ev->part[p] == JH_V_PASS
                                       ? "ev_veto_clear"
                                       : "ev_item_incomplete")
                  : jh__ev_verdict_word(lang, ev->part[p]),
              verdict_format(ef, ev->part[p]));
        row++;
    }
    row++;
    for (int c = 0; c < 7; c++)
        jh__cell_str(b, ws, row, (lxw_col_t)c, jh_label(lang, heads[c]),
                     b->f.header);
    jh__book_check(b, worksheet_repeat_rows(ws, row, row));
    row++;
    for (size_t i = 0; i < ev->nitems; i++)
        if (!overview_item(b, ws, &row, ctx, ev, &ev->items[i], ef, widths))
            return;
    overview_facts(b, ws, row, lang, ev, ef);
    for (int c = 0; c < 7; c++)
        jh__col_width(b, ws, (lxw_col_t)c, (lxw_col_t)c, widths[c]);
}

/* A row of 表Ⅰ: its figure, the school table's own, where the figure
 * comes from and the fact that states it. */
typedef struct t1_row {
    const char *zh, *en;
    double value;  /* the figure of 表Ⅰ (NAN: none) */
    double school; /* the school table's own (NAN: it lacks it) */
    jh_t1_source from;
    jh_fact_id fact;
} t1_row;

/* The cells of row @p row of 表Ⅰ, numbered @p seq, for figure @p r. */
static void
t1_cells(jh__book *b, lxw_worksheet *ws, lxw_row_t row, size_t seq,
         jh_lang lang, const jh_evaluation *ev, const t1_row *r,
         const jh__ev_formats *ef)
{
    const jh_table1 *t1 = &ev->table1;
    bool en = lang == JH_LANG_EN;
    char buf[1100];
    const jh_fact *f = &ev->facts->fact[r->fact];
    bool teachers =
        r->fact == JH_F_TEACHERS_PRIMARY || r->fact == JH_F_TEACHERS_JUNIOR;
    lxw_format *num =
        teachers && t1->teachers_estimated ? b->f.num2 : b->f.num0;
    /* compared only when both are real figures */
    bool both = f->given && !isnan(r->school);
    bool differs = both && fabs(f->value - r->school) >= 0.5;

    jh__cell_num(b, ws, row, 0, (double)seq, ef->center);
    jh__cell_str(b, ws, row, 1, en ? r->en : r->zh, b->f.text);
    if (isnan(r->value))
        jh__cell_str(b, ws, row, 2, jh_label(lang, "ev_not_given"),
                     ef->incomplete);
    else
        jh__cell_num(b, ws, row, 2, r->value,
                     r->from == JH_T1_FACTS ? b->f.num0 : num);
    if (r->from == JH_T1_SCHOOLS)
        jh__cell_str(b, ws, row, 3, jh_label(lang, "ev_from_schools"),
                     b->f.text);
    else if (r->from == JH_T1_FACTS) {
        char place[1100];
        snprintf(buf, sizeof(buf), "%s %s", jh_label(lang, "ev_from_facts"),
                 jh__ev_fact_place(ev, r->fact, place, sizeof(place)));
        jh__cell_str(b, ws, row, 3, buf, b->f.text);
    } else
        jh__cell_str(b, ws, row, 3, "", b->f.text);
    if (isnan(r->school))
        jh__cell_str(b, ws, row, 4, jh_label(lang, "ev_schools_lack"),
                     b->f.text);
    else
        jh__cell_num(b, ws, row, 4, r->school, num);
    if (f->given)
        jh__cell_num(b, ws, row, 5, f->value, b->f.num0);
    else
        jh__cell_str(b, ws, row, 5, "", b->f.text);
    if (both)
        jh__cell_str(b, ws, row, 6, jh_label(lang, differs ? "no" : "yes"),
                     differs ? ef->fail : ef->pass);
    else
        jh__cell_str(b, ws, row, 6, "", b->f.text);
}

/* 表Ⅰ: the county's schools: the school table's figures where it has them,
 * else the facts file's; the stated count beside the school data's. */
void
jh__ev_table1_sheet(jh__book *b, lxw_worksheet *ws,
                    const jh_report_context *ctx, const jh_evaluation *ev,
                    const jh__ev_formats *ef)
{
    const jh_table1 *t1 = &ev->table1;
    jh_lang lang = ctx->lang;
    const jh_t1_source S = JH_T1_SCHOOLS;
    const t1_row rows[] = {
        {"小学数（所）", "Primary schools",
         (double)t1->schools[JH_TYPE_PRIMARY],
         (double)t1->schools[JH_TYPE_PRIMARY], S, JH_F_SCHOOLS_PRIMARY},
        {"初中数（所）", "Junior schools", (double)t1->schools[JH_TYPE_JUNIOR],
         (double)t1->schools[JH_TYPE_JUNIOR], S, JH_F_SCHOOLS_JUNIOR},
        {"九年一贯制学校数（所）", "Nine-year schools",
         (double)t1->schools[JH_TYPE_NINE_YEAR],
         (double)t1->schools[JH_TYPE_NINE_YEAR], S, JH_F_SCHOOLS_NINE_YEAR},
        {"十二年一贯制学校数（所）", "Twelve-year schools",
         (double)t1->schools[JH_TYPE_TWELVE_YEAR],
         (double)t1->schools[JH_TYPE_TWELVE_YEAR], S, JH_F_SCHOOLS_TWELVE_YEAR},
        {"完全中学数（所）", "Complete secondary schools",
         (double)t1->schools[JH_TYPE_COMPLETE_SECONDARY],
         (double)t1->schools[JH_TYPE_COMPLETE_SECONDARY], S,
         JH_F_SCHOOLS_COMPLETE_SECONDARY},
        {"教学点数（个）", "Teaching points",
         (double)t1->schools[JH_TYPE_TEACHING_POINT],
         (double)t1->schools[JH_TYPE_TEACHING_POINT], S, JH_F_TEACHING_POINTS},
        {"其中在校生50人及以上教学点数（个）",
         "of which with 50 or more pupils", (double)t1->teaching_points_50plus,
         (double)t1->teaching_points_50plus, S, JH_F_TEACHING_POINTS_50PLUS},
        {"小学班级数（个）", "Primary classes", t1->classes[0],
         t1->classes_schools[0], t1->classes_from[0], JH_F_CLASSES_PRIMARY},
        {"初中班级数（个）", "Junior classes", t1->classes[1],
         t1->classes_schools[1], t1->classes_from[1], JH_F_CLASSES_JUNIOR},
        {"小学在校生数（人）", "Primary pupils", t1->students[0],
         t1->students[0], t1->students_from[0], JH_F_STUDENTS_PRIMARY},
        {"初中在校生数（人）", "Junior pupils", t1->students[1],
         t1->students[1], t1->students_from[1], JH_F_STUDENTS_JUNIOR},
        {"小学专任教师数（人）", "Primary full-time teachers", t1->teachers[0],
         t1->teachers_schools[0], t1->teachers_from[0], JH_F_TEACHERS_PRIMARY},
        {"初中专任教师数（人）", "Junior full-time teachers", t1->teachers[1],
         t1->teachers_schools[1], t1->teachers_from[1], JH_F_TEACHERS_JUNIOR},
    };
    static const char *const heads[] = {
        "ev_seq",      "ev_item",   "ev_t1_value",  "ev_t1_source",
        "ev_computed", "ev_stated", "ev_consistent"};
    lxw_row_t row = 0;
    char buf[1100];

    snprintf(buf, sizeof(buf), "%s %s", ctx->county_name,
             jh_label(lang, "ev_t1_title"));
    merge(b, ws, row++, 0, 6, buf, b->f.title);
    for (int c = 0; c < 7; c++)
        jh__cell_str(b, ws, row, (lxw_col_t)c, jh_label(lang, heads[c]),
                     b->f.header);
    row++;
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++, row++)
        t1_cells(b, ws, row, i + 1, lang, ev, &rows[i], ef);
    if (t1->teachers_estimated) {
        row++;
        merge(b, ws, row, 0, 6, jh_label(lang, "ev_estimated"), b->f.note);
    }
    jh__col_width(b, ws, 0, 0, 5);
    jh__col_width(b, ws, 1, 1, 36);
    jh__col_width(b, ws, 2, 2, 12);
    jh__col_width(b, ws, 3, 3, 28);
    jh__col_width(b, ws, 4, 6, 14);
}

/* 表Ⅳ and 表Ⅴ: 序号 | 名称 | 指标值或简要结论 | 是否达标; a long
 * conclusion goes on in the rows below. */
void
jh__ev_items_sheet(jh__book *b, lxw_worksheet *ws, const jh_report_context *ctx,
                   const jh_evaluation *ev, jh_part part, const char *title,
                   const jh__ev_formats *ef)
{
    jh_lang lang = ctx->lang;
    lxw_row_t row = 0;
    char buf[1100];

    snprintf(buf, sizeof(buf), "%s %s", ctx->county_name,
             jh_label(lang, title));
    merge(b, ws, row++, 0, 3, buf, b->f.title);
    jh__cell_str(b, ws, row, 0, jh_label(lang, "ev_seq"), b->f.header);
    jh__cell_str(b, ws, row, 1, jh_label(lang, "ev_name"), b->f.header);
    jh__cell_str(b, ws, row, 2, jh_label(lang, "ev_conclusion"), b->f.header);
    jh__cell_str(b, ws, row, 3, jh_label(lang, "ev_met"), b->f.header);
    row++;
    for (size_t i = 0; i < ev->nitems; i++) {
        const jh_eval_item *it = &ev->items[i];
        jh__ev_sbuf text = {0};
        piece *pt = NULL;
        size_t nt;
        double h;
        if (it->part != part)
            continue;
        jh__ev_conclusion(ev, it, lang, &text);
        nt = split_cells(jh__ev_sb_str(&text), &pt);
        if (text.nomem || nt == 0) {
            jh__book_check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
            jh__ev_sb_release(&text);
            free(pt);
            return;
        }
        jh__cell_num(b, ws, row, 0, it->number, ef->center);
        jh__cell_str(b, ws, row, 1, jh__ev_item_name(it, lang), b->f.wrap);
        jh__cell_str(b, ws, row, 3,
                     it->verdict == JH_V_PASS ? jh_label(lang, "yes")
                     : it->verdict == JH_V_FAIL
                         ? jh_label(lang, "no")
                         : jh_label(lang, "ev_not_given"),
                     verdict_format(ef, it->verdict));
        for (size_t k = 0; k < nt; k++, row++) {
            h = k == 0 ? height_for(jh__ev_item_name(it, lang), 44) : 18;
            if (k > 0) {
                jh__cell_num(b, ws, row, 0, it->number, ef->center);
                jh__cell_str(b, ws, row, 1, jh_label(lang, "ev_continued"),
                             b->f.wrap);
                jh__cell_str(b, ws, row, 3, "", b->f.text);
            }
            cell_piece(b, ws, row, 2, &pt[k], b->f.wrap);
            h = fmax(h, piece_height(&pt[k], 44));
            jh__book_check(b, worksheet_set_row(ws, row, fmin(h, 400), NULL));
        }
        free(pt);
        jh__ev_sb_release(&text);
    }
    jh__col_width(b, ws, 0, 0, 5);
    jh__col_width(b, ws, 1, 2, 44);
    jh__col_width(b, ws, 3, 3, 9);
}

/* 表Ⅵ: the survey, with the shares as live formulas. */
void
jh__ev_table6_sheet(jh__book *b, lxw_worksheet *ws,
                    const jh_report_context *ctx, const jh_evaluation *ev,
                    const jh__ev_formats *ef)
{
    jh_lang lang = ctx->lang;
    bool en = lang == JH_LANG_EN;
    const jh_fact *f = ev->facts->fact;
    const jh_eval_item *it = NULL;
    lxw_row_t row = 0, first;
    char buf[512], formula[256];

    for (size_t i = 0; i < ev->nitems; i++) {
        if (ev->items[i].part == JH_PART_RECOGNITION)
            it = &ev->items[i];
    }
    snprintf(buf, sizeof(buf), "%s %s", ctx->county_name,
             jh_label(lang, "ev_t6_title"));
    merge(b, ws, row++, 0, 2, buf, b->f.title);
    jh__cell_str(b, ws, row, 0, jh_label(lang, "ev_seq"), b->f.header);
    jh__cell_str(b, ws, row, 1, jh_label(lang, "ev_item"), b->f.header);
    jh__cell_str(b, ws, row, 2, jh_label(lang, "ev_count"), b->f.header);
    row++;
    first = row;
    /* rows first .. first + 6: the seven survey counts, in fact order */
    for (int k = JH_F_QUESTIONNAIRES_ISSUED; k <= JH_F_PARENTS_SATISFIED;
         k++, row++) {
        jh__cell_num(b, ws, row, 0, (double)(row - first + 1), ef->center);
        jh__cell_str(b, ws, row, 1,
                     en ? jh_fact_en((jh_fact_id)k) : jh_fact_zh((jh_fact_id)k),
                     b->f.text);
        if (f[k].given)
            jh__cell_num(b, ws, row, 2, f[k].value, b->f.num0);
        else
            jh__cell_str(b, ws, row, 2, jh_label(lang, "ev_not_given"),
                         ef->incomplete);
    }
    /* recognition = (C[valid+1] + C[visits_sat]) / (C[valid] + C[visits]) */
    jh__cell_num(b, ws, row, 0, (double)(row - first + 1), ef->center);
    jh__cell_str(b, ws, row, 1,
                 en ? "Social recognition" : "社会认可度（满意人数/有效人数）",
                 b->f.text);
    if (isfinite(ev->recognition)) {
        unsigned r0 = (unsigned)first + 1; /* Excel rows are 1-based */
        if (f[JH_F_VISITS].given)
            snprintf(formula, sizeof(formula), "=(C%u+C%u)/(C%u+C%u)", r0 + 2,
                     r0 + 4, r0 + 1, r0 + 3);
        else
            snprintf(formula, sizeof(formula), "=C%u/C%u", r0 + 2, r0 + 1);
        jh__cell_formula(b, ws, row, 2, formula, ev->recognition,
                         it != NULL && it->verdict == JH_V_FAIL ? ef->fail
                                                                : b->f.pct);
    } else {
        jh__cell_str(b, ws, row, 2, jh_label(lang, "ev_not_given"),
                     ef->incomplete);
    }
    row++;
    jh__cell_num(b, ws, row, 0, (double)(row - first + 1), ef->center);
    jh__cell_str(b, ws, row, 1, en ? "Of which parents" : "其中家长认可度",
                 b->f.text);
    if (isfinite(ev->parents_recognition)) {
        unsigned r0 = (unsigned)first + 1;
        snprintf(formula, sizeof(formula), "=C%u/C%u", r0 + 6, r0 + 5);
        jh__cell_formula(b, ws, row, 2, formula, ev->parents_recognition,
                         b->f.pct);
    } else {
        jh__cell_str(b, ws, row, 2, "—", ef->center);
    }
    row++;
    if (it != NULL) {
        char lim[256];
        jh__cell_str(b, ws, row, 1, jh_label(lang, "ev_limit"), b->f.text);
        jh__cell_str(b, ws, row, 2, jh__ev_limits(it, lang, lim, sizeof(lim)),
                     ef->center);
        row++;
        jh__cell_str(b, ws, row, 1, jh_label(lang, "ev_met"), b->f.text);
        jh__cell_str(b, ws, row, 2,
                     it->verdict == JH_V_PASS ? jh_label(lang, "yes")
                     : it->verdict == JH_V_FAIL
                         ? jh_label(lang, "no")
                         : jh_label(lang, "ev_not_given"),
                     verdict_format(ef, it->verdict));
    }
    jh__col_width(b, ws, 0, 0, 5);
    jh__col_width(b, ws, 1, 1, 36);
    jh__col_width(b, ws, 2, 2, 24);
}
