/*
 * junheng - the county facts reader (include/junheng/facts.h): a table of
 * item, value and note rows into the facts the evaluation judges.  Every
 * problem is listed with its line and cell; the checking of values (shares,
 * counts, 是/否, monitoring levels) happens here, the judging in
 * src/stats/evaluate.c.
 */
#include "junheng/facts.h"
#include "junheng/school_reader.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cell.h"
#include "util.h"

/* ---- reading the facts file ------------------------------------------- */

/* Rows searched for the header. */
#define FACTS_HEADER_ROWS 10

static bool
word_in(const char *s, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (strcasecmp(s, words[i]) == 0)
            return true;
    }
    return false;
}

/* Copy a trimmed cell into @p buf. */
static void
cell_text(const jh_table *t, size_t row, size_t col, char *buf, size_t size)
{
    snprintf(buf, size, "%s", jh_table_cell(t, row, col));
    jh__trim(buf);
}

/* A monitoring level: Ⅰ–Ⅳ, I–IV, 1–4, 一级–四级, with an optional 级. */
static bool
parse_level(const char *text, double *out)
{
    static const char *const names[4][4] = {{"Ⅰ", "I", "1", "一"},
                                            {"Ⅱ", "II", "2", "二"},
                                            {"Ⅲ", "III", "3", "三"},
                                            {"Ⅳ", "IV", "4", "四"}};
    char buf[64];
    size_t n;

    snprintf(buf, sizeof(buf), "%.60s", text);
    jh__trim(buf);
    n = strlen(buf);
    if (n >= 3 && strcmp(buf + n - 3, "级") == 0)
        buf[n - 3] = '\0';
    jh__trim(buf);
    for (int l = 0; l < 4; l++) {
        for (int k = 0; k < 4; k++) {
            if (strcasecmp(buf, names[l][k]) == 0) {
                *out = l + 1;
                return true;
            }
        }
    }
    return false;
}

static bool
parse_yesno(const char *text, double *out)
{
    static const char *const yes[] = {"是", "yes",  "y",   "true",
                                      "有", "达到", "符合"};
    static const char *const no[] = {"否", "no",     "n",     "false",
                                     "无", "未达到", "不符合"};
    if (word_in(text, yes, sizeof(yes) / sizeof(yes[0]))) {
        *out = 1;
        return true;
    }
    if (word_in(text, no, sizeof(no) / sizeof(no[0]))) {
        *out = 0;
        return true;
    }
    return false;
}

/*
 * Read @p text as a value of @p kind into *out.  On failure writes what is
 * wrong into @p why (English) and @p why_zh (Chinese), both of @p size
 * bytes, and returns false.
 */
static bool
parse_value(jh_fact_kind kind, const char *text, double *out, char *why,
            char *why_zh, size_t size)
{
    jh__number num;
    bool percent;
    double v;

    switch (kind) {
    case JH_FK_YESNO:
        if (parse_yesno(text, out))
            return true;
        snprintf(why, size, "'%.120s' is neither 是 nor 否", text);
        snprintf(why_zh, size, "“%.120s”不是“是”或“否”", text);
        return false;
    case JH_FK_LEVEL:
        if (parse_level(text, out))
            return true;
        snprintf(why, size, "'%.120s' is not a monitoring level (Ⅰ, Ⅱ, Ⅲ or Ⅳ)",
                 text);
        snprintf(why_zh, size, "“%.120s”不是监测水平（Ⅰ、Ⅱ、Ⅲ或Ⅳ）", text);
        return false;
    default:
        break;
    }
    if (!jh__parse_number(
            text, JH__NUM_PERCENT | (kind == JH_FK_NUMBER ? JH__NUM_YUAN : 0u),
            &num) ||
        num.value < 0) {
        snprintf(why, size, "'%.120s' is not a %s", text,
                 kind == JH_FK_SHARE   ? "share (0.95 or 95%)"
                 : kind == JH_FK_COUNT ? "count"
                                       : "number");
        snprintf(why_zh, size, "“%.120s”不是%s", text,
                 kind == JH_FK_SHARE   ? "比例（填 0.95 或 95%）"
                 : kind == JH_FK_COUNT ? "人数或个数"
                                       : "数值");
        return false;
    }
    percent = num.percent;
    v = num.value;
    if (percent && kind != JH_FK_SHARE && kind != JH_FK_NUMBER) {
        snprintf(why, size, "'%.120s' is a percentage, not a count", text);
        snprintf(why_zh, size, "“%.120s”是百分数，这里要填人数或个数", text);
        return false;
    }
    if (kind == JH_FK_SHARE && v > 1 + 1e-12) {
        snprintf(why, size,
                 percent ? "'%.120s' is more than 100%%"
                         : "'%.120s' is more than 1 (write 0.95 or 95%%)",
                 text);
        snprintf(why_zh, size,
                 percent ? "“%.120s”超过100%%"
                         : "“%.120s”大于1（填 0.95 或 95%%）",
                 text);
        return false;
    }
    if (kind == JH_FK_COUNT && (v != floor(v) || v > JH_MAX_QUANTITY)) {
        snprintf(why, size, "'%.120s' is not a whole number", text);
        snprintf(why_zh, size, "“%.120s”不是整数", text);
        return false;
    }
    if (v > JH_MAX_QUANTITY) {
        snprintf(why, size, "'%.120s' is implausibly large", text);
        snprintf(why_zh, size, "“%.120s”大得不合理", text);
        return false;
    }
    *out = v;
    return true;
}

void
jh_facts_free(jh_facts *f)
{
    if (f == NULL)
        return;
    for (int i = 0; i < JH_F_COUNT; i++)
        free(f->fact[i].note);
    free(f->source);
    free(f);
}

/* The columns of a facts table: item, value, optional note (-1). */
typedef struct fact_cols {
    size_t head; /* the header row */
    long item, value, note;
} fact_cols;

/* Find the header among the first FACTS_HEADER_ROWS rows: true with
 * @p c filled when a row names an item and a value column. */
static bool
find_header(const jh_table *t, fact_cols *c)
{
    static const char *const item_words[] = {"item",     "项目",     "指标",
                                             "评估项目", "评估指标", "id"};
    static const char *const value_words[] = {"value",  "值",   "数值",
                                              "指标值", "数据", "填报值"};
    static const char *const note_words[] = {"note", "备注", "说明"};
    size_t limit = t->nrows < FACTS_HEADER_ROWS ? t->nrows : FACTS_HEADER_ROWS;

    for (c->head = 0; c->head < limit; c->head++) {
        const jh_table_row *r = &t->rows[c->head];
        c->item = c->value = c->note = -1;
        for (size_t j = 0; j < r->ncells; j++) {
            char h[256], *paren;
            cell_text(t, c->head, j, h, sizeof(h));
            /* "value (填写)" → "value" */
            paren = strstr(h, "(");
            if (paren == NULL)
                paren = strstr(h, "（");
            if (paren != NULL && paren != h) {
                *paren = '\0';
                jh__trim(h);
            }
            if (c->item < 0 && word_in(h, item_words, 6))
                c->item = (long)j;
            else if (c->value < 0 && word_in(h, value_words, 6))
                c->value = (long)j;
            else if (c->note < 0 && word_in(h, note_words, 3))
                c->note = (long)j;
        }
        if (c->item >= 0 && c->value >= 0)
            return true;
    }
    return false;
}

/* Where a fact was read: its line, its value cell, and its note (the
 * whole note, however long: it is the county's reasoning and is printed as
 * given).  JH_ERR_NOMEM when the note cannot be copied. */
static jh_status
fact_place(jh_fact *fact, const jh_table *t, size_t r, const fact_cols *c)
{
    fact->line = t->rows[r].line;
    if (t->sheet != NULL) {
        jh_error e;
        jh_table_locate(t, r, (size_t)c->value, &e);
        snprintf(fact->cell, sizeof(fact->cell), "%s", e.cell);
    }
    if (c->note >= 0) {
        size_t len;
        const char *note =
            jh__trim_span(jh_table_cell(t, r, (size_t)c->note), &len);
        if (len > 0 && (fact->note = malloc(len + 1)) == NULL)
            return JH_ERR_NOMEM;
        if (len > 0) {
            memcpy(fact->note, note, len);
            fact->note[len] = '\0';
        }
    }
    return JH_OK;
}

/* Read row @p r into @p f: a problem is appended to @p found (JH_OK);
 * JH_ERR_NOMEM stops.  @p row_of receives the row of each fact given. */
static jh_status
fact_row(jh_facts *f, size_t *row_of, jh_diags *found, const jh_table *t,
         size_t r, const fact_cols *c)
{
    char text[512], why[256], why_zh[256], name[512];
    jh_fact *fact;
    jh_fact_id id;
    int n;

    cell_text(t, r, (size_t)c->item, name, sizeof(name));
    cell_text(t, r, (size_t)c->value, text, sizeof(text));
    if (name[0] == '\0') {
        if (text[0] == '\0')
            return JH_OK; /* a blank row */
        return jh_table_diag(found, t, r, (size_t)c->item, "有值“%s”但没有项目",
                             "a value without an item ('%s')", text);
    }
    n = jh_fact_lookup(name);
    if (n < 0)
        return jh_table_diag(
            found, t, r, (size_t)c->item,
            "未知的项目“%s”（项目名见 docs/evaluate.md 或 junheng "
            "template --county）",
            "unknown item '%s' (see docs/evaluate.md for the item ids)", name);
    id = (jh_fact_id)n;
    fact = &f->fact[id];
    if (fact->line != 0)
        return jh_table_diag(found, t, r, (size_t)c->item,
                             "项目“%s”填了两次（第一次在第 %ld 行）",
                             "item '%s' is given twice (first on line %ld)",
                             name, fact->line);
    if (fact_place(fact, t, r, c) != JH_OK)
        return JH_ERR_NOMEM;
    if (text[0] == '\0')
        return JH_OK; /* listed, not given */
    if (jh_school_is_error_value(text))
        return jh_table_diag(found, t, r, (size_t)c->value,
                             "%s（%s）：单元格是表格错误值 %s",
                             "%s (%s): the cell holds the spreadsheet error %s",
                             jh_fact_key(id), jh_fact_zh(id), text);
    if (!parse_value(jh_fact_kind_of(id), text, &fact->value, why, why_zh,
                     sizeof(why))) {
        fact->value = NAN;
        /* Both formats take the same arguments: the English reason is the
         * last, which the Chinese one leaves out. */
        return jh_table_diag(found, t, r, (size_t)c->value, "%s（%s）：%s%.0s",
                             "%s (%s): %.0s%s", jh_fact_key(id), jh_fact_zh(id),
                             why_zh, why);
    }
    fact->given = true;
    row_of[id] = r;
    return JH_OK;
}

/*
 * Retention computed from the counts (when it is not stated) is a rate
 * like any other: more pupils in grade 3 than entered three years ago
 * gives a rate over 100%, which no county has.
 */
static jh_status
check_retention(const jh_facts *f, const size_t *row_of, jh_diags *found,
                const jh_table *t, const fact_cols *c)
{
    const jh_fact *in = &f->fact[JH_F_JUNIOR_ENTRANTS];
    const jh_fact *now = &f->fact[JH_F_JUNIOR_GRADE3];
    char a[32], b[32], rate[256];

    if (f->fact[JH_F_JUNIOR_RETENTION].given || !in->given || !now->given ||
        now->value <= in->value)
        return JH_OK;
    return jh_table_diag(
        found, t, row_of[JH_F_JUNIOR_ENTRANTS], (size_t)c->value,
        "junior_entrants（三年前初一入学人数 %s）少于 junior_grade3（"
        "现初三在校生数 %s，第 %ld 行）：巩固率 "
        "%s%%，超过100%%（请填写 "
        "junior_retention，或改正人数）",
        "junior_entrants (%s) is less than junior_grade3 (%s, line "
        "%ld): a retention of %s%%, over 100%% (state "
        "junior_retention, or correct the counts)",
        jh__fmt_fixed(in->value, 0, a, sizeof(a)),
        jh__fmt_fixed(now->value, 0, b, sizeof(b)), now->line,
        in->value > 0
            ? jh__fmt_fixed(now->value / in->value * 100, 2, rate, sizeof(rate))
            : "∞");
}

jh_status
jh_facts_check_table(jh_facts **out, const jh_table *t, jh_diags *found,
                     jh_error *err)
{
    fact_cols c;
    jh_facts *f;
    size_t row_of[JH_F_COUNT] = {0}; /* table row of each fact given */
    size_t before = found->count;
    jh_status st = JH_OK;

    *out = NULL;
    if (!find_header(t, &c)) {
        st = jh_diags_add2(found, t->source, 0, 0, NULL, NULL,
                           "县级指标文件的前 %d 行中没有表头：需要“项目”"
                           "（或 item）列和“值”（或 value）列；模板可用 "
                           "junheng template --county 生成",
                           "no header with an item column (item, 项目) and "
                           "a value column (value, 值) among the first %d "
                           "rows of the facts file",
                           FACTS_HEADER_ROWS);
        return st != JH_OK
                   ? jh_error_set2(err, st, t->source, 0, 0, "内存不足",
                                   "out of memory")
                   : JH_ERR_DATA;
    }
    f = calloc(1, sizeof(*f));
    if (f == NULL || (f->source = jh__strdup(t->source)) == NULL) {
        jh_facts_free(f);
        return jh_error_set2(err, JH_ERR_NOMEM, t->source, 0, 0, "内存不足",
                             "out of memory");
    }
    for (int i = 0; i < JH_F_COUNT; i++)
        f->fact[i].value = NAN;
    for (size_t r = c.head + 1; r < t->nrows && st == JH_OK; r++)
        st = fact_row(f, row_of, found, t, r, &c);
    if (st == JH_OK)
        st = check_retention(f, row_of, found, t, &c);
    if (st != JH_OK) {
        jh_facts_free(f);
        return jh_error_set2(err, st, t->source, 0, 0, "内存不足",
                             "out of memory");
    }
    if (found->count > before) {
        jh_facts_free(f);
        return JH_ERR_DATA;
    }
    *out = f;
    return JH_OK;
}

jh_status
jh_facts_from_table(jh_facts **out, const jh_table *t, jh_error *err)
{
    jh_diags found = JH_DIAGS_INIT;
    jh_status st = jh_facts_check_table(out, t, &found, err);

    /* Evaluate stops at an error: the first one, as it always did. */
    if (st == JH_ERR_DATA && found.count > 0 && err != NULL) {
        /* The problem as listed, in both its languages. */
        const jh_diag *d = &found.items[0];
        jh_error_clear(err);
        snprintf(err->file, sizeof(err->file), "%s",
                 d->file != NULL ? d->file : "");
        err->line = d->line;
        err->column = d->column;
        snprintf(err->message, sizeof(err->message), "%s", d->message);
        if (d->message_zh != NULL)
            snprintf(err->message_zh, sizeof(err->message_zh), "%s",
                     d->message_zh);
        if (d->cell != NULL)
            snprintf(err->cell, sizeof(err->cell), "%s", d->cell);
    }
    jh_diags_release(&found);
    return st;
}
