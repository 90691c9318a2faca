/* junheng - a verification's findings as text, JSON and verify.xlsx. */
#include "junheng/report_verify.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "json_out.h"
#include "sheet.h"
#include "standard_text.h"
#include "util.h"
#include "xlabels.h"

static const jh_claim *
claim_of(const jh_verify_result *r, const jh_verify_finding *f)
{
    return f->claim != JH_NONE ? &r->claims->items[f->claim] : NULL;
}

/* Digits to print a figure at full length next to a claim: two more than
 * the table prints, so that the difference shows. */
static int
digits_for(const jh_verify_finding *f)
{
    int d = f->decimals >= 0 ? f->decimals + 2 : 0;
    return d > 10 ? 10 : d;
}

/* The indicator a claim is about, or "学校综合达标" for a whole section
 * or level, or "" for a school's verdict. */
static const char *
claim_indicator(const jh_report_context *ctx, const jh_standard *std,
                const jh_claim *c, bool full)
{
    if (c->indicator != JH_NONE)
        return full ? jh_indicator_name(&std->indicators[c->indicator],
                                        ctx->lang)
                    : jh_indicator_short(&std->indicators[c->indicator],
                                         ctx->lang);
    if (c->composite)
        return jh_label(ctx->lang, "composite_cv");
    return c->code != NULL ? "" : jh__xlabel(ctx->lang, "verify_whole");
}

/* Label of what a claim states ("差异系数", "是否达标", ...). */
static const char *
field_label(const jh_report_context *ctx, const jh_claim *c)
{
    char key[48];
    snprintf(key, sizeof(key), "field_%s", jh_claim_field_key(c->field));
    return jh__xlabel(ctx->lang, key);
}

/* A claimed or recomputed figure as the table prints it: 是 / 否 for
 * verdicts, whole numbers for counts, else to the compared decimals. */
static char *
printed(const jh_report_context *ctx, const jh_claim *c,
        const jh_verify_finding *f, double v, char *buf, size_t size)
{
    if (c->field == JH_CLAIM_VERDICT && c->code != NULL)
        snprintf(buf, size, "%s",
                 jh__xlabel(ctx->lang, v == 1.0 ? "verify_yes" : "verify_no"));
    else if (c->field == JH_CLAIM_VERDICT) /* 表Ⅲ says 达标 / 未达标 */
        snprintf(
            buf, size, "%s",
            jh__xlabel(ctx->lang, v == 1.0 ? "verify_meets" : "verify_fails"));
    else
        jh__fmt_fixed(v, f->decimals >= 0 ? f->decimals : 0, buf, size);
    return buf;
}

/* "claims.csv:5:4" or "claims.xlsx: 表Ⅲ!E5". */
static char *
where(const jh_claim *c, char *buf, size_t size)
{
    if (c == NULL)
        snprintf(buf, size, "-");
    else if (c->cell[0] != '\0')
        snprintf(buf, size, "%s: %s", c->source, c->cell);
    else
        snprintf(buf, size, "%s:%ld:%ld", c->source, c->line, c->column);
    return buf;
}

static const jh_school *
finding_school(const jh_verify_result *r, const jh_verify_finding *f)
{
    const jh_county *c = r->analysis->model->county;
    return f->school != JH_NONE ? &c->schools[f->school] : NULL;
}

/* What the finding is about: "小学 3623010002 青溪县城关第一小学 生均体育场馆
 * 指标值". */
static char *
subject(const jh_report_context *ctx, const jh_verify_result *r,
        const jh_verify_finding *f, char *buf, size_t size)
{
    const jh_claim *c = claim_of(r, f);
    const jh_school *s = finding_school(r, f);
    const jh_standard *std = r->analysis->standard;
    const char *code = s != NULL ? s->code : c != NULL ? c->code : NULL;
    bool level_known = c == NULL || c->level_given || s != NULL;

    const char *field =
        c == NULL || c->field == JH_CLAIM_VALUE ? "" : field_label(ctx, c);
    size_t n;

    /* Level, code, name, indicator and (for county figures) which one,
     * separated by single spaces. */
    snprintf(buf, size, "%s %s %s %s %s",
             level_known ? jh_level_name(f->level, ctx->lang) : "",
             code != NULL ? code : "", s != NULL ? s->name : "",
             c != NULL ? claim_indicator(ctx, std, c, false) : "", field);
    /* Squeeze the spaces left by empty parts. */
    n = 0;
    for (size_t i = 0; buf[i] != '\0'; i++) {
        if (buf[i] == ' ' && (n == 0 || buf[n - 1] == ' '))
            continue;
        buf[n++] = buf[i];
    }
    while (n > 0 && buf[n - 1] == ' ')
        n--;
    buf[n] = '\0';
    return buf;
}

static const char *
kind_label(const jh_report_context *ctx, jh_finding_kind kind)
{
    char key[64];
    snprintf(key, sizeof(key), "kind_%s", jh_verify_kind_key(kind));
    return jh__xlabel(ctx->lang, key);
}

/* The causes of @p f, separated by "; ", into @p buf. */
static char *
causes_text(const jh_report_context *ctx, const jh_verify_result *r,
            const jh_verify_finding *f, char *buf, size_t size)
{
    const jh_county *county = r->analysis->model->county;
    size_t n = 0;
    char key[64], v[48], label[256];

    buf[0] = '\0';
    for (int i = 0; i < JH_CAUSE_COUNT && n < size; i++) {
        const char *who = "";
        char whobuf[256] = "";
        if (!(f->causes & (1u << i)))
            continue;
        snprintf(key, sizeof(key), "cause_%s",
                 jh_verify_cause_key((jh_verify_cause)i));
        if (i == JH_CAUSE_SCHOOL_LEFT_OUT && f->cause_section != JH_NONE) {
            const jh_school *s =
                &county->schools[r->analysis->model->sections[f->cause_section]
                                     .school];
            snprintf(whobuf, sizeof(whobuf), " %s %s", s->code, s->name);
            who = whobuf;
        } else if (i == JH_CAUSE_SCHOOL_ADDED && f->cause_school != JH_NONE) {
            const jh_school *s = &county->schools[f->cause_school];
            snprintf(whobuf, sizeof(whobuf), " %s %s", s->code, s->name);
            who = whobuf;
        }
        n += (size_t)snprintf(
            buf + n, size - n, "%s%s%s (%s)",
            n > 0 ? (ctx->lang == JH_LANG_EN ? "; " : "；") : "",
            jh__rule_text(r->analysis->standard, jh__xlabel(ctx->lang, key),
                          label, sizeof(label)),
            who,
            jh__fmt_fixed(f->cause_value[i], digits_for(f), v, sizeof(v)));
    }
    if (n >= size)
        buf[size - 1] = '\0';
    return buf;
}

/* The notes of @p f, separated by "; ", into @p buf ("" when none). */
static char *
notes_text(const jh_report_context *ctx, const jh_verify_finding *f, char *buf,
           size_t size)
{
    size_t n = 0;
    char key[48];

    buf[0] = '\0';
    for (unsigned bit = 0; jh_verify_note_key(bit) != NULL && n < size; bit++) {
        if (!(f->notes & (1u << bit)))
            continue;
        snprintf(key, sizeof(key), "note_%s", jh_verify_note_key(bit));
        n += (size_t)snprintf(buf + n, size - n, "%s%s",
                              n > 0 ? (ctx->lang == JH_LANG_EN ? "; " : "；")
                                    : "",
                              jh__xlabel(ctx->lang, key));
    }
    if (n >= size)
        buf[size - 1] = '\0';
    return buf;
}

/* "汇总 第12–26行，42项" / "汇总 rows 12-26, 42 claims", or the reason a
 * table was passed over, into @p buf. */
static char *
block_text(const jh_report_context *ctx, const jh_claims_block *b, char *buf,
           size_t size)
{
    bool en = ctx->lang == JH_LANG_EN;
    char key[64];
    int n =
        snprintf(buf, size, "%s%s%s%s", b->source, b->sheet != NULL ? ": " : "",
                 b->sheet != NULL ? b->sheet : "", b->skip != NULL ? " " : "");

    if (n < 0 || (size_t)n >= size)
        return buf;
    if (b->skip != NULL) {
        snprintf(key, sizeof(key), "skip_%s", b->skip);
        snprintf(buf + n, size - (size_t)n, en ? "(%s)" : "（%s）",
                 jh__xlabel(ctx->lang, key));
    } else if (en) {
        n += snprintf(buf + n, size - (size_t)n, " rows %ld-%ld, %zu claims",
                      b->first, b->last, b->nclaims);
        if (b->nblank > 0 && n > 0 && (size_t)n < size)
            snprintf(buf + n, size - (size_t)n, ", %zu empty cells", b->nblank);
    } else {
        n += snprintf(buf + n, size - (size_t)n, " 第%ld–%ld行，%zu项",
                      b->first, b->last, b->nclaims);
        if (b->nblank > 0 && n > 0 && (size_t)n < size)
            snprintf(buf + n, size - (size_t)n, "，空单元格%zu个", b->nblank);
    }
    return buf;
}

jh_status
jh_report_verify_text(FILE *out, const jh_report_context *ctx,
                      const jh_verify_result *r)
{
    jh_lang lang = ctx->lang;
    const char *colon = lang == JH_LANG_EN ? ": " : "：";
    const char *sep = lang == JH_LANG_EN ? ", " : "，";
    const char *semi = lang == JH_LANG_EN ? "; " : "；";
    char w[640], subj[512], causes[2048], notes[512], b1[48], b2[48], b3[48];

    fprintf(out, "%s: %s\n", jh_label(lang, "county"), ctx->county_name);
    {
        size_t missing = 0;
        for (size_t i = 0; i < r->nfindings; i++)
            missing += r->findings[i].kind == JH_FINDING_MISSING_SCHOOL;
        fprintf(out, "%s%s%s %zu%s%s %zu%s%s %zu",
                jh__xlabel(lang, "verify_title"), colon,
                jh__xlabel(lang, "verify_checked"), r->nchecked, sep,
                jh__xlabel(lang, "verify_agree"), r->nagree, sep,
                jh__xlabel(lang, "verify_differ"), r->nchecked - r->nagree);
        if (missing > 0)
            fprintf(out, "%s%s %zu", sep, jh__xlabel(lang, "verify_missing"),
                    missing);
        fputc('\n', out);
    }
    /* What was read, and what was passed over and why. */
    for (size_t i = 0; i < r->claims->nblocks; i++) {
        const jh_claims_block *b = &r->claims->blocks[i];
        fprintf(out, "  %s%s%s\n",
                jh__xlabel(lang,
                           b->skip == NULL ? "verify_read" : "verify_skipped"),
                colon, block_text(ctx, b, w, sizeof(w)));
    }
    for (size_t i = 0; i < r->nfindings; i++) {
        const jh_verify_finding *f = &r->findings[i];
        const jh_claim *c = claim_of(r, f);
        if (c != NULL)
            fprintf(out, "  [%s] ", where(c, w, sizeof(w)));
        else
            fputs("  ", out);
        fprintf(out, "%s%s", subject(ctx, r, f, subj, sizeof(subj)), colon);
        if (f->kind != JH_FINDING_DIFFERS &&
            f->kind != JH_FINDING_HIDES_FAILURE) {
            fprintf(out, "%s", kind_label(ctx, f->kind));
            if (c != NULL)
                fprintf(out, "%s%s %s", sep, jh__xlabel(lang, "verify_claimed"),
                        c->text);
            fputc('\n', out);
            continue;
        }
        if (f->kind == JH_FINDING_HIDES_FAILURE)
            fprintf(out, "%s%s", kind_label(ctx, f->kind), sep);
        /* Both figures as the table prints them; the recomputed one also
         * at full length. */
        fprintf(out, "%s %s%s%s %s", jh__xlabel(lang, "verify_claimed"),
                c->text, sep, jh__xlabel(lang, "verify_recomputed"),
                printed(ctx, c, f, f->recomputed_rounded, b1, sizeof(b1)));
        if (f->decimals >= 0)
            fprintf(
                out, "%s%s%s%s%s %s", lang == JH_LANG_EN ? " (" : "（",
                jh__fmt_fixed(f->recomputed, digits_for(f), b2, sizeof(b2)),
                lang == JH_LANG_EN ? ")" : "）", sep,
                jh__xlabel(lang, "verify_difference"),
                jh__fmt_fixed(f->difference, digits_for(f), b3, sizeof(b3)));
        if (isfinite(f->limit))
            fprintf(out, "%s%s %s", sep, jh__xlabel(lang, "verify_limit"),
                    jh__fmt_fixed(f->limit, 2, b1, sizeof(b1)));
        if (f->causes != 0)
            fprintf(out, "%s%s%s%s", semi, jh__xlabel(lang, "verify_cause"),
                    colon, causes_text(ctx, r, f, causes, sizeof(causes)));
        if (f->notes != 0)
            fprintf(out, "%s%s%s%s", semi, jh__xlabel(lang, "verify_note"),
                    colon, notes_text(ctx, f, notes, sizeof(notes)));
        fputc('\n', out);
    }
    if (r->nfindings == 0)
        fprintf(out, "%s\n", jh__xlabel(lang, "verify_all_agree"));
    return ferror(out) ? JH_ERR_IO : JH_OK;
}

static json_t *
json_claim(const jh_verify_result *r, const jh_claim *c)
{
    json_t *o = json_object();

    json_object_set_new(o, "source", json_string(c->source));
    json_object_set_new(o, "line", json_integer(c->line));
    json_object_set_new(o, "column", json_integer(c->column));
    if (c->cell[0] != '\0')
        json_object_set_new(o, "cell", json_string(c->cell));
    json_object_set_new(o, "field", json_string(jh_claim_field_key(c->field)));
    json_object_set_new(o, "level",
                        c->level_given ? json_string(jh_level_key(c->level))
                                       : json_null());
    json_object_set_new(
        o, "indicator",
        c->indicator != JH_NONE
            ? json_string(r->analysis->standard->indicators[c->indicator].id)
            : json_null());
    json_object_set_new(o, "code",
                        c->code != NULL ? json_string(c->code) : json_null());
    json_object_set_new(o, "text", json_string(c->text));
    json_object_set_new(o, "value", jh__json_num(c->value));
    json_object_set_new(o, "tolerance", jh__json_num(c->tolerance));
    json_object_set_new(o, "decimals", json_integer(c->decimals));
    return o;
}

/* The causes of finding @p f that junheng found, each with its value,
 * school and description. */
static json_t *
json_causes(const jh_verify_result *r, const jh_verify_finding *f)
{
    const jh_county *county = r->analysis->model->county;
    json_t *causes = json_array();
    char key[64], label[256];

    for (int k = 0; k < JH_CAUSE_COUNT; k++) {
        json_t *co;
        const jh_school *who = NULL;
        if (!(f->causes & (1u << k)))
            continue;
        co = json_object();
        json_object_set_new(
            co, "cause", json_string(jh_verify_cause_key((jh_verify_cause)k)));
        json_object_set_new(co, "value", jh__json_num(f->cause_value[k]));
        if (k == JH_CAUSE_SCHOOL_LEFT_OUT && f->cause_section != JH_NONE)
            who =
                &county->schools[r->analysis->model->sections[f->cause_section]
                                     .school];
        else if (k == JH_CAUSE_SCHOOL_ADDED && f->cause_school != JH_NONE)
            who = &county->schools[f->cause_school];
        if (who != NULL) {
            json_object_set_new(co, "school_code", json_string(who->code));
            json_object_set_new(co, "school_name", json_string(who->name));
        }
        snprintf(key, sizeof(key), "cause_%s",
                 jh_verify_cause_key((jh_verify_cause)k));
        json_object_set_new(
            co, "description",
            json_string(jh__rule_text(r->analysis->standard,
                                      jh__xlabel(JH_LANG_EN, key), label,
                                      sizeof(label))));
        json_array_append_new(causes, co);
    }
    return causes;
}

/* The blocks of claims read ("read") and passed over ("skipped"),
 * into @p root. */
static void
json_blocks(json_t *root, const jh_verify_result *r)
{
    json_t *read = json_array(), *skipped = json_array();
    for (size_t i = 0; i < r->claims->nblocks; i++) {
        const jh_claims_block *b = &r->claims->blocks[i];
        json_t *o = json_object();
        json_object_set_new(o, "source", json_string(b->source));
        json_object_set_new(
            o, "sheet", b->sheet != NULL ? json_string(b->sheet) : json_null());
        if (b->skip != NULL) {
            json_object_set_new(o, "reason", json_string(b->skip));
            json_array_append_new(skipped, o);
            continue;
        }
        json_object_set_new(o, "first_row", json_integer(b->first));
        json_object_set_new(o, "last_row", json_integer(b->last));
        json_object_set_new(o, "claims", json_integer((json_int_t)b->nclaims));
        json_object_set_new(o, "empty_cells",
                            json_integer((json_int_t)b->nblank));
        json_array_append_new(read, o);
    }
    json_object_set_new(root, "read", read);
    json_object_set_new(root, "skipped", skipped);
}

jh_status
jh_report_verify_json(FILE *out, const jh_report_context *ctx,
                      const jh_verify_result *r, jh_error *err)
{
    const jh_county *county = r->analysis->model->county;
    json_t *root = json_object(), *findings = json_array();

    json_object_set_new(root, "junheng", json_string(ctx->version));
    json_object_set_new(root, "county", json_string(ctx->county_name));
    json_object_set_new(root, "source", json_string(county->source));
    json_object_set_new(root, "standard",
                        json_string(r->analysis->standard->id));
    json_object_set_new(root, "checked", json_integer((json_int_t)r->nchecked));
    json_object_set_new(root, "agree", json_integer((json_int_t)r->nagree));
    json_object_set_new(root, "findings_count",
                        json_integer((json_int_t)r->nfindings));
    json_object_set_new(root, "pass", json_boolean(r->nfindings == 0));
    for (size_t i = 0; i < r->nfindings; i++) {
        const jh_verify_finding *f = &r->findings[i];
        const jh_claim *c = claim_of(r, f);
        const jh_school *s = finding_school(r, f);
        json_t *o = json_object();
        json_object_set_new(o, "kind",
                            json_string(jh_verify_kind_key(f->kind)));
        json_object_set_new(o, "claim",
                            c != NULL ? json_claim(r, c) : json_null());
        json_object_set_new(o, "level", json_string(jh_level_key(f->level)));
        json_object_set_new(o, "code",
                            s != NULL ? json_string(s->code)
                            : c != NULL && c->code != NULL
                                ? json_string(c->code)
                                : json_null());
        json_object_set_new(o, "name",
                            s != NULL ? json_string(s->name) : json_null());
        json_object_set_new(o, "recomputed", jh__json_num(f->recomputed));
        json_object_set_new(o, "difference", jh__json_num(f->difference));
        if (c != NULL && json_is_object(json_object_get(o, "claim"))) {
            json_t *cj = json_object_get(o, "claim");
            json_object_set_new(cj, "rounded", jh__json_num(f->claim_rounded));
            /* Compared as the table prints them; a half unit of that
             * digit (kept for readers of earlier versions). */
            json_object_set_new(cj, "compared_decimals",
                                f->decimals >= 0 ? json_integer(f->decimals)
                                                 : json_null());
            json_object_set_new(cj, "tolerance",
                                json_real(f->decimals >= 0
                                              ? 0.5 * pow(10.0, -f->decimals)
                                              : 0.0));
        }
        json_object_set_new(o, "recomputed_rounded",
                            jh__json_num(f->recomputed_rounded));
        json_object_set_new(o, "limit", jh__json_num(f->limit));
        {
            json_t *notes = json_array();
            for (unsigned bit = 0; jh_verify_note_key(bit) != NULL; bit++) {
                if (f->notes & (1u << bit))
                    json_array_append_new(notes,
                                          json_string(jh_verify_note_key(bit)));
            }
            json_object_set_new(o, "notes", notes);
        }
        json_object_set_new(o, "causes", json_causes(r, f));
        json_array_append_new(findings, o);
    }
    json_object_set_new(root, "findings", findings);
    json_blocks(root, r);
    return jh__json_write(out, root, err);
}

jh_status
jh_report_verify_workbook(const char *path, const jh_report_context *ctx,
                          const jh_verify_result *r, jh_error *err)
{
    const jh_standard *std = r->analysis->standard;
    jh_lang lang = ctx->lang;
    jh__book b;
    lxw_worksheet *ws;
    lxw_row_t row = 0;
    char title[256], w[640], causes[2048];
    jh_status st;
    const char *heads[] = {jh__xlabel(lang, "verify_place"),
                           jh_label(lang, "level"),
                           jh_label(lang, "code"),
                           jh_label(lang, "school"),
                           jh_label(lang, "indicator"),
                           jh_label(lang, "value"),
                           jh__xlabel(lang, "verify_claimed"),
                           jh__xlabel(lang, "verify_recomputed"),
                           jh__xlabel(lang, "verify_difference"),
                           jh__xlabel(lang, "verify_tolerance"),
                           jh__xlabel(lang, "verify_kind"),
                           jh__xlabel(lang, "verify_cause")};

    snprintf(title, sizeof(title), "%s %s", ctx->county_name,
             jh__xlabel(lang, "verify_title"));
    st = jh__book_open(&b, path, title, ctx->created, err);
    if (st != JH_OK)
        return st;
    ws = jh__book_sheet(&b, jh__xlabel(lang, "verify_sheet"));
    jh__cell_str(&b, ws, row++, 0, title, b.f.title);
    snprintf(title, sizeof(title), "%s %zu, %s %zu, %s %zu",
             jh__xlabel(lang, "verify_checked"), r->nchecked,
             jh__xlabel(lang, "verify_agree"), r->nagree,
             jh__xlabel(lang, "verify_differ"), r->nfindings);
    jh__cell_str(&b, ws, row++, 0, title, b.f.note);
    row++;
    for (size_t c = 0; c < sizeof(heads) / sizeof(heads[0]); c++)
        jh__cell_str(&b, ws, row, (lxw_col_t)c, heads[c], b.f.header);
    row++;
    for (size_t i = 0; i < r->nfindings; i++) {
        const jh_verify_finding *f = &r->findings[i];
        const jh_claim *c = claim_of(r, f);
        const jh_school *s = finding_school(r, f);
        const char *field = c == NULL ? "" : field_label(ctx, c);
        char notes[512];
        size_t nc;
        jh__cell_str(&b, ws, row, 0, where(c, w, sizeof(w)), b.f.text);
        jh__cell_str(&b, ws, row, 1, jh_level_name(f->level, lang), b.f.text);
        jh__cell_str(&b, ws, row, 2,
                     s != NULL   ? s->code
                     : c != NULL ? c->code
                                 : NULL,
                     b.f.text);
        jh__cell_str(&b, ws, row, 3, s != NULL ? s->name : NULL, b.f.text);
        jh__cell_str(&b, ws, row, 4,
                     c != NULL ? claim_indicator(ctx, std, c, true) : NULL,
                     b.f.wrap);
        jh__cell_str(&b, ws, row, 5, field, b.f.text);
        jh__cell_num(&b, ws, row, 6, c != NULL ? c->value : NAN, b.f.num4);
        jh__cell_num(&b, ws, row, 7, f->recomputed, b.f.num4);
        jh__cell_num(&b, ws, row, 8, f->difference, b.f.num4);
        jh__cell_num(&b, ws, row, 9,
                     f->decimals >= 0 ? (double)f->decimals : NAN, b.f.text);
        jh__cell_str(&b, ws, row, 10, kind_label(ctx, f->kind), b.f.bad);
        causes_text(ctx, r, f, causes, sizeof(causes));
        nc = strlen(causes);
        if (f->notes != 0)
            snprintf(causes + nc, sizeof(causes) - nc, "%s%s%s%s",
                     nc > 0 ? (lang == JH_LANG_EN ? "; " : "；") : "",
                     jh__xlabel(lang, "verify_note"),
                     lang == JH_LANG_EN ? ": " : "：",
                     notes_text(ctx, f, notes, sizeof(notes)));
        jh__cell_str(&b, ws, row, 11, causes, b.f.wrap);
        row++;
    }
    if (r->nfindings == 0)
        jh__cell_str(&b, ws, row++, 0, jh__xlabel(lang, "verify_all_agree"),
                     b.f.good);
    /* What was read, and what was passed over and why. */
    row++;
    for (size_t i = 0; i < r->claims->nblocks; i++) {
        const jh_claims_block *bl = &r->claims->blocks[i];
        char line[800];
        snprintf(line, sizeof(line), "%s%s%s",
                 jh__xlabel(lang, bl->skip == NULL ? "verify_read"
                                                   : "verify_skipped"),
                 lang == JH_LANG_EN ? ": " : "：",
                 block_text(ctx, bl, w, sizeof(w)));
        jh__cell_str(&b, ws, row++, 0, line, b.f.note);
    }
    jh__col_width(&b, ws, 0, 0, 28);
    jh__col_width(&b, ws, 1, 2, 12);
    jh__col_width(&b, ws, 3, 4, 26);
    jh__col_width(&b, ws, 5, 9, 11);
    jh__col_width(&b, ws, 10, 10, 24);
    jh__col_width(&b, ws, 11, 11, 50);
    return jh__book_close(&b, path, err);
}
