/* junheng - the words of the county evaluation shared by its text, JSON
 * and workbook (library-internal): numbers and limits as the report
 * writes them, verdicts, conclusions, and what each item needs to pass. */
#ifndef JUNHENG_EVALUATE_WORDS_H
#define JUNHENG_EVALUATE_WORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "junheng/evaluate.h"
#include "junheng/report.h"

/* A growing string; nomem is set (and the text kept as it was) when
 * memory runs out. */
typedef struct jh__ev_sbuf {
    char *s;
    size_t n, cap;
    bool nomem;
} jh__ev_sbuf;

/* A growing list of lines. */
typedef struct jh__ev_lines {
    char **v;
    size_t n, cap;
    bool nomem;
} jh__ev_lines;

/* A number with up to @p dec decimals, trailing zeros dropped. */
char *jh__ev_trimmed(double v, int dec, char *buf, size_t size);

/* A monitoring level as a Roman numeral ("III"). */
const char *jh__ev_roman(double level);

/* An item's verdict in words. */
const char *jh__ev_verdict_word(jh_lang lang, jh_verdict v);

/* The county's verdict in words. */
const char *jh__ev_county_word(jh_lang lang, jh_verdict v);

/* An item's name, a part's name, in @p lang. */
const char *jh__ev_item_name(const jh_eval_item *it, jh_lang lang);

const char *jh__ev_part_name(jh_part p, jh_lang lang);

/* Append printf-style text to @p b. */
void jh__ev_sb_add(jh__ev_sbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The text so far ("" when empty). */
const char *jh__ev_sb_str(const jh__ev_sbuf *b);

/* Free the text of @p b. */
void jh__ev_sb_release(jh__ev_sbuf *b);

/* An item's value or conclusion: its figures, with the facts' notes,
 * whole (appended to @p out). */
const char *jh__ev_conclusion(const jh_evaluation *ev, const jh_eval_item *it,
                              jh_lang lang, jh__ev_sbuf *out);

/* The limits of an item's figures. */
char *jh__ev_limits(const jh_eval_item *it, jh_lang lang, char *buf,
                    size_t size);

/* Free every line of @p l. */
void jh__ev_lines_release(jh__ev_lines *l);

/* Every line of what item @p it needs to pass. */
void jh__ev_item_actions(jh__ev_lines *out, const jh_report_context *ctx,
                         const jh_evaluation *ev, const jh_eval_item *it);

/* Where fact @p id was read: "file:line", or "file: Sheet!C5". */
const char *jh__ev_fact_place(const jh_evaluation *ev, jh_fact_id id, char *buf,
                              size_t size);

#endif
