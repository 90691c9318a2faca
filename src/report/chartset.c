/* junheng - a set of charts rendered by gnuplot: see chartset.h. */
#include "chartset.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

jh_status
jh__cs_open(jh__chartset *cs, const char *dir, const jh_chart_options *opts,
            long long created, jh_error *err)
{
    memset(cs, 0, sizeof(*cs));
    if (dir == NULL || dir[0] == '\0' || opts == NULL ||
        opts->gnuplot == NULL || opts->gnuplot[0] == '\0' ||
        opts->plots_dir == NULL || opts->plots_dir[0] == '\0')
        return jh_error_set2(
            err, JH_ERR_ARG, NULL, 0, 0,
            "生成图表需要输出文件夹、gnuplot 程序和图表模板文件夹",
            "charts need a folder, a gnuplot program and a "
            "templates folder");
    cs->opts = opts;
    cs->created = created;
    return jh__gp_scratch(&cs->dir, &cs->scratch, dir, err);
}

/* The index of template @p kind, added to the set when new; nkinds when
 * the set is full. */
static size_t
kind_index(jh__chartset *cs, const char *kind)
{
    for (size_t k = 0; k < cs->nkinds; k++) {
        if (strcmp(cs->kinds[k], kind) == 0)
            return k;
    }
    if (cs->nkinds == JH__CS_MAX_KINDS)
        return cs->nkinds;
    cs->kinds[cs->nkinds] = kind;
    return cs->nkinds++;
}

/* A file name part: letters, digits, '_' and '-' kept, anything else '_'. */
static char *
file_part(const char *s)
{
    char *out = jh__strdup(s[0] != '\0' ? s : "indicator");

    for (char *p = out; p != NULL && *p != '\0'; p++) {
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
              (*p >= '0' && *p <= '9') || *p == '_' || *p == '-'))
            *p = '_';
    }
    return out;
}

jh_status
jh__cs_add(jh__chartset *cs, const char *kind_name, const char *level_key,
           const char *part, size_t *number, jh_error *err)
{
    size_t kind = kind_index(cs, kind_name);
    char *p, *name;
    jh__cs_chart *grown;

    if (kind == JH__CS_MAX_KINDS)
        return jh_error_set2(err, JH_ERR_INTERNAL, NULL, 0, 0,
                             "同一组中的图表模板过多",
                             "too many chart templates in one set");
    p = file_part(part);
    name = p != NULL ? jh__asprintf("%s-%s", level_key, p) : NULL;

    free(p);
    grown = name != NULL
                ? realloc(cs->list, (cs->count + 1) * sizeof(*cs->list))
                : NULL;
    if (grown == NULL) {
        free(name);
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    }
    cs->list = grown;
    cs->per_kind[kind]++;
    cs->list[cs->count++] = (jh__cs_chart){kind, cs->per_kind[kind], name};
    *number = cs->per_kind[kind];
    return JH_OK;
}

jh_status
jh__cs_data(FILE **out, const jh__chartset *cs, const char *kind,
            size_t number, const char *suffix, jh_error *err)
{
    char *path =
        jh__asprintf("%s/%s-%zu%s", cs->scratch, kind, number, suffix);
    jh_status st = JH_OK;

    *out = path != NULL ? fopen(path, "w") : NULL;
    if (path == NULL)
        st = jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                           "out of memory");
    else if (*out == NULL)
        st =
            jh_error_errno2(err, JH_ERR_IO, path, errno, "无法创建图表数据文件",
                            "cannot create a chart data file");
    free(path);
    return st;
}

jh_status
jh__cs_close(FILE *f, const jh__chartset *cs, jh_error *err)
{
    bool bad = ferror(f) != 0;

    if (fclose(f) != 0 || bad)
        return jh_error_errno2(err, JH_ERR_IO, cs->scratch, errno,
                               "无法写入图表数据文件",
                               "cannot write a chart data file");
    return JH_OK;
}

/* "<scratch>/<kind>-<n>.<ext>" */
static char *
temp_path(const jh__chartset *cs, const jh__cs_chart *ch, const char *ext)
{
    return jh__asprintf("%s/%s-%zu.%s", cs->scratch, cs->kinds[ch->kind],
                        ch->number, ext);
}

jh_status
jh__cs_render(jh__chartset *cs, jh_error *err)
{
    static const char *const exts[2] = {"png", "pdf"};
    size_t next = cs->opts->pdf ? 2 : 1;
    jh__gp_job jobs[JH__CS_MAX_KINDS];
    jh_status st;

    if (cs->count == 0)
        return JH_OK;
    for (size_t k = 0; k < cs->nkinds; k++)
        jobs[k] = (jh__gp_job){cs->kinds[k], 1, cs->per_kind[k]};
    st = jh__gp_run(cs->opts, cs->scratch, jobs, cs->nkinds, err);
    for (size_t i = 0; st == JH_OK && i < cs->count; i++) {
        for (size_t e = 0; st == JH_OK && e < next; e++) {
            char *p = temp_path(cs, &cs->list[i], exts[e]);
            st = p == NULL ? jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0,
                                           "内存不足", "out of memory")
                           : jh__gp_check(p, cs->list[i].final,
                                          cs->kinds[cs->list[i].kind], e == 1,
                                          cs->created, err);
            free(p);
        }
    }
    for (size_t i = 0; st == JH_OK && i < cs->count; i++) {
        for (size_t e = 0; st == JH_OK && e < next; e++) {
            char *from = temp_path(cs, &cs->list[i], exts[e]);
            char *to =
                jh__asprintf("%s/%s.%s", cs->dir, cs->list[i].final, exts[e]);
            if (from == NULL || to == NULL)
                st = jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                                   "out of memory");
            else if (rename(from, to) != 0)
                st = jh_error_errno2(err, JH_ERR_IO, to, errno,
                                     "无法把图表移到输出文件夹",
                                     "cannot move the chart into place");
            free(from);
            free(to);
        }
    }
    return st;
}

void
jh__cs_free(jh__chartset *cs)
{
    if (cs->scratch != NULL)
        jh__gp_remove_tree(cs->scratch);
    for (size_t i = 0; i < cs->count; i++)
        free(cs->list[i].final);
    free(cs->list);
    free(cs->scratch);
    free(cs->dir);
    memset(cs, 0, sizeof(*cs));
}

void
jh__cs_put_texts(FILE *f, const char *const *texts, size_t n, int end)
{
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            fputc('\t', f);
        jh__gp_put_text(f, texts[i]);
    }
    fputc(end, f);
}

size_t
jh__cs_name_cols(const jh_model *m, const size_t *sections, size_t n,
                 size_t max_cols)
{
    char part[512];
    size_t cols = 0;

    for (size_t j = 0; j < n; j++) {
        const jh_school *s =
            &m->county->schools[m->sections[sections[j]].school];
        size_t w = jh__gp_text_cols(
            jh__gp_clip(part, sizeof(part), s->name, max_cols));
        cols = w > cols ? w : cols;
    }
    return cols;
}

void
jh__cs_cv_legend(FILE *f, jh_lang lang, const char *const *labels, size_t n,
                 double limit, bool has_limit)
{
    char text[1024], num[64];

    jh__cs_put_texts(f, labels, n, '\t');
    snprintf(text, sizeof(text), "%s %s", jh_label(lang, "chart_cv_limit"),
             jh__fmt_fixed(limit, 2, num, sizeof(num)));
    jh__gp_put_text(f, has_limit ? text : "");
    fputc('\n', f);
}
