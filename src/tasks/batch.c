/*
 * junheng - many counties at once: the county-years of a batch's input
 * (read and grouped by jh_batch_input_read()) analyzed with the ordinary
 * pipeline, in parallel, and ranked.
 */
#include "junheng/batch.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "junheng/batch_input.h"
#include "junheng/pool.h"
#include "strmap.h"
#include "util.h"

void
jh_batch_free(jh_batch *b)
{
    if (b == NULL)
        return;
    for (size_t i = 0; i < b->ngroups; i++)
        jh_diags_release(&b->groups[i].warnings);
    jh__big_free(b->groups);
    for (size_t i = 0; b->folders != NULL && i < b->ncounties; i++)
        free(b->folders[i]);
    free(b->folders);
    jh_diags_release(&b->warnings);
    jh_batch_input_free(b->input); /* the files and counties too */
    free(b);
}

char *
jh_batch_group_label(const jh_batch *b, size_t group, char *buf, size_t size)
{
    return jh_batch_input_label(b->input, group, buf, size);
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
    jh__strmap seen = {NULL, 0, 0};
    jh_status st = JH_OK;

    b->folders = calloc(n > 0 ? n : 1, sizeof(*b->folders));
    if (lower == NULL || b->folders == NULL ||
        jh__strmap_reserve(&seen, lower, n) != JH_OK) {
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
            if (!reserved(name) && jh__strmap_find(&seen, lower, lc, strlen(lc),
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

/* "<label><sep><message>" in place, cut to fit the @p size bytes. */
static void
prefix_label(char *message, size_t size, const char *label, const char *sep)
{
    char msg[1024];
    size_t n = strlen(label) + strlen(sep);

    snprintf(msg, sizeof(msg), "%s", message);
    snprintf(message, size, "%s%s", label, sep);
    if (n + 1 < size) {
        size_t k = strnlen(msg, size - n - 1);
        memcpy(message + n, msg, k);
        message[n + k] = '\0';
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
    prefix_label(err->message, sizeof(err->message), label, ": ");
    if (err->message_zh[0] != '\0')
        prefix_label(err->message_zh, sizeof(err->message_zh), label, "：");
    if (err->file[0] == '\0')
        snprintf(err->file, sizeof(err->file), "%s",
                 b->files[b->input->groups[gi].file]);
    return st;
}

jh_status
jh_batch_open(jh_batch_unit **out, const jh_batch *b, size_t gi, jh_error *err)
{
    jh_batch_unit *u;
    jh_status st;

    if (gi >= b->ngroups)
        return jh_error_set2(err, JH_ERR_ARG, NULL, 0, 0, "批处理中没有第%zu组",
                             "no group %zu in the batch", gi);
    u = calloc(1, sizeof(*u));
    if (u == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    u->warnings = (jh_diags)JH_DIAGS_INIT;
    st = jh_batch_input_county(&u->county, b->input, gi, &u->warnings, err);
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
    jh_status st = jh_batch_input_county(&c, b->input, gi, &g->warnings, err);

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

/* The batch's groups, files and counties from its input @p in, which the
 * batch then owns. */
static jh_status
take_input(jh_batch *b, jh_batch_input *in)
{
    b->input = in;
    b->files = in->files;
    b->nfiles = in->nfiles;
    b->counties = in->counties;
    b->ncounties = in->ncounties;
    b->has_years = in->has_years;
    b->warnings = in->warnings;
    in->warnings = (jh_diags)JH_DIAGS_INIT;
    b->timing.read = in->read_seconds;
    b->timing.read_bytes = in->read_bytes_seconds;
    /* Some 3.5 KB a group: a national batch's groups are a big buffer. */
    b->groups =
        jh__big_alloc((in->ngroups > 0 ? in->ngroups : 1) * sizeof(*b->groups));
    if (b->groups == NULL)
        return JH_ERR_NOMEM;
    for (size_t i = 0; i < in->ngroups; i++) {
        jh_batch_group *g = &b->groups[i];
        memset(g, 0, sizeof(*g));
        g->county = in->groups[i].county;
        g->year = in->groups[i].year;
        g->warnings = (jh_diags)JH_DIAGS_INIT;
    }
    b->ngroups = in->ngroups;
    return JH_OK;
}

jh_status
jh_batch_run(jh_batch **out, const char *const *paths, size_t npaths,
             const jh_batch_options *opts, jh_error *err)
{
    jh_batch_options defaults = JH_BATCH_OPTIONS_INIT;
    jh_batch_input_options io = {0};
    jh_batch_input *in = NULL;
    jh_batch *b;
    jh_status st;
    double t0;

    if (opts == NULL)
        opts = &defaults;
    if (npaths == 0)
        return jh_error_set2(err, JH_ERR_ARG, NULL, 0, 0, "没有输入文件",
                             "no input files");
    b = calloc(1, sizeof(*b));
    if (b == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    b->warnings = (jh_diags)JH_DIAGS_INIT;
    b->standard =
        opts->standard != NULL ? opts->standard : jh_standard_builtin(NULL);
    if (b->standard == NULL)
        goto nomem;
    io.jobs = opts->jobs;
    io.encoding = opts->encoding;
    io.sheet = opts->sheet;
    io.file_years = opts->file_years;
    io.require_years = opts->require_years;
    st = jh_batch_input_read(&in, paths, npaths, &io, err);
    if (st != JH_OK)
        goto fail;
    t0 = now_seconds();
    if (take_input(b, in) != JH_OK || make_folders(b) != JH_OK)
        goto nomem;
    b->timing.group = in->group_seconds + (now_seconds() - t0);

    t0 = now_seconds();
    st = jh_pool_run(b->ngroups, opts->jobs, analyze_task, b, opts->progress,
                     opts->progress_data, NULL, err);
    if (st != JH_OK)
        goto fail;
    if (rank_groups(b) != JH_OK)
        goto nomem;
    b->timing.analyze = now_seconds() - t0;
    *out = b;
    return JH_OK;

nomem:
    st = jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                       "out of memory");
fail:
    jh_batch_free(b);
    return st;
}
