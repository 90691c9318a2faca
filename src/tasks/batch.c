/*
 * junheng - many counties at once: grouping rows by county and year,
 * analyzing each group with the ordinary pipeline, ranking.
 *
 * Each file is read once into a jh_table.  A group is a list of row
 * indices into its file's table; to analyze it, a table that borrows the
 * header rows and the group's rows (no copy of any cell) is handed to
 * jh_county_from_table(), so a school code only has to be unique within
 * its county-year, and every message names the real file and line.
 */
#include "junheng/batch.h"
#include "junheng/school_reader.h"

#include <errno.h>
#include <math.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "junheng/csv.h"
#include "junheng/import.h"
#include "util.h"

/* ---------------------------------------------------------------------- */
/* Running tasks on threads                                                */

typedef struct pool {
    pthread_mutex_t lock;
    size_t n, next, done;
    size_t failed;    /* lowest failing index, n when none */
    jh_status status; /* its status */
    jh_error error;   /* its error */
    jh_batch_task_fn task;
    void *data;
    jh_batch_progress_fn progress;
    void *progress_data;
} pool;

static void *
pool_worker(void *arg)
{
    pool *p = arg;

    for (;;) {
        size_t i;
        jh_error e;
        jh_status st;

        pthread_mutex_lock(&p->lock);
        /* Items after a failure are skipped; those before it still run,
         * so that the lowest failing index is found whatever the timing. */
        if (p->next >= p->n || p->next > p->failed) {
            pthread_mutex_unlock(&p->lock);
            return NULL;
        }
        i = p->next++;
        pthread_mutex_unlock(&p->lock);

        jh_error_clear(&e);
        st = p->task(p->data, i, &e);

        pthread_mutex_lock(&p->lock);
        if (st != JH_OK && i < p->failed) {
            p->failed = i;
            p->status = st;
            p->error = e;
        }
        p->done++;
        if (p->progress != NULL)
            p->progress(p->progress_data, p->done, p->n);
        pthread_mutex_unlock(&p->lock);
    }
}

jh_status
jh_batch_parallel(size_t n, unsigned jobs, jh_batch_task_fn task, void *data,
                  jh_batch_progress_fn progress, void *progress_data,
                  size_t *failed, jh_error *err)
{
    pool p;
    pthread_t *threads = NULL;
    size_t nthreads = jobs > 1 ? jobs : 1, started = 0;

    if (failed != NULL)
        *failed = n;
    if (n == 0)
        return JH_OK;
    if (nthreads > n)
        nthreads = n;
    memset(&p, 0, sizeof(p));
    p.n = n;
    p.failed = n;
    p.task = task;
    p.data = data;
    p.progress = progress;
    p.progress_data = progress_data;
    if (pthread_mutex_init(&p.lock, NULL) != 0)
        return jh_error_set(err, JH_ERR_INTERNAL, NULL, 0, 0,
                            "cannot create a mutex");
    if (nthreads > 1) {
        threads = calloc(nthreads - 1, sizeof(*threads));
        for (size_t t = 0; threads != NULL && t + 1 < nthreads; t++) {
            if (pthread_create(&threads[t], NULL, pool_worker, &p) != 0)
                break;
            started++;
        }
    }
    /* The calling thread works too; with no thread started it does all. */
    pool_worker(&p);
    for (size_t t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    free(threads);
    pthread_mutex_destroy(&p.lock);
    if (failed != NULL)
        *failed = p.failed;
    if (p.failed < n) {
        if (err != NULL)
            *err = p.error;
        return p.status;
    }
    return JH_OK;
}

/* ---------------------------------------------------------------------- */
/* A map from strings to indices (open addressing)                         */

typedef struct strmap {
    size_t *slots; /* index + 1; 0 is empty */
    size_t cap;    /* power of two */
    size_t count;
} strmap;

static uint64_t
hash_bytes(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

/*
 * Find @p key (of @p len bytes) among @p names through @p m.  Returns the
 * index, or (size_t)-1 with *slot set to the empty slot where it belongs.
 */
static size_t
strmap_find(const strmap *m, char *const *names, const char *key, size_t len,
            size_t *slot)
{
    size_t mask = m->cap - 1;
    size_t i = (size_t)hash_bytes(key, len) & mask;

    for (;; i = (i + 1) & mask) {
        size_t v = m->slots[i];
        if (v == 0) {
            *slot = i;
            return (size_t)-1;
        }
        if (strncmp(names[v - 1], key, len) == 0 && names[v - 1][len] == '\0')
            return v - 1;
    }
}

/* Grow the map to hold at least twice @p count entries. */
static jh_status
strmap_reserve(strmap *m, char *const *names, size_t count)
{
    size_t cap = 64;
    size_t *slots;

    while (cap < count * 2 + 2)
        cap *= 2;
    if (cap <= m->cap)
        return JH_OK;
    slots = calloc(cap, sizeof(*slots));
    if (slots == NULL)
        return JH_ERR_NOMEM;
    for (size_t i = 0; i < m->cap; i++) {
        size_t v = m->slots[i];
        if (v != 0) {
            const char *k = names[v - 1];
            size_t j = (size_t)hash_bytes(k, strlen(k)) & (cap - 1);
            while (slots[j] != 0)
                j = (j + 1) & (cap - 1);
            slots[j] = v;
        }
    }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
    return JH_OK;
}

/* ---------------------------------------------------------------------- */
/* The batch's private state                                               */

typedef struct source {
    jh_table *table;
    size_t hr, nh; /* header row and number of header rows */
    /* The header mapped once for all the file's counties; NULL when it
     * has an error, which each county then reports as on its own. */
    jh_import_header *header;
    double read_bytes; /* seconds reading the bytes (read_chunked) */
    /* Without a 年份 column: the file's year (0 when none) and the county
     * named after the file (malloc'd; NULL for the plain file stem). */
    int year;
    char *stem;
} source;

/* Groups of one county: its years and their group indices. */
typedef struct county_years {
    int *years;
    size_t *groups;
    size_t n, cap;
} county_years;

typedef struct group_rows {
    size_t *rows;
    size_t n, cap;
} group_rows;

struct jh_batch_impl {
    source *sources;     /* one per file */
    group_rows *rows;    /* one per group */
    county_years *years; /* one per county */
    size_t cap_groups, cap_counties;
    strmap counties;
};

static void
group_release(jh_batch_group *g)
{
    jh_diags_release(&g->warnings);
}

void
jh_batch_free(jh_batch *b)
{
    if (b == NULL)
        return;
    for (size_t i = 0; i < b->ngroups; i++)
        group_release(&b->groups[i]);
    jh__big_free(b->groups);
    for (size_t i = 0; i < b->nfiles; i++)
        free(b->files[i]);
    free(b->files);
    for (size_t i = 0; i < b->ncounties; i++) {
        free(b->counties[i]);
        if (b->folders != NULL)
            free(b->folders[i]);
    }
    free(b->counties);
    free(b->folders);
    jh_diags_release(&b->warnings);
    if (b->impl != NULL) {
        struct jh_batch_impl *im = b->impl;
        for (size_t i = 0; im->sources != NULL && i < b->nfiles; i++) {
            jh_table_free(im->sources[i].table);
            jh_import_header_free(im->sources[i].header);
            free(im->sources[i].stem);
        }
        free(im->sources);
        for (size_t i = 0; im->rows != NULL && i < b->ngroups; i++)
            free(im->rows[i].rows);
        free(im->rows);
        for (size_t i = 0; im->years != NULL && i < b->ncounties; i++) {
            free(im->years[i].years);
            free(im->years[i].groups);
        }
        free(im->years);
        free(im->counties.slots);
        free(im);
    }
    free(b);
}

/* ---------------------------------------------------------------------- */
/* Headers and cells                                                       */

/* Bounds of @p s without leading and trailing blanks (ASCII whitespace
 * and U+3000, the ideographic space). */
static const char *
trimmed(const char *s, size_t *len)
{
    size_t n = strlen(s);

    for (;;) {
        if (n > 0 && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')) {
            s++;
            n--;
        } else if (n >= 3 && memcmp(s, "\xe3\x80\x80", 3) == 0) {
            s += 3;
            n -= 3;
        } else {
            break;
        }
    }
    for (;;) {
        char c = n > 0 ? s[n - 1] : 'x';
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            n--;
        else if (n >= 3 && memcmp(s + n - 3, "\xe3\x80\x80", 3) == 0)
            n -= 3;
        else
            break;
    }
    *len = n;
    return s;
}

/* True when header cell @p cell names one of @p names (a unit in
 * parentheses after the name allowed). */
static bool
header_is(const char *cell, const char *const *names)
{
    size_t len;
    const char *s = trimmed(cell, &len);
    const char *paren = NULL;

    for (size_t i = 0; i + 1 <= len; i++) {
        if (s[i] == '(' || (i + 3 <= len && memcmp(s + i, "（", 3) == 0)) {
            paren = s + i;
            break;
        }
    }
    if (paren != NULL && paren > s)
        len = (size_t)(paren - s);
    while (len > 0 && s[len - 1] == ' ')
        len--;
    for (size_t k = 0; names[k] != NULL; k++) {
        if (strlen(names[k]) == len && strncasecmp(s, names[k], len) == 0)
            return true;
    }
    return false;
}

/* The column of the header rows (@p hr, @p nh rows) named by one of
 * @p names, or -1. */
static long
find_column(const jh_table *t, size_t hr, size_t nh, const char *const *names)
{
    for (size_t r = hr; r < hr + nh && r < t->nrows; r++) {
        for (size_t j = 0; j < t->rows[r].ncells; j++) {
            if (header_is(t->rows[r].cells[j], names))
                return (long)j;
        }
    }
    return -1;
}

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

static const char *const year_headers[] = {"year",     "年份", "年度",
                                           "统计年份", "学年", NULL};
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

/* The cell text of (@p row, @p col), "" when @p col < 0 or past the end. */
static const char *
cell_at(const jh_table_row *row, long col)
{
    return col >= 0 && (size_t)col < row->ncells ? row->cells[col] : "";
}

/* ---------------------------------------------------------------------- */
/* Grouping                                                                */

/* The index of county @p name (@p len bytes), added when new. */
static jh_status
county_index(jh_batch *b, const char *name, size_t len, size_t *out)
{
    struct jh_batch_impl *im = b->impl;
    size_t slot = 0, idx;

    if (im->counties.count * 2 + 2 > im->counties.cap &&
        strmap_reserve(&im->counties, b->counties, im->counties.count + 1) !=
            JH_OK)
        return JH_ERR_NOMEM;
    idx = strmap_find(&im->counties, b->counties, name, len, &slot);
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

/* The group of (@p county, @p year); a new one is made for file @p file.
 * *other receives the file of an existing group from another file. */
static jh_status
group_index(jh_batch *b, size_t county, int year, size_t file, long line,
            size_t *out)
{
    struct jh_batch_impl *im = b->impl;
    county_years *cy = &im->years[county];
    jh_batch_group *g;

    for (size_t k = 0; k < cy->n; k++) {
        if (cy->years[k] == year) {
            *out = cy->groups[k];
            return JH_OK;
        }
    }
    if (cy->n == cy->cap) {
        size_t ncap = cy->cap == 0 ? 2 : cy->cap * 2;
        int *y = realloc(cy->years, ncap * sizeof(*y));
        size_t *gs;
        if (y == NULL)
            return JH_ERR_NOMEM;
        cy->years = y;
        gs = realloc(cy->groups, ncap * sizeof(*gs));
        if (gs == NULL)
            return JH_ERR_NOMEM;
        cy->groups = gs;
        cy->cap = ncap;
    }
    if (b->ngroups == im->cap_groups) {
        size_t ncap = im->cap_groups == 0 ? 64 : im->cap_groups * 2;
        /* Some 3.5 KB a group: a national batch's groups are a big
         * buffer. */
        jh_batch_group *gg =
            jh__big_realloc(b->groups, b->ngroups * sizeof(*gg),
                            ncap * sizeof(*gg));
        group_rows *rr;
        if (gg == NULL)
            return JH_ERR_NOMEM;
        b->groups = gg;
        rr = realloc(im->rows, ncap * sizeof(*rr));
        if (rr == NULL)
            return JH_ERR_NOMEM;
        im->rows = rr;
        im->cap_groups = ncap;
    }
    g = &b->groups[b->ngroups];
    memset(g, 0, sizeof(*g));
    g->county = county;
    g->year = year;
    g->file = file;
    g->first_line = line;
    g->warnings = (jh_diags)JH_DIAGS_INIT;
    memset(&im->rows[b->ngroups], 0, sizeof(group_rows));
    cy->years[cy->n] = year;
    cy->groups[cy->n] = b->ngroups;
    cy->n++;
    *out = b->ngroups++;
    return JH_OK;
}

static jh_status
add_row(jh_batch *b, size_t group, size_t row)
{
    group_rows *r = &b->impl->rows[group];

    if (r->n == r->cap) {
        size_t ncap = r->cap == 0 ? 64 : r->cap * 2;
        size_t *nr = realloc(r->rows, ncap * sizeof(*nr));
        if (nr == NULL)
            return JH_ERR_NOMEM;
        r->rows = nr;
        r->cap = ncap;
    }
    r->rows[r->n++] = row;
    b->groups[group].nrows++;
    return JH_OK;
}

/* The file's name without folders and extension. */
static char *
file_stem(const char *path)
{
    const char *base = strrchr(path, '/');
    const char *dot;

    base = base != NULL ? base + 1 : path;
    dot = strrchr(base, '.');
    return strndup(base, dot != NULL && dot != base ? (size_t)(dot - base)
                                                    : strlen(base));
}

/* Does any data row have a non-blank cell in column @p col? */
static bool
column_used(const jh_table *t, size_t first, long col)
{
    if (col < 0)
        return false;
    for (size_t i = first; i < t->nrows; i++) {
        if (!jh__is_blank(cell_at(&t->rows[i], col)))
            return true;
    }
    return false;
}

/*
 * Group the rows of file @p f.  See jh_batch_run() for the rules.
 */
static jh_status
group_file(jh_batch *b, size_t f, jh_error *err)
{
    source *src = &b->impl->sources[f];
    const jh_table *t = src->table;
    size_t first = src->hr + src->nh;
    long ccol = find_keyed_column(t, src->hr, src->nh, "county");
    long ycol = find_column(t, src->hr, src->nh, year_headers);
    long code_col = find_keyed_column(t, src->hr, src->nh, "code");
    long name_col = find_keyed_column(t, src->hr, src->nh, "name");
    size_t examples = 0;
    long first_example = 0;
    bool by_column = column_used(t, first, ccol);
    bool by_year = column_used(t, first, ycol);
    bool sheet = t->sheet != NULL;
    size_t filled = 0, stem_county = 0, group = (size_t)-1;
    const char *prev_county = NULL;
    size_t prev_len = 0;
    int prev_year = 0;
    long first_filled = 0;
    jh_status st;

    if (by_year || src->year != 0)
        b->has_years = true;
    if (!by_column) {
        char *stem =
            src->stem != NULL ? jh__strdup(src->stem) : file_stem(b->files[f]);
        if (stem == NULL)
            return jh_error_set(err, JH_ERR_NOMEM, NULL, 0, 0, "out of memory");
        st = county_index(b, stem, strlen(stem), &stem_county);
        free(stem);
        if (st != JH_OK)
            return jh_error_set(err, st, NULL, 0, 0, "out of memory");
    }
    for (size_t i = first; i < t->nrows; i++) {
        const jh_table_row *row = &t->rows[i];
        const char *name = NULL;
        size_t len = 0, county = stem_county, ylen = 0;
        const char *ytext = NULL;
        int year = src->year;
        bool no_code, fill = false;

        /* A row with a county is not blank: test the others only. */
        if ((ccol < 0 || jh__is_blank(cell_at(row, ccol))) && row_blank(row))
            continue;
        /* The template's example rows (示例) are never a county's
         * schools, nor make a county 示例县 of their own. */
        if (jh_school_row_is_example(cell_at(row, code_col),
                                     cell_at(row, name_col))) {
            if (examples++ == 0)
                first_example = row->line;
            continue;
        }
        no_code = jh__is_blank(cell_at(row, code_col));
        if (by_column) {
            name = trimmed(cell_at(row, ccol), &len);
            if (len == 0) {
                if (sheet && prev_county != NULL) {
                    name = prev_county;
                    len = prev_len;
                    fill = true;
                } else if (no_code && group != (size_t)-1) {
                    st = add_row(b, group, i);
                    if (st != JH_OK)
                        return jh_error_set(err, st, NULL, 0, 0,
                                            "out of memory");
                    continue;
                } else {
                    return jh_table_error(err, JH_ERR_DATA, t, i, (size_t)ccol,
                                      "the county (县区) is blank; every row "
                                      "needs one when the column is there");
                }
            }
            st = county_index(b, name, len, &county);
            if (st != JH_OK)
                return jh_error_set(err, st, NULL, 0, 0, "out of memory");
            prev_county = b->counties[county];
            prev_len = len;
        }
        if (by_year) {
            ytext = trimmed(cell_at(row, ycol), &ylen);
            if (ylen == 0) {
                if (sheet && group != (size_t)-1) {
                    year = prev_year;
                    fill = true;
                } else if (no_code && group != (size_t)-1) {
                    st = add_row(b, group, i);
                    if (st != JH_OK)
                        return jh_error_set(err, st, NULL, 0, 0,
                                            "out of memory");
                    continue;
                } else {
                    return jh_table_error(err, JH_ERR_DATA, t, i, (size_t)ycol,
                                      "the year (年份) is blank; every row "
                                      "needs one when the column is there");
                }
            } else if (!parse_year(ytext, ylen, &year)) {
                return jh_table_error(err, JH_ERR_DATA, t, i, (size_t)ycol,
                                  "'%.*s' is not a year (write it as 2023)",
                                  (int)(ylen > 64 ? 64 : ylen), ytext);
            }
            prev_year = year;
        }
        if (fill && filled++ == 0)
            first_filled = row->line;
        st = group_index(b, county, year, f, row->line, &group);
        if (st == JH_OK && b->groups[group].file != f) {
            const jh_batch_group *g = &b->groups[group];
            char label[160];
            return jh_table_error(
                err, JH_ERR_DATA, t, i, ccol >= 0 ? (size_t)ccol : 0,
                "%s comes from two files, %s (line %ld) and %s: each "
                "county-year must come from one file (remove one, or give "
                "each its own year)",
                jh_batch_group_label(b, group, label, sizeof(label)),
                b->files[g->file], g->first_line, b->files[f]);
        }
        if (st == JH_OK)
            st = add_row(b, group, i);
        if (st != JH_OK)
            return jh_error_set(err, st, NULL, 0, 0, "out of memory");
    }
    if (filled > 0 &&
        jh_diags_add2(&b->warnings, t->source, first_filled, 0, NULL, NULL,
                      "%zu行的县区或年份为空，沿用上一行（合并单元格）",
                      "%zu rows have a blank county or year and take those "
                     "of the row above (merged cells)",
                     filled) != JH_OK)
        return jh_error_set(err, JH_ERR_NOMEM, NULL, 0, 0, "out of memory");
    if (examples > 0 &&
        jh_diags_add2(&b->warnings, t->source, first_example, 0, NULL, NULL,
                      "%zu行是模板的示例行（标有“示例”，自第%ld行起），"
                      "不计入任何县",
                      "%zu rows are the template's example rows (marked "
                      "示例, the first on line %ld) and are not counted in "
                      "any county",
                      examples, first_example) != JH_OK)
        return jh_error_set(err, JH_ERR_NOMEM, NULL, 0, 0, "out of memory");
    return JH_OK;
}

/* ---------------------------------------------------------------------- */
/* Files per year                                                          */

/* Suffixes that go with a year in a name ("2023年"). */
static const char *const year_suffixes[] = {"学年", "年度", "年", NULL};

/*
 * The year in the name @p s of @p len bytes: a run of exactly four digits
 * 19xx or 20xx.  Returns it, with the bytes [*at, *end) it takes with a
 * year suffix after it; 0 when there is none or several different ones.
 */
static int
name_year(const char *s, size_t len, size_t *at, size_t *end)
{
    int found = 0;

    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && s[j] >= '0' && s[j] <= '9')
            j++;
        if (j == i) {
            i++;
            continue;
        }
        if (j - i == 4 && ((s[i] == '1' && s[i + 1] == '9') ||
                           (s[i] == '2' && s[i + 1] == '0'))) {
            int v = (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 +
                    (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
            if (found != 0 && found != v)
                return 0;
            if (found == 0) {
                size_t e = j;
                for (size_t k = 0; year_suffixes[k] != NULL; k++) {
                    size_t n = strlen(year_suffixes[k]);
                    if (len - j >= n &&
                        memcmp(s + j, year_suffixes[k], n) == 0) {
                        e = j + n;
                        break;
                    }
                }
                found = v;
                *at = i;
                *end = e;
            }
        }
        i = j;
    }
    return found;
}

/* Length of the separator at @p s (of @p len bytes), 0 when none. */
static size_t
separator_len(const char *s, size_t len)
{
    static const char *const seps[] = {
        " ",  "_",  "-",  ".", "(", ")",  "[",
        "]",  "（", "）", "·", "—", "－", "\xe3\x80\x80",
        "、", NULL};

    for (size_t k = 0; seps[k] != NULL; k++) {
        size_t n = strlen(seps[k]);
        if (len >= n && memcmp(s, seps[k], n) == 0)
            return n;
    }
    return 0;
}

/* Length of a separator ending at @p s + @p len, 0 when none. */
static size_t
separator_before(const char *s, size_t len)
{
    for (size_t n = 1; n <= 3 && n <= len; n++) {
        if (separator_len(s + len - n, n) == n)
            return n;
    }
    return 0;
}

/* @p name without the bytes [@p at, @p end) and the separators at either
 * end of what is left; malloc'd ("" when nothing is left). */
static char *
without_year(const char *name, size_t at, size_t end)
{
    size_t len = strlen(name), n = 0, a = 0, z, k;
    char *out = malloc(len + 1);

    if (out == NULL)
        return NULL;
    memcpy(out, name, at);
    memcpy(out + at, name + end, len - end);
    n = at + len - end;
    while (a < n && (k = separator_len(out + a, n - a)) > 0)
        a += k;
    z = n;
    while (z > a && (k = separator_before(out + a, z - a)) > 0)
        z -= k;
    memmove(out, out + a, z - a);
    out[z - a] = '\0';
    return out;
}

/* The last part of a path, without its extension when @p stem. */
static char *
path_base(const char *path, bool stem)
{
    return stem ? file_stem(path)
                : jh__strdup(strrchr(path, '/') != NULL ? strrchr(path, '/') + 1
                                                        : path);
}

/*
 * The year of file @p f, which has no 年份 column: the user's, else the
 * one in the file's name, else in its folder's name (0 when none), and
 * the county named after the file into src->stem.  See jh_batch_run().
 */
static jh_status
file_year(jh_batch *b, size_t f, int given, jh_error *err)
{
    source *src = &b->impl->sources[f];
    char *stem = file_stem(b->files[f]);
    char *real = NULL, *folder = NULL, *slash;
    size_t at = 0, end = 0, fat = 0, fend = 0;
    int year, fyear = 0;

    if (stem == NULL)
        goto nomem;
    year = name_year(stem, strlen(stem), &at, &end);
    /* The folder: of the real path, so that "2023.csv" in the current
     * folder and "./2023.csv" have one. */
    real = realpath(b->files[f], NULL);
    if (real != NULL && (slash = strrchr(real, '/')) != NULL) {
        *slash = '\0';
        folder = path_base(real, false);
        if (folder == NULL)
            goto nomem;
        fyear = name_year(folder, strlen(folder), &fat, &fend);
    }
    if (year != 0) {
        src->stem = without_year(stem, at, end);
        if (src->stem == NULL)
            goto nomem;
        if (src->stem[0] == '\0' && folder != NULL && folder[0] != '\0') {
            free(src->stem);
            src->stem = fyear != 0 ? without_year(folder, fat, fend)
                                   : jh__strdup(folder);
            if (src->stem == NULL)
                goto nomem;
        }
        if (src->stem[0] == '\0') { /* "2023/2023.csv": keep the name */
            free(src->stem);
            src->stem = NULL;
        }
    }
    src->year = given != 0 ? given : year != 0 ? year : fyear;
    free(stem);
    free(real);
    free(folder);
    return JH_OK;

nomem:
    free(stem);
    free(real);
    free(folder);
    return jh_error_set(err, JH_ERR_NOMEM, NULL, 0, 0, "out of memory");
}

/*
 * The year of every file without a 年份 column, before grouping; an
 * error for a file without a year when years are used.
 */
static jh_status
files_years(jh_batch *b, const jh_batch_options *opts, jh_error *err)
{
    bool any = false;
    size_t missing = b->nfiles;

    for (size_t f = 0; f < b->nfiles; f++) {
        source *src = &b->impl->sources[f];
        const jh_table *t = src->table;
        long ycol = find_column(t, src->hr, src->nh, year_headers);
        int given = opts->file_years != NULL ? opts->file_years[f] : 0;
        jh_status st;

        if (column_used(t, src->hr + src->nh, ycol)) {
            if (given != 0)
                return jh_error_set(
                    err, JH_ERR_DATA, b->files[f], 0, 0,
                    "the file has a year (年份) column: --year %d is not "
                    "taken for it (remove the option or the column)",
                    given);
            any = true;
            continue;
        }
        st = file_year(b, f, given, err);
        if (st != JH_OK)
            return st;
        if (src->year != 0)
            any = true;
        else if (missing == b->nfiles)
            missing = f;
    }
    if (missing < b->nfiles && (any || opts->require_years))
        return jh_error_set(
            err, JH_ERR_DATA, b->files[missing], 0, 0,
            "no year for this file (无法确定年份): give the table a year "
            "(年份) column, or put the year in the file's or its folder's "
            "name (2023.csv, 2023年青溪县.xlsx, 青溪县2023/), or pass "
            "--year %s=2023",
            b->files[missing]);
    return JH_OK;
}

char *
jh_batch_group_label(const jh_batch *b, size_t group, char *buf, size_t size)
{
    const jh_batch_group *g = &b->groups[group];

    if (g->year != 0)
        snprintf(buf, size, "%s %d", b->counties[g->county], g->year);
    else
        snprintf(buf, size, "%s", b->counties[g->county]);
    return buf;
}

/* Sort groups by county (first appearance) and year (qsort_r). */
static int
cmp_group_index(const void *pa, const void *pb, void *base)
{
    const jh_batch_group *groups = base;
    const jh_batch_group *a = &groups[*(const size_t *)pa];
    const jh_batch_group *b = &groups[*(const size_t *)pb];

    if (a->county != b->county)
        return a->county < b->county ? -1 : 1;
    if (a->year != b->year)
        return a->year < b->year ? -1 : 1;
    return 0;
}

/* Groups in their final order (by county, then year). */
static jh_status
order_groups(jh_batch *b)
{
    struct jh_batch_impl *im = b->impl;
    size_t n = b->ngroups;
    size_t *perm = malloc((n > 0 ? n : 1) * sizeof(*perm));
    jh_batch_group *g = malloc(sizeof(*g));

    if (perm == NULL || g == NULL) {
        free(perm);
        free(g);
        return JH_ERR_NOMEM;
    }
    for (size_t i = 0; i < n; i++)
        perm[i] = i;
    qsort_r(perm, n, sizeof(*perm), cmp_group_index, b->groups);
    /* Put group perm[i] at i, in place, one cycle of the permutation at a
     * time (a copy of the array would be 10 MB of fresh pages for a
     * nation); perm[i] = i marks the places done. */
    for (size_t i = 0; i < n; i++) {
        size_t j = i;
        group_rows r;
        if (perm[i] == i)
            continue;
        *g = b->groups[i];
        r = im->rows[i];
        while (perm[j] != i) {
            size_t k = perm[j];
            b->groups[j] = b->groups[k];
            im->rows[j] = im->rows[k];
            perm[j] = j;
            j = k;
        }
        b->groups[j] = *g;
        im->rows[j] = r;
        perm[j] = j;
    }
    free(perm);
    free(g);
    return JH_OK;
}

/* ---------------------------------------------------------------------- */
/* Folder names                                                            */

/* Bytes of the UTF-8 character starting with @p c (1 for a stray byte). */
static size_t
utf8_len(unsigned char c)
{
    return c < 0xc0 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
}

#define FOLDER_MAX 120

/* A folder name for @p name: see jh_batch.folders. */
static char *
sanitize(const char *name)
{
    size_t n = strlen(name), o = 0;
    char *out = malloc(FOLDER_MAX + 8);

    if (out == NULL)
        return NULL;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)name[i];
        size_t len = utf8_len(c);
        if (i + len > n)
            len = n - i;
        if (o + len > FOLDER_MAX)
            break;
        if (len == 1) {
            bool bad =
                c < 0x20 || c == 0x7f || strchr("/\\:*?\"<>|", c) || c >= 0x80;
            out[o++] = bad ? '_' : (char)c;
        } else {
            memcpy(out + o, name + i, len);
            o += len;
        }
        i += len;
    }
    out[o] = '\0';
    if (o == 0) {
        out[o++] = '_';
        out[o] = '\0';
    }
    if (out[0] == '.')
        out[0] = '_';
    /* Windows drops trailing dots and spaces: keep names round-trip. */
    if (out[o - 1] == '.' || out[o - 1] == ' ')
        out[o - 1] = '_';
    return out;
}

static bool
reserved(const char *name)
{
    static const char *const names[] = {"charts", "summary.json",
                                        "summary.xlsx", NULL};
    for (size_t i = 0; names[i] != NULL; i++) {
        if (strcasecmp(name, names[i]) == 0)
            return true;
    }
    return false;
}

/* ASCII lower case copy (other bytes as they are). */
static char *
lower_copy(const char *s)
{
    char *out = jh__strdup(s);
    for (char *p = out; p != NULL && *p != '\0'; p++) {
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    }
    return out;
}

static jh_status
make_folders(jh_batch *b)
{
    size_t n = b->ncounties;
    char **lower = calloc(n > 0 ? n : 1, sizeof(*lower));
    strmap seen = {NULL, 0, 0};
    jh_status st = JH_OK;

    b->folders = calloc(n > 0 ? n : 1, sizeof(*b->folders));
    if (lower == NULL || b->folders == NULL ||
        strmap_reserve(&seen, lower, n) != JH_OK) {
        free(lower);
        return JH_ERR_NOMEM;
    }
    for (size_t i = 0; st == JH_OK && i < n; i++) {
        char *base = sanitize(b->counties[i]);
        char *name = base != NULL ? jh__strdup(base) : NULL;
        for (unsigned k = 2; name != NULL; k++) {
            size_t slot = 0;
            char *lc = lower_copy(name);
            if (lc == NULL) {
                free(name);
                name = NULL;
                break;
            }
            if (!reserved(name) && strmap_find(&seen, lower, lc, strlen(lc),
                                               &slot) == (size_t)-1) {
                lower[i] = lc;
                seen.slots[slot] = i + 1;
                seen.count++;
                break;
            }
            free(lc);
            free(name);
            name = jh__asprintf("%s-%u", base, k);
        }
        free(base);
        if (name == NULL)
            st = JH_ERR_NOMEM;
        b->folders[i] = name;
    }
    for (size_t i = 0; i < n; i++)
        free(lower[i]);
    free(lower);
    free(seen.slots);
    return st;
}

/* ---------------------------------------------------------------------- */
/* Analyzing a group                                                       */

/*
 * Import the rows of group @p gi as a county: a table that borrows the
 * header rows and the group's rows of its file.  Warnings go to @p warn.
 */
static jh_status
import_group(jh_county **out, const jh_batch *b, size_t gi, jh_diags *warn,
             jh_error *err)
{
    const jh_batch_group *g = &b->groups[gi];
    const source *src = &b->impl->sources[g->file];
    const group_rows *gr = &b->impl->rows[gi];
    const jh_table *t = src->table;
    jh_table sub;
    jh_import_options io = {0};
    jh_status st;

    memset(&sub, 0, sizeof(sub));
    sub.source = t->source;
    sub.sheet = t->sheet;
    sub.encoding = t->encoding;
    sub.nrows = src->nh + gr->n;
    sub.cap = sub.nrows;
    sub.rows = malloc(sub.nrows * sizeof(*sub.rows));
    if (sub.rows == NULL)
        return jh_error_set(err, JH_ERR_NOMEM, NULL, 0, 0, "out of memory");
    for (size_t k = 0; k < src->nh; k++)
        sub.rows[k] = t->rows[src->hr + k];
    for (size_t k = 0; k < gr->n; k++)
        sub.rows[src->nh + k] = t->rows[gr->rows[k]];
    io.header_row = 0;
    io.header_rows = src->nh;
    io.header = src->header;
    st = jh_county_from_table(out, &sub, &io, warn, err);
    free(sub.rows); /* the rows' cells belong to the file's table */
    return st;
}

/* "<label>: <message>" in place, cut to fit the @p size bytes. */
static void
prefix_label(char *message, size_t size, const char *label)
{
    char msg[1024];
    size_t n = strlen(label);

    snprintf(msg, sizeof(msg), "%s", message);
    snprintf(message, size, "%s: ", label);
    if (n + 3 < size) {
        size_t k = strnlen(msg, size - n - 3);
        memcpy(message + n + 2, msg, k);
        message[n + 2 + k] = '\0';
    }
}

/* Say which county an error without a line is about. */
static jh_status
name_group(jh_status st, const jh_batch *b, size_t gi, jh_error *err)
{
    char label[200];

    if (st == JH_OK || err == NULL || err->line != 0)
        return st;
    jh_batch_group_label(b, gi, label, sizeof(label));
    prefix_label(err->message, sizeof(err->message), label);
    if (err->message_zh[0] != '\0')
        prefix_label(err->message_zh, sizeof(err->message_zh), label);
    if (err->file[0] == '\0')
        snprintf(err->file, sizeof(err->file), "%s",
                 b->files[b->groups[gi].file]);
    return st;
}

jh_status
jh_batch_open(jh_batch_unit **out, const jh_batch *b, size_t gi, jh_error *err)
{
    jh_batch_unit *u;
    jh_status st;

    if (gi >= b->ngroups)
        return jh_error_set(err, JH_ERR_ARG, NULL, 0, 0,
                            "no group %zu in the batch", gi);
    u = calloc(1, sizeof(*u));
    if (u == NULL)
        return jh_error_set(err, JH_ERR_NOMEM, NULL, 0, 0, "out of memory");
    u->warnings = (jh_diags)JH_DIAGS_INIT;
    st = import_group(&u->county, b, gi, &u->warnings, err);
    if (st == JH_OK)
        st = jh_model_build(&u->model, u->county, b->standard, &u->warnings,
                            err);
    if (st == JH_OK)
        st = jh_analysis_run(&u->analysis, u->model, &u->warnings, err);
    if (st != JH_OK) {
        jh_batch_unit_free(u);
        return name_group(st, b, gi, err);
    }
    *out = u;
    return JH_OK;
}

void
jh_batch_unit_free(jh_batch_unit *u)
{
    if (u == NULL)
        return;
    jh_analysis_free(u->analysis);
    jh_model_free(u->model);
    jh_county_free(u->county);
    jh_diags_release(&u->warnings);
    free(u);
}

/* Keep the figures of one level. */
static void
summarise(jh_batch_level *out, const jh_level_result *lr,
          const jh_standard *std)
{
    double sum = 0.0;

    memset(out, 0, sizeof(*out));
    out->present = lr->present;
    if (!lr->present)
        return;
    out->schools = lr->nsections;
    out->students = lr->students;
    out->schools_failing = lr->nsections - lr->schools_passing;
    out->cv_pass = lr->cv_pass;
    out->schools_pass = lr->schools_pass;
    out->pass = lr->pass;
    out->cv_max = 0.0;
    for (size_t k = 0; k < std->nindicators; k++) {
        const jh_indicator_stats *is = &lr->ind[k];
        out->ind[k] = *is;
        if (!is->cv_pass)
            out->cv_failing++;
        if (!is->cv_defined) {
            out->cv_max = INFINITY;
            sum = INFINITY;
        } else {
            if (is->cv > out->cv_max)
                out->cv_max = is->cv;
            sum += is->cv;
        }
    }
    out->cv_mean = std->nindicators > 0 ? sum / (double)std->nindicators : 0.0;
}

static jh_status
analyze_task(void *data, size_t gi, jh_error *err)
{
    jh_batch *b = data;
    jh_batch_group *g = &b->groups[gi];
    jh_county *c = NULL;
    jh_model *m = NULL;
    jh_analysis *a = NULL;
    jh_status st = import_group(&c, b, gi, &g->warnings, err);

    if (st == JH_OK)
        st = jh_model_build(&m, c, b->standard, &g->warnings, err);
    if (st == JH_OK)
        st = jh_analysis_run(&a, m, &g->warnings, err);
    if (st == JH_OK) {
        g->nexcluded = m->nexcluded;
        g->pass = a->pass;
        for (int l = 0; l < JH_LEVEL_COUNT; l++)
            summarise(&g->levels[l], &a->levels[l], b->standard);
    }
    jh_analysis_free(a);
    jh_model_free(m);
    jh_county_free(c);
    return name_group(st, b, gi, err);
}

/* ---------------------------------------------------------------------- */
/* Ranking                                                                 */

typedef struct rank_key {
    int year;
    size_t failing;
    double max, mean;
    size_t group;
} rank_key;

static int
cmp_rank(const void *pa, const void *pb)
{
    const rank_key *a = pa, *b = pb;

    if (a->year != b->year)
        return a->year < b->year ? -1 : 1;
    if (a->failing != b->failing)
        return a->failing < b->failing ? -1 : 1;
    if (a->max != b->max)
        return a->max < b->max ? -1 : 1;
    if (a->mean != b->mean)
        return a->mean < b->mean ? -1 : 1;
    return a->group < b->group ? -1 : a->group > b->group;
}

static bool
same_rank(const rank_key *a, const rank_key *b)
{
    return a->year == b->year && a->failing == b->failing && a->max == b->max &&
           a->mean == b->mean;
}

static jh_status
rank_groups(jh_batch *b)
{
    rank_key *keys = malloc((b->ngroups > 0 ? b->ngroups : 1) * sizeof(*keys));

    if (keys == NULL)
        return JH_ERR_NOMEM;
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        size_t n = 0;
        for (size_t i = 0; i < b->ngroups; i++) {
            const jh_batch_level *lv = &b->groups[i].levels[l];
            if (!lv->present)
                continue;
            keys[n++] = (rank_key){b->groups[i].year, lv->cv_failing,
                                   lv->cv_max, lv->cv_mean, i};
        }
        qsort(keys, n, sizeof(*keys), cmp_rank);
        for (size_t start = 0, end; start < n; start = end) {
            for (end = start; end < n && keys[end].year == keys[start].year;
                 end++)
                ;
            for (size_t k = start; k < end; k++) {
                jh_batch_level *lv = &b->groups[keys[k].group].levels[l];
                lv->ranked = end - start;
                if (k > start && same_rank(&keys[k], &keys[k - 1]))
                    lv->rank = b->groups[keys[k - 1].group].levels[l].rank;
                else
                    lv->rank = k - start + 1;
            }
        }
    }
    free(keys);
    return JH_OK;
}

/* ---------------------------------------------------------------------- */
/* The whole run                                                           */

static double
now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef struct read_ctx {
    jh_batch *b;
    const jh_batch_options *opts;
    jh_diags *warn;  /* per file */
    unsigned chunks; /* threads each file may use to parse itself */
} read_ctx;

/* ---------------------------------------------------------------------- */
/* Parsing one large text file on several threads                          */

/* Files smaller than this are parsed on one thread. */
#define CHUNKED_MIN_BYTES ((size_t)4 << 20)

typedef struct chunk {
    const char *data;
    size_t len;
    long lines; /* lines in the chunk */
    bool plain; /* no double quote, and valid UTF-8 where it must be */
    jh_table *table;
} chunk;

typedef struct chunk_ctx {
    chunk *chunks;
    const char *path;
    int fd;
    char *buf;             /* the whole file */
    size_t size;           /* its size */
    size_t nread;          /* pieces read in the first pass */
    jh_csv_options copts;
} chunk_ctx;

/* First pass: piece @p i of the file into the buffer (each thread reads
 * and faults in its own part). */
static jh_status
read_piece(void *data, size_t i, jh_error *err)
{
    chunk_ctx *cc = data;
    size_t from = cc->size / cc->nread * i;
    size_t to = i + 1 == cc->nread ? cc->size : cc->size / cc->nread * (i + 1);

    while (from < to) {
        ssize_t got = pread(cc->fd, cc->buf + from, to - from, (off_t)from);
        if (got <= 0) /* an error, or the file shrank: read it again */
            return jh_error_set(err, JH_ERR_IO, cc->path, 0, 0,
                                "short read");
        from += (size_t)got;
    }
    return JH_OK;
}

/* Second pass: check, count and parse chunk @p i (a run of whole lines). */
static jh_status
chunk_task(void *data, size_t i, jh_error *err)
{
    chunk_ctx *cc = data;
    chunk *c = &cc->chunks[i];
    jh_status st;

    /* A quoted field may span lines: then the chunks are not independent
     * and the file is read the ordinary way, as it is when a byte is not
     * UTF-8 (with --encoding auto the file may be GB18030; with
     * --encoding utf-8 the ordinary reader names the line). */
    if (memchr(c->data, '"', c->len) != NULL ||
        !jh__utf8_valid(c->data, c->len))
        return JH_OK; /* c->plain stays false */
    c->plain = true;
    st = jh_csv_parse(&c->table, c->data, c->len, cc->path, &cc->copts, err);
    /* Every chunk but the last ends with its newline: its lines are the
     * lines before the next chunk. */
    if (st == JH_OK)
        c->lines = c->table->lines;
    return st;
}

/*
 * Parse the text file @p path on up to @p nchunks threads, each taking a
 * run of whole lines, when that gives the same table as one parser: the
 * file is valid UTF-8 (or --encoding utf-8) and has no double quote, so
 * that no field spans lines; the delimiter is decided from the first line
 * as the CSV reader does.  The threads also read the file, check it and
 * count its lines, each its own part.  *done is false when the file does
 * not qualify, or a chunk found fault with it: the caller then reads it
 * the ordinary way, which says where any problem is.
 */
static jh_status
read_chunked(jh_table **out, const char *path, jh_encoding enc,
             unsigned nchunks, bool *done, double *read_bytes, jh_error *err)
{
    chunk chunks[64];
    chunk_ctx cc;
    struct stat sb;
    size_t start = 0, n = 0, total = 0;
    long lines = 0;
    bool plain = true;
    jh_table *t = NULL;
    jh_status st;
    char probe;
    double t0;

    *done = false;
    if (nchunks < 2 || (enc != JH_ENC_AUTO && enc != JH_ENC_UTF8))
        return JH_OK;
    if (nchunks > 64)
        nchunks = 64;
    memset(&cc, 0, sizeof(cc));
    memset(chunks, 0, sizeof(chunks));
    cc.path = path;
    /* O_NONBLOCK: a FIFO without a writer must not block the open (the
     * ordinary reader then refuses it); no effect on a regular file. */
    cc.fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (cc.fd < 0)
        return JH_OK; /* the ordinary reader reports it */
    if (fstat(cc.fd, &sb) != 0 || !S_ISREG(sb.st_mode) ||
        (size_t)sb.st_size < CHUNKED_MIN_BYTES ||
        (size_t)sb.st_size > JH_CSV_MAX_FILE)
        goto ordinary;
    cc.size = (size_t)sb.st_size;
    cc.buf = jh__big_alloc(cc.size + 1);
    if (cc.buf == NULL)
        goto ordinary;
    cc.nread = nchunks;
    t0 = now_seconds();
    if (jh_batch_parallel(cc.nread, nchunks, read_piece, &cc, NULL, NULL,
                          NULL, NULL) != JH_OK ||
        pread(cc.fd, &probe, 1, (off_t)cc.size) != 0 || /* it grew */
        memcmp(cc.buf, "PK\3\4", 4) == 0)
        goto ordinary;
    cc.buf[cc.size] = '\0';
    *read_bytes = now_seconds() - t0;
    cc.copts.encoding = JH_ENC_UTF8;
    cc.copts.utf8_checked = true; /* each chunk checks before it parses */
    {
        const char *nl = memchr(cc.buf, '\n', cc.size);
        size_t first = nl != NULL ? (size_t)(nl - cc.buf) : cc.size;
        cc.copts.delimiter = memchr(cc.buf, '\t', first) != NULL &&
                                     memchr(cc.buf, ',', first) == NULL
                                 ? '\t'
                                 : ',';
    }
    while (start < cc.size && n < nchunks) {
        size_t end = n + 1 == nchunks
                         ? cc.size
                         : start + (cc.size - start) / (nchunks - n);
        if (end < cc.size) {
            const char *nl = memchr(cc.buf + end, '\n', cc.size - end);
            end = nl != NULL ? (size_t)(nl - cc.buf) + 1 : cc.size;
        }
        chunks[n].data = cc.buf + start;
        chunks[n].len = end - start;
        start = end;
        n++;
    }
    cc.chunks = chunks;
    st = jh_batch_parallel(n, nchunks, chunk_task, &cc, NULL, NULL, NULL,
                           NULL);
    for (size_t i = 0; i < n; i++)
        plain = plain && chunks[i].plain;
    if (st != JH_OK || !plain)
        goto ordinary; /* a fault of the file: the ordinary reader says
                        * where, with the line of the whole file */
    st = jh_table_new(&t, path, NULL) == JH_OK
             ? JH_OK
             : jh_error_set(err, JH_ERR_NOMEM, path, 0, 0, "out of memory");
    for (size_t i = 0; st == JH_OK && i < n; i++)
        total += chunks[i].table->nrows;
    if (st == JH_OK && jh_table_reserve(t, total > 0 ? total : 1) != JH_OK)
        st = jh_error_set(err, JH_ERR_NOMEM, path, 0, 0, "out of memory");
    for (size_t i = 0; i < n; i++) {
        jh_table *c = chunks[i].table;
        chunks[i].table = NULL;
        /* The rows and their arena move to the whole table (room for them
         * is reserved above, so this cannot fail); lines are counted from
         * the start of the file. */
        if (st == JH_OK)
            st = jh_table_adopt(t, c, lines);
        else
            jh_table_free(c);
        lines += chunks[i].lines;
    }
    close(cc.fd);
    jh__big_free(cc.buf);
    if (st != JH_OK) {
        jh_table_free(t);
        return st;
    }
    *out = t;
    *done = true;
    return JH_OK;

ordinary:
    for (size_t i = 0; i < n; i++)
        jh_table_free(chunks[i].table);
    close(cc.fd);
    jh__big_free(cc.buf);
    return JH_OK;
}

static jh_status
read_task(void *data, size_t f, jh_error *err)
{
    read_ctx *rc = data;
    jh_batch *b = rc->b;
    source *src = &b->impl->sources[f];
    jh_file_options fo = {0};
    jh_status st;

    fo.encoding = rc->opts->encoding;
    fo.sheet = rc->opts->sheet;
    if (fo.sheet == NULL) {
        bool done = false;
        st = read_chunked(&src->table, b->files[f], fo.encoding, rc->chunks,
                          &done, &src->read_bytes, err);
        if (st != JH_OK)
            return st;
        if (!done)
            st = jh_import_table(&src->table, b->files[f], &fo, &rc->warn[f],
                                 err);
    } else {
        st = jh_import_table(&src->table, b->files[f], &fo, &rc->warn[f], err);
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
            st = jh_error_set(err, JH_ERR_DATA, b->files[f], 0, 0,
                              "no header row names 学校代码, 学校名称 and "
                              "学校类型");
        return st;
    }
    if (jh_import_header_new(&src->header, src->table, src->hr, src->nh,
                             NULL) == JH_ERR_NOMEM)
        return jh_error_set(err, JH_ERR_NOMEM, NULL, 0, 0, "out of memory");
    return JH_OK;
}

jh_status
jh_batch_run(jh_batch **out, const char *const *paths, size_t npaths,
             const jh_batch_options *opts, jh_error *err)
{
    jh_batch_options defaults = JH_BATCH_OPTIONS_INIT;
    read_ctx rc;
    jh_batch *b;
    jh_status st = JH_OK;
    double t0, t1;
    double warm = 0.0;

    if (opts == NULL)
        opts = &defaults;
    if (npaths == 0)
        return jh_error_set(err, JH_ERR_ARG, NULL, 0, 0, "no input files");
    b = calloc(1, sizeof(*b));
    if (b == NULL)
        return jh_error_set(err, JH_ERR_NOMEM, NULL, 0, 0, "out of memory");
    b->warnings = (jh_diags)JH_DIAGS_INIT;
    b->standard =
        opts->standard != NULL ? opts->standard : jh_standard_builtin(NULL);
    b->impl = calloc(1, sizeof(*b->impl));
    b->files = calloc(npaths, sizeof(*b->files));
    rc.warn = calloc(npaths, sizeof(*rc.warn));
    if (b->impl == NULL || b->files == NULL || rc.warn == NULL ||
        b->standard == NULL)
        goto nomem;
    b->impl->sources = calloc(npaths, sizeof(*b->impl->sources));
    if (b->impl->sources == NULL)
        goto nomem;
    for (size_t i = 0; i < npaths; i++) {
        b->files[i] = jh__strdup(paths[i]);
        if (b->files[i] == NULL)
            goto nomem;
        b->nfiles++;
    }
    if (strmap_reserve(&b->impl->counties, b->counties, 16) != JH_OK)
        goto nomem;
    /* The number parser makes its C locale on first use; make it here,
     * before any thread could race to. */
    (void)jh__parse_double("0", &warm);

    t0 = now_seconds();
    rc.b = b;
    rc.opts = opts;
    /* Threads left over when there are fewer files than jobs parse the
     * files themselves in pieces. */
    rc.chunks = opts->jobs > npaths ? opts->jobs / (unsigned)npaths : 1;
    st = jh_batch_parallel(npaths, opts->jobs, read_task, &rc, NULL, NULL, NULL,
                           err);
    for (size_t i = 0; i < npaths; i++) {
        for (size_t k = 0; st == JH_OK && k < rc.warn[i].count; k++) {
            const jh_diag *d = &rc.warn[i].items[k];
            if (jh_diags_append(&b->warnings, d) != JH_OK)
                st = jh_error_set(err, JH_ERR_NOMEM, NULL, 0, 0,
                                  "out of memory");
        }
        jh_diags_release(&rc.warn[i]);
    }
    free(rc.warn);
    rc.warn = NULL;
    if (st != JH_OK)
        goto fail;
    t1 = now_seconds();
    b->timing.read = t1 - t0;
    for (size_t i = 0; i < npaths; i++)
        b->timing.read_bytes += b->impl->sources[i].read_bytes;

    /* The years first, from the names as the system gives them (the
     * folder through realpath); from here on the names are for showing:
     * in UTF-8 whatever their bytes (a county named after its file, the
     * summary's sources). */
    st = files_years(b, opts, err);
    for (size_t i = 0; st == JH_OK && i < npaths; i++) {
        source *src = &b->impl->sources[i];
        char *shown = jh__display_name(b->files[i]);
        if (shown == NULL)
            goto nomem;
        free(b->files[i]);
        b->files[i] = shown;
        if (src->stem != NULL) {
            shown = jh__display_name(src->stem);
            if (shown == NULL)
                goto nomem;
            free(src->stem);
            src->stem = shown;
        }
    }
    for (size_t f = 0; st == JH_OK && f < npaths; f++)
        st = group_file(b, f, err);
    if (st != JH_OK)
        goto fail;
    if (order_groups(b) != JH_OK || make_folders(b) != JH_OK)
        goto nomem;
    t0 = now_seconds();
    b->timing.group = t0 - t1;

    st = jh_batch_parallel(b->ngroups, opts->jobs, analyze_task, b,
                           opts->progress, opts->progress_data, NULL, err);
    if (st != JH_OK)
        goto fail;
    if (rank_groups(b) != JH_OK)
        goto nomem;
    b->timing.analyze = now_seconds() - t0;
    *out = b;
    return JH_OK;

nomem:
    st = jh_error_set(err, JH_ERR_NOMEM, NULL, 0, 0, "out of memory");
fail:
    free(rc.warn);
    jh_batch_free(b);
    return st;
}
