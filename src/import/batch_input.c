/*
 * junheng - the input of a batch: reading its files (each once, a large
 * text file in pieces on several threads) and grouping their rows by
 * county and year.  See include/junheng/batch_input.h.
 */
#include "junheng/batch_input.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "batch_years.h"
#include "csv_chunked.h"
#include "junheng/import.h"
#include "junheng/pool.h"
#include "junheng/school_reader.h"
#include "strmap.h"
#include "util.h"

/* Groups of one county: its years and their group indices (while
 * grouping; the indices are those before jh_batch_input_read() orders the
 * groups). */
typedef struct year_group {
    int year;
    size_t group;
} year_group;

typedef struct county_years {
    year_group *items;
    size_t n, cap;
} county_years;

struct jh_batch_input_impl {
    jh__batch_source *sources; /* one per file */
    county_years *years;       /* one per county */
    size_t cap_groups, cap_counties;
    jh__strmap counties;
};

static void
free_years(jh_batch_input *in)
{
    struct jh_batch_input_impl *im = in->impl;

    for (size_t i = 0; im->years != NULL && i < in->ncounties; i++)
        free(im->years[i].items);
    free(im->years);
    im->years = NULL;
}

void
jh_batch_input_free(jh_batch_input *in)
{
    if (in == NULL)
        return;
    for (size_t i = 0; i < in->nfiles; i++)
        free(in->files[i]);
    free(in->files);
    for (size_t i = 0; i < in->ncounties; i++)
        free(in->counties[i]);
    free(in->counties);
    for (size_t i = 0; in->groups != NULL && i < in->ngroups; i++)
        free(in->groups[i].rows);
    free(in->groups);
    jh_diags_release(&in->warnings);
    if (in->impl != NULL) {
        struct jh_batch_input_impl *im = in->impl;
        for (size_t i = 0; im->sources != NULL && i < in->nfiles; i++) {
            jh_table_free(im->sources[i].table);
            jh_import_header_free(im->sources[i].header);
            free(im->sources[i].stem);
        }
        free(im->sources);
        free_years(in);
        free(im->counties.slots);
        free(im);
    }
    free(in);
}

char *
jh_batch_input_label(const jh_batch_input *in, size_t group, char *buf,
                     size_t size)
{
    const jh_batch_rows *g = &in->groups[group];

    if (g->year != 0)
        snprintf(buf, size, "%s %d", in->counties[g->county], g->year);
    else
        snprintf(buf, size, "%s", in->counties[g->county]);
    return buf;
}

jh_status
jh_batch_input_county(jh_county **out, const jh_batch_input *in, size_t gi,
                      jh_diags *warn, jh_error *err)
{
    const jh_batch_rows *gr = &in->groups[gi];
    const jh__batch_source *src = &in->impl->sources[gr->file];
    const jh_table *t = src->table;
    jh_table sub;
    jh_import_options io = {0};
    jh_status st;

    memset(&sub, 0, sizeof(sub));
    sub.source = t->source;
    sub.sheet = t->sheet;
    sub.encoding = t->encoding;
    sub.nrows = src->nh + gr->nrows;
    sub.cap = sub.nrows;
    sub.rows = malloc(sub.nrows * sizeof(*sub.rows));
    if (sub.rows == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    for (size_t k = 0; k < src->nh; k++)
        sub.rows[k] = t->rows[src->hr + k];
    for (size_t k = 0; k < gr->nrows; k++)
        sub.rows[src->nh + k] = t->rows[gr->rows[k]];
    io.header_row = 0;
    io.header_rows = src->nh;
    io.header = src->header;
    st = jh_county_from_table(out, &sub, &io, warn, err);
    free(sub.rows); /* the rows' cells belong to the file's table */
    return st;
}

/* ---------------------------------------------------------------------- */
/* Cells                                                                   */

/* The column of the header rows (@p hr, @p nh rows) that names the simple
 * column @p key ("county", "code", "name") by the importer's one table of
 * names (jh_school_header_key()), or -1. */
static long
find_keyed_column(const jh_table *t, size_t hr, size_t nh, const char *key)
{
    for (size_t r = hr; r < hr + nh && r < t->nrows; r++) {
        for (size_t j = 0; j < t->rows[r].ncells; j++) {
            const char *k = jh_school_header_key(t->rows[r].cells[j]);
            if (k != NULL && strcmp(k, key) == 0)
                return (long)j;
        }
    }
    return -1;
}

/*
 * Parse a year cell: four digits from 1900 to 2999, optionally followed by
 * ".0" (a number from a workbook) or 年, 年度, 学年.  Returns false when
 * the text is something else.
 */
static bool
parse_year(const char *text, size_t len, int *out)
{
    static const char *const suffixes[] = {"", "年", "年度", "学年", NULL};
    int v = 0;
    size_t i = 0;

    for (; i < 4; i++) {
        if (i >= len || text[i] < '0' || text[i] > '9')
            return false;
        v = v * 10 + (text[i] - '0');
    }
    if (i < len && text[i] == '.') {
        i++;
        if (i >= len || text[i] != '0')
            return false;
        while (i < len && text[i] == '0')
            i++;
    }
    if (v < 1900 || v > 2999)
        return false;
    for (size_t k = 0; suffixes[k] != NULL; k++) {
        size_t n = strlen(suffixes[k]);
        if (len - i == n && memcmp(text + i, suffixes[k], n) == 0) {
            *out = v;
            return true;
        }
    }
    return false;
}

static bool
row_blank(const jh_table_row *row)
{
    for (size_t j = 0; j < row->ncells; j++) {
        if (!jh__is_blank(row->cells[j]))
            return false;
    }
    return true;
}

/* ---------------------------------------------------------------------- */
/* Grouping                                                                */

/*
 * Room for one more element (of @p size bytes) in *items, which holds
 * @p n of *cap: doubled when full (@p first when empty).
 */
static jh_status
reserve_one(void **items, size_t size, size_t n, size_t *cap, size_t first)
{
    size_t ncap = *cap == 0 ? first : *cap * 2;
    void *p;

    if (n < *cap)
        return JH_OK;
    p = realloc(*items, ncap * size);
    if (p == NULL)
        return JH_ERR_NOMEM;
    *items = p;
    *cap = ncap;
    return JH_OK;
}

/* The index of county @p name (@p len bytes), added when new. */
static jh_status
county_index(jh_batch_input *b, const char *name, size_t len, size_t *out)
{
    struct jh_batch_input_impl *im = b->impl;
    size_t slot = 0, idx;

    if (im->counties.count * 2 + 2 > im->counties.cap &&
        jh__strmap_reserve(&im->counties, b->counties,
                           im->counties.count + 1) != JH_OK)
        return JH_ERR_NOMEM;
    idx = jh__strmap_find(&im->counties, b->counties, name, len, &slot);
    if (idx != (size_t)-1) {
        *out = idx;
        return JH_OK;
    }
    if (b->ncounties == im->cap_counties) {
        size_t ncap = im->cap_counties == 0 ? 64 : im->cap_counties * 2;
        char **names = realloc(b->counties, ncap * sizeof(*names));
        county_years *years;
        if (names == NULL)
            return JH_ERR_NOMEM;
        b->counties = names;
        years = realloc(im->years, ncap * sizeof(*years));
        if (years == NULL)
            return JH_ERR_NOMEM;
        im->years = years;
        im->cap_counties = ncap;
    }
    b->counties[b->ncounties] = strndup(name, len);
    if (b->counties[b->ncounties] == NULL)
        return JH_ERR_NOMEM;
    memset(&im->years[b->ncounties], 0, sizeof(county_years));
    im->counties.slots[slot] = b->ncounties + 1;
    im->counties.count++;
    *out = b->ncounties++;
    return JH_OK;
}

/* The group of (@p county, @p year); a new one, first seen on line
 * @p line, is made for file @p file. */
static jh_status
group_index(jh_batch_input *b, size_t county, int year, size_t file, long line,
            size_t *out)
{
    struct jh_batch_input_impl *im = b->impl;
    county_years *cy = &im->years[county];
    jh_batch_rows *g;
    void *items;
    jh_status st;

    for (size_t k = 0; k < cy->n; k++) {
        if (cy->items[k].year == year) {
            *out = cy->items[k].group;
            return JH_OK;
        }
    }
    items = cy->items;
    st = reserve_one(&items, sizeof(*cy->items), cy->n, &cy->cap, 2);
    cy->items = items;
    if (st != JH_OK)
        return st;
    items = b->groups;
    st = reserve_one(&items, sizeof(*b->groups), b->ngroups, &im->cap_groups,
                     64);
    b->groups = items;
    if (st != JH_OK)
        return st;
    g = &b->groups[b->ngroups];
    memset(g, 0, sizeof(*g));
    g->county = county;
    g->year = year;
    g->file = file;
    g->first_line = line;
    cy->items[cy->n].year = year;
    cy->items[cy->n].group = b->ngroups;
    cy->n++;
    *out = b->ngroups++;
    return JH_OK;
}

static jh_status
add_row(jh_batch_input *b, size_t group, size_t row)
{
    jh_batch_rows *r = &b->groups[group];
    void *rows = r->rows;
    jh_status st = reserve_one(&rows, sizeof(*r->rows), r->nrows, &r->cap, 64);

    r->rows = rows;
    if (st != JH_OK)
        return st;
    r->rows[r->nrows++] = row;
    return JH_OK;
}

/* The state of grouping one file's rows. */
typedef struct grouper {
    jh_batch_input *in;
    size_t f; /* the file */
    const jh_table *t;
    long ccol, ycol, code_col, name_col;
    bool by_column, by_year; /* the column is there and used */
    bool sheet;              /* a workbook: blanks are merged cells */
    size_t stem_county;      /* without by_column: the file's county */
    size_t group;            /* of the row before, (size_t)-1 at first */
    const char *prev_county;
    size_t prev_len;
    int prev_year;
    size_t filled, examples; /* rows taking the row above's; 示例 rows */
    long first_filled, first_example;
} grouper;

static jh_status
nomem(jh_error *err)
{
    return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                         "out of memory");
}

/*
 * A blank county or year (@p what, in Chinese @p what_zh) in row @p i: in
 * a workbook, *fill (take the row above's); in a row without a code after
 * a group, the row goes with the row above (*done); else an error at
 * column @p col.
 */
static jh_status
blank_key(grouper *g, size_t i, bool no_code, bool can_fill, long col,
          const char *what_zh, const char *what, bool *fill, bool *done,
          jh_error *err)
{
    if (g->sheet && can_fill) {
        *fill = true;
        return JH_OK;
    }
    if (no_code && g->group != (size_t)-1) {
        *done = true;
        return add_row(g->in, g->group, i) == JH_OK ? JH_OK : nomem(err);
    }
    return jh_table_error2(err, JH_ERR_DATA, g->t, i, (size_t)col,
                           "%s%.0s是空的：有这一列时，每一行都要填写",
                           "%.0sthe %s is blank; every row needs one when the "
                           "column is there",
                           what_zh, what);
}

/* The county of row @p i into *county (*fill when it is the row
 * above's; *done when the row is taken already). */
static jh_status
row_county(grouper *g, size_t i, bool no_code, size_t *county, bool *fill,
           bool *done, jh_error *err)
{
    size_t len;
    const char *name =
        jh__batch_trimmed(jh__batch_cell(&g->t->rows[i], g->ccol), &len);
    jh_status st;

    if (len == 0) {
        st = blank_key(g, i, no_code, g->prev_county != NULL, g->ccol,
                       "县区", "county (县区)", fill, done, err);
        if (st != JH_OK || *done)
            return st;
        name = g->prev_county;
        len = g->prev_len;
    }
    if (county_index(g->in, name, len, county) != JH_OK)
        return nomem(err);
    g->prev_county = g->in->counties[*county];
    g->prev_len = len;
    return JH_OK;
}

/* The year of row @p i into *year, as row_county(). */
static jh_status
row_year(grouper *g, size_t i, bool no_code, int *year, bool *fill, bool *done,
         jh_error *err)
{
    size_t ylen;
    const char *ytext =
        jh__batch_trimmed(jh__batch_cell(&g->t->rows[i], g->ycol), &ylen);
    jh_status st;

    if (ylen == 0) {
        st = blank_key(g, i, no_code, g->group != (size_t)-1, g->ycol,
                       "年份", "year (年份)", fill, done, err);
        if (st != JH_OK || *done)
            return st;
        *year = g->prev_year;
    } else if (!parse_year(ytext, ylen, year)) {
        return jh_table_error2(err, JH_ERR_DATA, g->t, i, (size_t)g->ycol,
                               "“%.*s”不是年份（请写成 2023 这样的四位数）",
                               "'%.*s' is not a year (write it as 2023)",
                               (int)(ylen > 64 ? 64 : ylen), ytext);
    }
    g->prev_year = *year;
    return JH_OK;
}

/* Put row @p i, of county @p county and year @p year, in its group. */
static jh_status
place_row(grouper *g, size_t i, size_t county, int year, jh_error *err)
{
    jh_batch_input *in = g->in;
    jh_status st =
        group_index(in, county, year, g->f, g->t->rows[i].line, &g->group);

    if (st == JH_OK && in->groups[g->group].file != g->f) {
        const jh_batch_rows *o = &in->groups[g->group];
        char label[160];
        return jh_table_error2(
            err, JH_ERR_DATA, g->t, i, g->ccol >= 0 ? (size_t)g->ccol : 0,
            "%s 的数据出现在两个文件中：“%s”（第 %ld 行）和“%s”；"
            "同一县（区）同一年份的数据只能来自一个文件（请删去其中一个，"
            "或为每个文件注明各自的年份：加一列“年份”，在文件名或文件夹名中"
            "写上年份，或用 --year 文件名=2023 指定）",
            "%s comes from two files, %s (line %ld) and %s: each "
            "county-year must come from one file (remove one, or give "
            "each its own year)",
            jh_batch_input_label(in, g->group, label, sizeof(label)),
            in->files[o->file], o->first_line, in->files[g->f]);
    }
    if (st == JH_OK)
        st = add_row(in, g->group, i);
    return st == JH_OK ? JH_OK : nomem(err);
}

/* Group row @p i of the file. */
static jh_status
group_row(grouper *g, size_t i, jh_error *err)
{
    const jh_table_row *row = &g->t->rows[i];
    size_t county = g->stem_county;
    int year = g->in->impl->sources[g->f].year;
    bool no_code, fill = false, done = false;
    jh_status st = JH_OK;

    /* A row with a county is not blank: test the others only. */
    if ((g->ccol < 0 || jh__is_blank(jh__batch_cell(row, g->ccol))) &&
        row_blank(row))
        return JH_OK;
    /* The template's example rows (示例) are never a county's schools,
     * nor make a county 示例县 of their own. */
    if (jh_school_row_is_example(jh__batch_cell(row, g->code_col),
                                 jh__batch_cell(row, g->name_col))) {
        if (g->examples++ == 0)
            g->first_example = row->line;
        return JH_OK;
    }
    no_code = jh__is_blank(jh__batch_cell(row, g->code_col));
    if (g->by_column)
        st = row_county(g, i, no_code, &county, &fill, &done, err);
    if (st == JH_OK && !done && g->by_year)
        st = row_year(g, i, no_code, &year, &fill, &done, err);
    if (st != JH_OK || done)
        return st;
    if (fill && g->filled++ == 0)
        g->first_filled = row->line;
    return place_row(g, i, county, year, err);
}

/* The file's warnings about filled and example rows. */
static jh_status
group_warnings(const grouper *g, jh_error *err)
{
    jh_diags *w = &g->in->warnings;

    if (g->filled > 0 &&
        jh_diags_add2(w, g->t->source, g->first_filled, 0, NULL, NULL,
                      "%zu行的县区或年份为空，沿用上一行（合并单元格）",
                      "%zu rows have a blank county or year and take those "
                      "of the row above (merged cells)",
                      g->filled) != JH_OK)
        return nomem(err);
    if (g->examples > 0 &&
        jh_diags_add2(w, g->t->source, g->first_example, 0, NULL, NULL,
                      "%zu行是模板的示例行（标有“示例”，自第%ld行起），"
                      "不计入任何县",
                      "%zu rows are the template's example rows (marked "
                      "示例, the first on line %ld) and are not counted in "
                      "any county",
                      g->examples, g->first_example) != JH_OK)
        return nomem(err);
    return JH_OK;
}

/* Group the rows of file @p f.  See jh_batch_input_read() for the
 * rules. */
static jh_status
group_file(jh_batch_input *in, size_t f, jh_error *err)
{
    const jh__batch_source *src = &in->impl->sources[f];
    const jh_table *t = src->table;
    size_t first = src->hr + src->nh;
    grouper g;
    jh_status st = JH_OK;

    memset(&g, 0, sizeof(g));
    g.in = in;
    g.f = f;
    g.t = t;
    g.ccol = find_keyed_column(t, src->hr, src->nh, "county");
    g.ycol = jh__batch_year_column(t, src->hr, src->nh);
    g.code_col = find_keyed_column(t, src->hr, src->nh, "code");
    g.name_col = find_keyed_column(t, src->hr, src->nh, "name");
    g.by_column = jh__batch_column_used(t, first, g.ccol);
    g.by_year = jh__batch_column_used(t, first, g.ycol);
    g.sheet = t->sheet != NULL;
    g.group = (size_t)-1;
    if (g.by_year || src->year != 0)
        in->has_years = true;
    if (!g.by_column) {
        char *stem = src->stem != NULL ? jh__strdup(src->stem)
                                       : jh__batch_file_stem(in->files[f]);
        if (stem == NULL)
            return nomem(err);
        st = county_index(in, stem, strlen(stem), &g.stem_county);
        free(stem);
        if (st != JH_OK)
            return nomem(err);
    }
    for (size_t i = first; st == JH_OK && i < t->nrows; i++)
        st = group_row(&g, i, err);
    return st == JH_OK ? group_warnings(&g, err) : st;
}

/* Sort groups by county (first appearance) and year; no two groups have
 * both the same. */
static int
cmp_group(const void *pa, const void *pb)
{
    const jh_batch_rows *a = pa, *b = pb;

    if (a->county != b->county)
        return a->county < b->county ? -1 : 1;
    return (a->year > b->year) - (a->year < b->year);
}

/* ---------------------------------------------------------------------- */
/* Reading                                                                 */

static double
now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef struct read_ctx {
    jh_batch_input *in;
    const jh_batch_input_options *opts;
    jh_diags *warn;  /* per file */
    unsigned chunks; /* threads each file may use to parse itself */
} read_ctx;

/* Read file @p f into its table and find its header (a task of
 * jh_pool_run()). */
static jh_status
read_task(void *data, size_t f, jh_error *err)
{
    read_ctx *rc = data;
    jh_batch_input *in = rc->in;
    jh__batch_source *src = &in->impl->sources[f];
    jh_file_options fo = {0};
    jh_status st;

    fo.encoding = rc->opts->encoding;
    fo.sheet = rc->opts->sheet;
    if (fo.sheet == NULL) {
        bool done = false;
        st = jh__csv_read_chunked(&src->table, in->files[f], fo.encoding,
                                  rc->chunks, &done, &src->read_bytes, err);
        if (st != JH_OK)
            return st;
        if (!done)
            st = jh_import_table(&src->table, in->files[f], &fo, &rc->warn[f],
                                 err);
    } else {
        st = jh_import_table(&src->table, in->files[f], &fo, &rc->warn[f], err);
    }
    if (st != JH_OK)
        return st;
    if (jh_school_find_header(src->table, &src->hr, &src->nh) != JH_OK) {
        /* Let the importer say what is missing, with its line. */
        jh_import_options io = {0};
        jh_county *c = NULL;
        io.find_header = true;
        st = jh_county_from_table(&c, src->table, &io, NULL, err);
        jh_county_free(c);
        if (st == JH_OK)
            st = jh_error_set2(err, JH_ERR_DATA, in->files[f], 0, 0,
                               "没有一行表头同时写有学校代码、学校名称和"
                               "学校类型",
                               "no header row names 学校代码, 学校名称 and "
                               "学校类型");
        return st;
    }
    if (jh_import_header_new(&src->header, src->table, src->hr, src->nh,
                             NULL) == JH_ERR_NOMEM)
        return nomem(err);
    return JH_OK;
}

/* Read every file on opts->jobs threads; their warnings in file order. */
static jh_status
read_files(jh_batch_input *in, const jh_batch_input_options *opts,
           jh_error *err)
{
    read_ctx rc;
    jh_status st;
    size_t n = in->nfiles;

    rc.in = in;
    rc.opts = opts;
    rc.warn = calloc(n, sizeof(*rc.warn));
    if (rc.warn == NULL)
        return nomem(err);
    /* Threads left over when there are fewer files than jobs parse the
     * files themselves in pieces. */
    rc.chunks = opts->jobs > n ? opts->jobs / (unsigned)n : 1;
    st = jh_pool_run(n, opts->jobs, read_task, &rc, NULL, NULL, NULL, err);
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; st == JH_OK && k < rc.warn[i].count; k++) {
            if (jh_diags_append(&in->warnings, &rc.warn[i].items[k]) != JH_OK)
                st = nomem(err);
        }
        jh_diags_release(&rc.warn[i]);
    }
    free(rc.warn);
    for (size_t i = 0; i < n; i++)
        in->read_bytes_seconds += in->impl->sources[i].read_bytes;
    return st;
}

/* From here on the names are for showing: in UTF-8 whatever their bytes
 * (a county named after its file, the summary's sources). */
static jh_status
display_names(jh_batch_input *in, jh_error *err)
{
    for (size_t i = 0; i < in->nfiles; i++) {
        jh__batch_source *src = &in->impl->sources[i];
        char *shown = jh__display_name(in->files[i]);
        if (shown == NULL)
            return nomem(err);
        free(in->files[i]);
        in->files[i] = shown;
        if (src->stem != NULL) {
            shown = jh__display_name(src->stem);
            if (shown == NULL)
                return nomem(err);
            free(src->stem);
            src->stem = shown;
        }
    }
    return JH_OK;
}

/* A new input of the @p npaths files @p paths, nothing read. */
static jh_batch_input *
input_new(const char *const *paths, size_t npaths)
{
    jh_batch_input *in = calloc(1, sizeof(*in));

    if (in == NULL)
        return NULL;
    in->warnings = (jh_diags)JH_DIAGS_INIT;
    in->impl = calloc(1, sizeof(*in->impl));
    in->files = calloc(npaths, sizeof(*in->files));
    if (in->impl == NULL || in->files == NULL)
        goto fail;
    in->impl->sources = calloc(npaths, sizeof(*in->impl->sources));
    if (in->impl->sources == NULL)
        goto fail;
    for (size_t i = 0; i < npaths; i++) {
        in->files[i] = jh__strdup(paths[i]);
        if (in->files[i] == NULL)
            goto fail;
        in->nfiles++;
    }
    if (jh__strmap_reserve(&in->impl->counties, in->counties, 16) != JH_OK)
        goto fail;
    return in;

fail:
    jh_batch_input_free(in);
    return NULL;
}

jh_status
jh_batch_input_read(jh_batch_input **out, const char *const *paths,
                    size_t npaths, const jh_batch_input_options *opts,
                    jh_error *err)
{
    jh_batch_input_options defaults = {1, JH_ENC_AUTO, NULL, NULL, false};
    jh_batch_input *in;
    jh_status st;
    double t0, t1, warm = 0.0;

    if (opts == NULL)
        opts = &defaults;
    if (npaths == 0)
        return jh_error_set2(err, JH_ERR_ARG, NULL, 0, 0, "没有输入文件",
                             "no input files");
    in = input_new(paths, npaths);
    if (in == NULL)
        return nomem(err);
    /* The number parser makes its C locale on first use; make it here,
     * before any thread could race to. */
    (void)jh__parse_double("0", &warm);
    t0 = now_seconds();
    st = read_files(in, opts, err);
    t1 = now_seconds();
    in->read_seconds = t1 - t0;
    /* The years first, from the names as the system gives them (the
     * folder through realpath). */
    if (st == JH_OK)
        st = jh__batch_years(in->impl->sources, in->files, in->nfiles,
                             opts->file_years, opts->require_years, err);
    if (st == JH_OK)
        st = display_names(in, err);
    for (size_t f = 0; st == JH_OK && f < in->nfiles; f++)
        st = group_file(in, f, err);
    if (st != JH_OK) {
        jh_batch_input_free(in);
        return st;
    }
    free_years(in); /* its group indices are those before ordering */
    if (in->ngroups > 1)
        qsort(in->groups, in->ngroups, sizeof(*in->groups), cmp_group);
    in->group_seconds = now_seconds() - t1;
    *out = in;
    return JH_OK;
}
