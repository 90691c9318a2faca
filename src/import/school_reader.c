/* junheng - reading schools from a table by their column headers. */
#include "junheng/school_reader.h"
#include "junheng/school.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cell.h"
#include "header.h"
#include "reader.h"
#include "school_names.h"
#include "util.h"

/*
 * Copy @p s into @p out without white space (ASCII, the ideographic space
 * U+3000 and the no-break space U+00A0), so that "合 计" and "合　计" read
 * as 合计.
 */
static void
squeeze(const char *s, char *out, size_t size)
{
    size_t n = 0;

    for (const unsigned char *p = (const unsigned char *)s;
         *p != '\0' && n + 1 < size;) {
        if (*p == ' ' || *p == '\t') {
            p++;
        } else if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) {
            p += 3;
        } else if (p[0] == 0xC2 && p[1] == 0xA0) {
            p += 2;
        } else {
            out[n++] = (char)*p++;
        }
    }
    out[n] = '\0';
}

/*
 * Rows that sum up the others (合计, 总计, 小计, 全县合计, "合 计",
 * "合计（12所）"), which tables carry at the bottom or between groups.
 * @p text is a code or a name.  A school whose name only begins with such
 * a word (合计小学) is not one.
 */
static bool
is_total_row(const char *text)
{
    static const char *const words[] = {
        "合计",     "总计",       "小计",     "共计",     "全县",
        "全区",     "全市",       "全县合计", "全县总计", "全区合计",
        "全区总计", "全市合计",   "全市总计", "合计数",   "total",
        "subtotal", "grandtotal", "sum"};
    static const char *const after[] = {"(", "（", ":", "：", "[", "【"};
    static const char *const leads[] = {"合", "总", "小", "共", "全"};
    const unsigned char *p = (const unsigned char *)text;
    bool lead = false;
    char t[256];

    /* Every word begins with one of these: a cheap test on the first
     * character that is not a space (squeeze() drops the same spaces)
     * spares the copy and the comparisons for an ordinary row. */
    while (*p == ' ' || *p == '\t' ||
           (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) ||
           (p[0] == 0xC2 && p[1] == 0xA0))
        p += *p == ' ' || *p == '\t' ? 1 : p[0] == 0xC2 ? 2 : 3;
    if (*p == 't' || *p == 'T' || *p == 's' || *p == 'S' || *p == 'g' ||
        *p == 'G')
        lead = true;
    for (size_t i = 0; !lead && i < sizeof(leads) / sizeof(leads[0]); i++)
        lead = strncmp((const char *)p, leads[i], 3) == 0;
    if (!lead)
        return false;
    squeeze(text, t, sizeof(t));
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
        size_t n = strlen(words[i]);
        if (strncasecmp(t, words[i], n) != 0)
            continue;
        if (t[n] == '\0')
            return true;
        for (size_t k = 0; k < sizeof(after) / sizeof(after[0]); k++) {
            if (strncmp(t + n, after[k], strlen(after[k])) == 0)
                return true;
        }
    }
    return false;
}

/*
 * The example rows `junheng template` writes carry 示例 (or "(example)")
 * in their name: such a row is never a school, even after a clerk typed
 * real figures into it.  A code marked so counts too.
 */
/* Whether @p s holds @p needle: strchr() to its first byte, then a
 * compare; for the short names of every row this is much cheaper than
 * strstr()'s set-up (the national batch tests two cells per school). */
static bool
has_text(const char *s, const char *needle)
{
    size_t n = strlen(needle);
    for (const char *p = strchr(s, needle[0]); p != NULL;
         p = strchr(p + 1, needle[0])) {
        if (strncmp(p, needle, n) == 0)
            return true;
    }
    return false;
}

bool
jh_school_row_is_example(const char *code, const char *name)
{
    if (has_text(name, "示例") || has_text(code, "示例"))
        return true;
    /* "(example)" or "（example）": only a name with a bracket can. */
    return (strchr(name, '(') != NULL || has_text(name, "（")) &&
           (strcasestr(name, "(example)") != NULL ||
            strcasestr(name, "（example）") != NULL);
}

/* The county name the template's examples carry. */
static bool
is_example_county(const char *county)
{
    return strcmp(county, "示例县") == 0 ||
           strcasecmp(county, "Example County") == 0;
}

static void
school_init(jh_school *s)
{
    memset(s, 0, sizeof(*s));
    s->include = true;
    for (int l = 0; l < 3; l++) {
        s->students[l] = NAN;
        s->classes[l] = NAN;
        s->grades[l] = NAN;
    }
    for (int q = 0; q < JH_Q_COUNT; q++) {
        s->whole[q] = NAN;
        for (int l = 0; l < JH_LEVEL_COUNT; l++)
            s->section[q][l] = NAN;
    }
}

static void
school_release(jh_school *s)
{
    free(s->code);
    free(s->name);
    free(s->county);
    free(s->parent_code);
    s->code = s->name = s->county = s->parent_code = NULL;
}

static int
cmp_code(const void *a, const void *b)
{
    const jh_school *const *x = a, *const *y = b;
    int c = strcmp((*x)->code, (*y)->code);
    if (c != 0)
        return c;
    return (*x)->line < (*y)->line ? -1 : (*x)->line > (*y)->line;
}

/* Every school code must be unique: report each repeat (or the first). */
static jh_status
check_duplicates(jh__importer *im, const jh_county *c, size_t col_code)
{
    const jh_school **v;
    jh_status st = JH_OK;

    if (c->nschools < 2)
        return JH_OK;
    v = malloc(c->nschools * sizeof(*v));
    if (v == NULL)
        return JH_ERR_NOMEM;
    for (size_t i = 0; i < c->nschools; i++)
        v[i] = &c->schools[i];
    qsort(v, c->nschools, sizeof(*v), cmp_code);
    for (size_t i = 1, first = 0; i < c->nschools; i++) {
        if (strcmp(v[i]->code, v[first]->code) != 0) {
            first = i;
            continue;
        }
        if (!jh__data_error(im, v[i]->row, col_code,
                            "学校代码“%s”重复（第%ld行已出现）",
                            "duplicate school code '%s' (first seen on line "
                            "%ld)",
                            v[i]->code, v[first]->line)) {
            st = im->nomem ? JH_ERR_NOMEM : JH_ERR_DATA;
            break;
        }
    }
    free(v);
    return st;
}

/* True when every cell of the row is blank. */
static bool
row_is_blank(const jh_table_row *row)
{
    for (size_t j = 0; j < row->ncells; j++) {
        if (!jh__is_blank(row->cells[j]))
            return false;
    }
    return true;
}

/*
 * Whether data row @p i is no school: blank, a total row (合计) or an
 * example row of the template, each but the blank with a warning.  Also
 * reports fields beyond the header and a short CSV row.  Returns JH_OK
 * (*skip set), JH_ERR_DATA or JH_ERR_NOMEM.
 */
static jh_status
row_skipped(jh__importer *im, const jh_county *c, size_t i, size_t ncols,
            bool *skip)
{
    const jh_table *t = im->t;
    const jh_table_row *row = &t->rows[i];
    char code[256], name[256];

    *skip = true;
    if (row_is_blank(row))
        return JH_OK;
    for (size_t j = ncols; j < row->ncells; j++) {
        if (!jh__is_blank(row->cells[j])) {
            if (!jh__data_error(im, i, j, "该行有%zu个字段，而表头只有%zu列",
                                "row has %zu fields but the header has %zu",
                                row->ncells, ncols))
                return im->nomem ? JH_ERR_NOMEM : JH_ERR_DATA;
            break;
        }
    }
    if (t->sheet == NULL && row->ncells < ncols) {
        if (!jh__data_error(im, i, JH_NO_COLUMN,
                            "该行只有%zu个字段，而表头有%zu列",
                            "short row: %zu fields where the header has %zu",
                            row->ncells, ncols))
            return im->nomem ? JH_ERR_NOMEM : JH_ERR_DATA;
    }
    jh__cell_text(t, i, (size_t)c->columns.name, name, sizeof(name));
    jh__cell_text(t, i, (size_t)c->columns.code, code, sizeof(code));
    if (is_total_row(code) || is_total_row(name)) {
        bool by_code = is_total_row(code);
        if (!jh__cell_warning(
                im, i, (size_t)(by_code ? c->columns.code : c->columns.name),
                "“%s”是合计行，不计入（合计、小计、总计、全县等行"
                "一律不算作学校）",
                "row '%s' is a total row and is not counted (rows "
                "of 合计, 小计, 总计, 全县 are never schools)",
                by_code ? code : name))
            return JH_ERR_NOMEM;
        return JH_OK;
    }
    if (jh_school_row_is_example(code, name)) {
        if (im->examples++ == 0)
            im->first_example = row->line;
        im->last_example = row->line;
        if (!jh__cell_warning(
                im, i, (size_t)c->columns.name,
                "“%s”是模板的示例行（标有“示例”），不计入：请删除"
                "该行；若已改填为本县学校，请把名称中的“示例”去掉",
                "'%s' is an example row of the template (marked "
                "示例/example) and is not counted: delete it, or, "
                "if it now holds a real school, take the mark out "
                "of its name",
                name))
            return JH_ERR_NOMEM;
        return JH_OK;
    }
    *skip = false;
    return JH_OK;
}

/*
 * Read the mapped cells of row @p i into @p s; *row_ok goes false when a
 * code, name or type is bad (collecting).  Returns JH_OK, JH_ERR_DATA or
 * JH_ERR_NOMEM; @p s is not released.
 */
static jh_status
read_cells(jh__importer *im, size_t i, const jh__field *fields, size_t ncols,
           jh_school *s, jh__row_wholes *wholes, bool *type_ok, bool *row_ok)
{
    const jh_table_row *row = &im->t->rows[i];
    char cell[256];

    for (size_t j = 0; j < ncols && j < row->ncells; j++) {
        char *text;
        jh__cell_result r;

        if (fields[j].kind == F_NONE)
            continue;
        /* Most cells are short: a trimmed copy on the stack, not the
         * heap. */
        {
            size_t len;
            const char *start = jh__trim_span(row->cells[j], &len);
            text = len < sizeof(cell) ? cell : malloc(len + 1);
            if (text == NULL)
                return JH_ERR_NOMEM;
            memcpy(text, start, len);
            text[len] = '\0';
        }
        r = jh__read_cell(im, i, j, &fields[j], text, s, wholes, type_ok);
        if (text != cell)
            free(text);
        if (r == CELL_STOP)
            return im->nomem ? JH_ERR_NOMEM : JH_ERR_DATA;
        if (r == CELL_BAD &&
            (fields[j].kind == F_CODE || fields[j].kind == F_NAME ||
             fields[j].kind == F_TYPE))
            *row_ok = false;
    }
    return JH_OK;
}

/*
 * Give a row's whole-school class or grade count to the level of a
 * single-level school; a junior school's grade count must fit.  Returns
 * JH_OK, JH_ERR_DATA or JH_ERR_NOMEM.
 */
static jh_status
apply_wholes(jh__importer *im, size_t i, const jh__field *fields, jh_school *s,
             const jh__row_wholes *wholes, bool *row_ok)
{
    /* A whole-school class or grade count belongs to a single-level
     * school. */
    if (!isnan(wholes->classes)) {
        if (s->type == JH_TYPE_PRIMARY || s->type == JH_TYPE_TEACHING_POINT)
            s->classes[JH_LEVEL_PRIMARY] = wholes->classes;
        else if (s->type == JH_TYPE_JUNIOR)
            s->classes[JH_LEVEL_JUNIOR] = wholes->classes;
    }
    if (!isnan(wholes->grades)) {
        if (s->type == JH_TYPE_PRIMARY || s->type == JH_TYPE_TEACHING_POINT)
            s->grades[JH_LEVEL_PRIMARY] = wholes->grades;
        else if (s->type == JH_TYPE_JUNIOR &&
                 wholes->grades <= jh__max_grades[JH_LEVEL_JUNIOR])
            s->grades[JH_LEVEL_JUNIOR] = wholes->grades;
        else if (s->type == JH_TYPE_JUNIOR) {
            char text[32];
            snprintf(text, sizeof(text), "%.0f", wholes->grades);
            *row_ok = false;
            if (!jh__data_error(
                    im, i, wholes->grades_col,
                    "%s：初中学校“%s”个年级，应在1至4之间",
                    "%s: a junior school with %s grades: expected 1 "
                    "to 4",
                    fields[wholes->grades_col].header, text)) {
                return im->nomem ? JH_ERR_NOMEM : JH_ERR_DATA;
            }
        }
    }
    return JH_OK;
}

/*
 * Read data row @p i into a new school at the end of c->schools.  Returns
 * JH_OK (also when the row was skipped or, collecting, left out for bad
 * data), JH_ERR_DATA or JH_ERR_NOMEM.
 */
static jh_status
read_row(jh__importer *im, jh_county *c, size_t i, const jh__field *fields,
         size_t ncols)
{
    jh_school *s = &c->schools[c->nschools];
    jh__row_wholes wholes = {NAN, NAN, 0};
    bool type_ok = false, row_ok = true, skip = false;
    jh_status st;

    st = row_skipped(im, c, i, ncols, &skip);
    if (st != JH_OK || skip)
        return st;
    school_init(s);
    s->row = i;
    s->line = im->t->rows[i].line;
    st = read_cells(im, i, fields, ncols, s, &wholes, &type_ok, &row_ok);
    if (st == JH_OK)
        st = apply_wholes(im, i, fields, s, &wholes, &row_ok);
    if (st != JH_OK) {
        school_release(s);
        return st;
    }
    if (row_ok && (s->code == NULL || s->name == NULL)) {
        /* The cell is missing from a short sheet row. */
        bool no_code = s->code == NULL;
        row_ok = false;
        size_t col = (size_t)(no_code ? c->columns.code : c->columns.name);
        if (!(no_code ? jh__data_error(im, i, col, "缺少学校代码",
                                       "missing school code")
                      : jh__data_error(im, i, col, "缺少学校名称",
                                       "missing school name"))) {
            school_release(s);
            return im->nomem ? JH_ERR_NOMEM : JH_ERR_DATA;
        }
    }
    if (row_ok && !type_ok) {
        row_ok = false;
        if (!jh__data_error(im, i, (size_t)c->columns.type, "缺少学校类型",
                            "missing school type")) {
            school_release(s);
            return im->nomem ? JH_ERR_NOMEM : JH_ERR_DATA;
        }
    }
    if (!row_ok) {
        school_release(s); /* collecting: the row is left out */
        return JH_OK;
    }
    c->nschools++;
    return JH_OK;
}

/*
 * Per-pupil values off by orders of magnitude (JH_MAGNITUDE_*, see
 * include/junheng/school.h), with the likely cause.  One table: the
 * importer applies it for every command; `check` adds its own, milder
 * plausibility warnings between these bounds.
 */
static const struct magnitude {
    jh_quantity q;
    double low, high; /* per pupil, in 元 or m² */
    const char *low_zh, *low_en, *high_zh, *high_en;
} magnitudes[] = {
    {JH_Q_EQUIPMENT_VALUE, JH_MAGNITUDE_MIN_YUAN_PER_PUPIL,
     JH_MAGNITUDE_MAX_YUAN_PER_PUPIL, "是否把万元数填进了本列？",
     "were 万元 entered?", "是否把元数填进了以万元计的列，或在校生数填错？",
     "were 元 entered in a column in 万元, or is the enrollment wrong?"},
    {JH_Q_TEACHING_AREA, JH_MAGNITUDE_MIN_AREA_PER_PUPIL,
     JH_MAGNITUDE_MAX_AREA_PER_PUPIL,
     "面积是否按公顷、千平方米等更大的单位填写？",
     "was the area entered in a bigger unit (hectares, thousands of m²)?",
     "面积单位或在校生数是否填错？",
     "is the area's unit or the enrollment wrong?"},
    {JH_Q_SPORTS_AREA, JH_MAGNITUDE_MIN_AREA_PER_PUPIL,
     JH_MAGNITUDE_MAX_AREA_PER_PUPIL, "面积是否按公顷、亩等更大的单位填写？",
     "was the area entered in a bigger unit (hectares, 亩)?",
     "面积单位或在校生数是否填错？",
     "is the area's unit or the enrollment wrong?"},
};

/* Warn about the values of @p s that magnitudes[] finds implausible;
 * false when out of memory. */
static bool
magnitude_warnings(jh__importer *im, const jh_county *c, const jh_school *s)
{
    double pupils = 0.0;

    for (int l = 0; l < 3; l++) {
        if (!isnan(s->students[l]))
            pupils += s->students[l];
    }
    if (!(pupils > 0) || !s->include)
        return true;
    for (size_t k = 0; k < sizeof(magnitudes) / sizeof(magnitudes[0]); k++) {
        const struct magnitude *m = &magnitudes[k];
        double v = s->whole[m->q], per;
        long col = c->columns.whole[m->q];
        bool money = m->q == JH_Q_EQUIPMENT_VALUE;
        const char *unit = money ? (c->equipment_scale == 1e4   ? "万元"
                                    : c->equipment_scale == 1e3 ? "千元"
                                                                : "元")
                                 : "平方米";
        bool low;

        if (isnan(v) || v <= 0 || col < 0)
            continue;
        per = v / pupils;
        if (per >= m->low && per <= m->high)
            continue;
        low = per < m->low;
        /* Both texts take the same arguments: each skips the other's
         * cause with %.0s. */
        if (!jh__cell_warning(im, s->row, (size_t)col,
                              "%s（%s）：%s生均%.2f%s（%g、学生%g人），"
                              "差了数量级：表头单位是%s，%s%.0s",
                              "%s (%s): %s is %.2f %s per pupil (%g for %g "
                              "pupils), off by orders of magnitude: the header "
                              "says %s: %.0s%s",
                              s->name, s->code, jh_quantity_zh(m->q), per,
                              money ? "元" : "平方米", v, pupils, unit,
                              low ? m->low_zh : m->high_zh,
                              low ? m->low_en : m->high_en))
            return false;
    }
    return true;
}

/*
 * Fill @p err for a header (rows @p hr, @p nh of @p t, mapped into @p c)
 * that lacks a required column: the first missing one, the header row
 * found (its cells, cut to fit), the nearest header to that column's
 * names when one is close (jh_county_suggest()), and where a complete
 * header comes from (`junheng template`).  In English and Chinese.
 */
static void
missing_column_error(const jh_table *t, const jh_county *c, size_t hr,
                     size_t nh, bool searched, jh_error *err)
{
    static const struct {
        const char *key, *zh;
    } required[] = {
        {"code", "学校代码"}, {"name", "学校名称"}, {"type", "学校类型"}};
    size_t which = c->columns.code < 0 ? 0 : c->columns.name < 0 ? 1 : 2;
    const char *found = NULL, *known = NULL;
    const jh_table_row *row = &t->rows[hr + nh - 1];
    char cells[400] = "", hint_zh[300] = "", hint_en[300] = "";
    size_t n = 0, shown = 0;

    /* The header row as found: its non-blank cells, " | " between. */
    for (size_t j = 0; j < row->ncells; j++) {
        char canon[256];
        int w;
        jh__header_canon(row->cells[j], canon, sizeof(canon));
        jh__trim(canon);
        if (canon[0] == '\0')
            continue;
        if (n + strlen(canon) + 8 >= sizeof(cells)) {
            snprintf(cells + n, sizeof(cells) - n, " | …");
            break;
        }
        w = snprintf(cells + n, sizeof(cells) - n, "%s%s",
                     shown > 0 ? " | " : "", canon);
        n += w > 0 ? (size_t)w : 0;
        shown++;
    }
    if (jh_county_suggest(c, required[which].key, &found, &known)) {
        snprintf(hint_zh, sizeof(hint_zh), "找到「%s」，是否指「%s」？", found,
                 known);
        snprintf(hint_en, sizeof(hint_en), " found '%s', did you mean '%s'?",
                 found, known);
    }
    /* The two texts take their arguments in the same order: the zh
     * format skips the English key and hint with %.0s, the English one
     * the Chinese note and hint. */
    jh_error_set2(err, JH_ERR_DATA, t->source, row->line, 0,
                  "缺少必需的列「%s」%.0s%s%.0s（第%ld行表头：%s）。%s%.0s"
                  "可用 junheng template 生成含全部列的模板",
                  "required column %s (%s) is missing from the header%.0s%s "
                  "(line %ld: %s);%.0s%s 'junheng template' writes a workbook "
                  "with every column",
                  required[which].zh, required[which].key,
                  searched ? "（前20行中没有一行同时写有学校代码、学校名称"
                             "和学校类型）"
                           : "",
                  searched ? " (no row among the first 20 names 学校代码, "
                             "学校名称 and 学校类型)"
                           : "",
                  row->line, cells, hint_zh, hint_en);
}

/*
 * The header of @p c must map code, name and type and an enrollment
 * column; else fill @p err (naming the nearest header when one is close)
 * and return JH_ERR_DATA.
 */
static jh_status
check_header_columns(const jh_table *t, const jh_county *c, size_t hr,
                     size_t nh, bool searched, jh_error *err)
{
    if (c->columns.code < 0 || c->columns.name < 0 || c->columns.type < 0) {
        missing_column_error(t, c, hr, nh, searched, err);
        return JH_ERR_DATA;
    }
    if (c->columns.students[0] < 0 && c->columns.students[1] < 0) {
        const char *found = NULL, *known = NULL;
        char hint_zh[300] = "", hint_en[300] = "";
        if (jh_county_suggest(c, "students_primary", &found, &known) ||
            jh_county_suggest(c, "students_junior", &found, &known)) {
            snprintf(hint_zh, sizeof(hint_zh), "；找到「%s」，是否指「%s」？",
                     found, known);
            snprintf(hint_en, sizeof(hint_en),
                     "; found '%s', did you mean '%s'?", found, known);
        }
        return jh_error_set2(
            err, JH_ERR_DATA, t->source, t->rows[hr + nh - 1].line, 0,
            "缺少在校生数列：表头须有小学在校生数或初中在校生数%s%.0s",
            "no enrollment column: the header needs 小学在校生数 "
            "(students_primary) or 初中在校生数 (students_junior)%.0s%s",
            hint_zh, hint_en);
    }
    return JH_OK;
}

/*
 * Read the data rows below the header into c->schools.  Returns JH_OK,
 * JH_ERR_DATA (@p err filled) or JH_ERR_NOMEM (@p err not filled).
 */
static jh_status
read_rows(jh__importer *im, jh_county *c, size_t first, const jh__field *fields,
          size_t ncols, jh_error *err)
{
    const jh_table *t = im->t;

    for (size_t i = first; i < t->nrows; i++) {
        jh_status st = read_row(im, c, i, fields, ncols);
        if (st != JH_OK)
            return st;
        if (c->nschools > JH_MAX_SCHOOLS) {
            /* Stop here, even when collecting errors: the rest would
             * only cost time and memory. */
            jh_error e;
            jh_error_clear(&e);
            jh_table_locate(t, i, 0, &e);
            return jh_error_set2(
                err, JH_ERR_DATA, e.file, e.line, 0,
                "一个县（区）的学校超过 %d 所：一个县通常只有几百所学校；"
                "如果文件中有多个县（区），请加一列“县区”，"
                "并改用 junheng batch",
                "more than %d schools in one county: a county has a "
                "few hundred; if the file holds several counties, give "
                "it a 县区 column and use 'junheng batch'",
                JH_MAX_SCHOOLS);
        }
    }
    return JH_OK;
}

/*
 * After the rows: a file of only example rows or no rows is an error,
 * codes must be unique, the county's name is its first school's, and
 * implausible magnitudes are warned about.  Returns JH_OK, JH_ERR_DATA
 * (@p err filled) or JH_ERR_NOMEM (@p err not filled).
 */
static jh_status
finish_county(jh__importer *im, jh_county *c, size_t nerrors, jh_diags *warn,
              jh_error *err)
{
    const jh_table *t = im->t;
    jh_status st;

    if (c->nschools == 0 && im->examples > 0) {
        return jh_error_set2(
            err, JH_ERR_DATA, t->source, im->first_example, 0,
            "文件中只有模板的示例行（%zu行，第%ld至%ld行，标有"
            "“示例”），示例行从不计入：请在原处填写本县的学校",
            "the file holds only the template's example rows "
            "(%zu rows, lines %ld to %ld, marked 示例), which "
            "are never counted: enter your county's schools "
            "in their place",
            im->examples, im->first_example, im->last_example);
    }
    if (c->nschools == 0 &&
        (im->errors == NULL || im->errors->count == nerrors)) {
        return jh_error_set2(err, JH_ERR_DATA, t->source, 0, 0,
                             "没有学校：表格只有表头，没有数据行",
                             "no schools: the table has a header but no data "
                             "rows");
    }
    st = check_duplicates(im, c, (size_t)c->columns.code);
    if (st != JH_OK)
        return st;
    for (size_t i = 0; i < c->nschools; i++) {
        if (c->schools[i].county != NULL) {
            c->name = jh__strdup(c->schools[i].county);
            if (c->name == NULL)
                return JH_ERR_NOMEM;
            break;
        }
    }
    if (c->name != NULL && is_example_county(c->name) &&
        jh_diags_add2(warn, t->source, c->schools[0].line, 0, NULL, NULL,
                      "县区仍是模板示例中的“%s”：请填写本县名称",
                      "the county is still the template's '%s': write your "
                      "county's name in the 县区 column",
                      c->name) != JH_OK)
        return JH_ERR_NOMEM;
    for (size_t i = 0; i < c->nschools; i++) {
        if (!magnitude_warnings(im, c, &c->schools[i]))
            return JH_ERR_NOMEM;
    }
    return JH_OK;
}

jh_status
jh_county_from_table(jh_county **out, const jh_table *t,
                     const jh_import_options *opts, jh_diags *warn,
                     jh_error *err)
{
    jh_import_options defaults = {0};
    jh__importer im = {t, warn, NULL, err, false, 0, 0, 0};
    jh_county *c = NULL;
    jh__field *fields = NULL;
    size_t hr, nh, ncols;
    size_t nerrors = 0;
    jh_status st = JH_OK;

    if (opts == NULL)
        opts = &defaults;
    im.errors = opts->errors;
    if (im.errors != NULL)
        nerrors = im.errors->count;
    hr = opts->header_row;
    nh = opts->header_rows == 2 ? 2 : 1;
    if (opts->find_header)
        (void)jh__find_header(t, &hr, &nh);
    if (hr >= t->nrows) {
        return jh_error_set2(err, JH_ERR_DATA, t->source, 0, 0,
                             "没有表头行：文件是空的",
                             "no header row: the file is empty");
    }
    if (hr + nh > t->nrows)
        nh = 1;
    ncols = opts->header != NULL ? opts->header->ncols
                                 : jh__header_width(t, hr, nh);
    fields = calloc(ncols + 1, sizeof(*fields));
    c = calloc(1, sizeof(*c));
    if (fields == NULL || c == NULL)
        goto nomem;
    c->source = jh__strdup(t->source);
    c->sheet = jh__strdup(t->sheet);
    if (c->source == NULL || (t->sheet != NULL && c->sheet == NULL))
        goto nomem;
    c->header_row = hr;
    c->header_rows = nh;

    if (opts->header != NULL) {
        memcpy(fields, opts->header->fields, (ncols + 1) * sizeof(*fields));
        c->columns = opts->header->columns;
        c->equipment_in_wan = opts->header->equipment_in_wan;
        c->equipment_scale = opts->header->equipment_scale;
    } else {
        st = jh__map_columns(&im, c, hr, nh, fields, ncols);
        if (st != JH_OK)
            goto fail;
    }
    st = check_header_columns(t, c, hr, nh, opts->find_header, err);
    if (st != JH_OK)
        goto fail;
    /* After the header checks: a missing required column already names
     * its nearest header. */
    if (opts->header == NULL &&
        !jh__unknown_header_warnings(&im, c, hr + nh - 1, fields, ncols))
        goto nomem;
    c->schools = calloc(t->nrows - hr, sizeof(*c->schools));
    if (c->schools == NULL && t->nrows > hr + 1)
        goto nomem;
    st = read_rows(&im, c, hr + nh, fields, ncols, err);
    if (st == JH_OK)
        st = finish_county(&im, c, nerrors, warn, err);
    if (st == JH_ERR_NOMEM)
        goto nomem;
    if (st != JH_OK)
        goto fail;
    free(fields);
    *out = c;
    return JH_OK;

nomem:
    st = jh_error_set2(err, JH_ERR_NOMEM, t->source, 0, 0, "内存不足",
                       "out of memory");
fail:
    free(fields);
    jh_county_free(c);
    return st;
}
