/* junheng - mapping a school table's header to columns: units of the
 * headers, unknown headers, and a mapping reusable across tables. */
#include "junheng/school_reader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "reader.h"
#include "util.h"

/*
 * The unit of a mapped numeric header: one of jh__cell_units that fits the
 * column, whose factor becomes the column's multiplier.  An unknown unit
 * or one of another kind (万元 on an area) is an error naming the header
 * cell; the column is then left out (collecting).  1 亩 is converted with
 * a warning.  Returns false when reading must stop.
 */
static bool
header_unit(jh__importer *im, size_t row, size_t col, jh__field *f)
{
    int u;
    jh__unit_kind want;

    f->multiplier = 1.0;
    if (f->unit[0] == '\0' || f->kind == F_GRADES ||
        (f->kind != F_STUDENTS && f->kind != F_CLASSES && f->kind != F_WHOLE &&
         f->kind != F_SECTION))
        return true;
    u = jh__find_unit(f->unit);
    want = jh__field_unit(f);
    if (u < 0 || !jh__unit_fits(jh__cell_units[u].kind, want)) {
        bool go = jh__data_error(
            im, row, col,
            u < 0 ? "表头“%s”：junheng 不认识单位“%s”：请换算为"
                    "平方米、元、万元或人等本列可用的单位，并改写表头"
                  : "表头“%s”：单位“%s”与本列的量不符",
            u < 0 ? "header '%s': unknown unit '%s': convert the column to a "
                    "unit junheng reads (平方米/㎡/亩 for areas, 元/千元/万元 "
                    "for money, 人, 间, 个, 台, 册 for counts) and write it "
                    "in the header"
                  : "header '%s': the unit '%s' does not fit this column",
            f->header, f->unit);
        f->kind = F_NONE;
        return go;
    }
    f->multiplier = jh__cell_units[u].scale;
    if (jh__cell_units[u].kind == U_AREA && f->multiplier != 1.0)
        return jh__cell_warning(
            im, row, col,
            "表头“%s”：单位为亩，按1亩=10000/15平方米"
            "（约666.67平方米）换算",
            "header '%s': the unit is 亩 (mu), converted at "
            "1 亩 = 10000/15 m² (about 666.67 m²)",
            f->header);
    return true;
}

static void
column_map_init(jh_column_map *m)
{
    for (int l = 0; l < 3; l++) {
        m->students[l] = -1;
        m->classes[l] = -1;
        m->grades[l] = -1;
    }
    for (int q = 0; q < JH_Q_COUNT; q++) {
        m->whole[q] = -1;
        for (int l = 0; l < JH_LEVEL_COUNT; l++)
            m->section[q][l] = -1;
    }
    m->code = m->name = m->type = m->parent_code = m->include = -1;
    m->rooms_pre2016 = m->size_relaxation_eligible = -1;
}

/* Note the unit of an equipment-value column in @p c. */
static void
set_equipment_unit(jh_county *c, const jh__field *f)
{
    c->equipment_in_wan = f->multiplier == 1e4;
    c->equipment_scale = f->multiplier;
}

/*
 * Keep header cell @p header (column @p col) that names no known column
 * in c->unknown_headers; false when out of memory.
 */
static bool
keep_unknown(jh_county *c, const char *header)
{
    char canon[256], **v;

    jh__header_canon(header, canon, sizeof(canon));
    jh__trim(canon);
    if (canon[0] == '\0')
        return true;
    v = realloc(c->unknown_headers, (c->nunknown_headers + 1) * sizeof(*v));
    if (v == NULL)
        return false;
    c->unknown_headers = v;
    v[c->nunknown_headers] = jh__strdup(canon);
    if (v[c->nunknown_headers] == NULL)
        return false;
    c->nunknown_headers++;
    return true;
}

/*
 * Warn about each unknown header of @p c close to the name of a column
 * the header lacks (a typo: 教学及辅助用房面级), naming its cell in row
 * @p hrow; see jh_county_suggest() for "close".  False when out of memory.
 */
bool
jh__unknown_header_warnings(jh__importer *im, const jh_county *c, size_t hrow,
                            const jh__field *fields, size_t ncols)
{
    for (size_t j = 0; j < ncols; j++) {
        jh__nearest nr;
        bool mapped = false;
        char canon[256];

        if (fields[j].kind != F_NONE || fields[j].header[0] == '\0')
            continue;
        jh__near_init(&nr, NULL, fields[j].header);
        if (nr.ncp == 0)
            continue;
        jh__near_all(&nr);
        if (nr.shown == NULL)
            continue;
        for (size_t k = 0; k < ncols && !mapped; k++)
            mapped = strcmp(jh__field_key(&fields[k]), nr.key) == 0;
        if (mapped)
            continue;
        jh__header_canon(fields[j].header, canon, sizeof(canon));
        if (!jh__cell_warning(im, hrow, j,
                              "表头「%s」不是 junheng 认识的列，本列未读入："
                              "是否指「%s」？",
                              "header '%s' is no column junheng knows and is "
                              "not read: did you mean '%s'?",
                              canon, nr.shown))
            return false;
    }
    (void)c;
    return true;
}

/*
 * Map the header of @p nh rows at @p hr into @p fields (@p ncols of them)
 * and c->columns.  A column that means the same as an earlier one is an
 * error (ignored when collecting).  Returns JH_OK, JH_ERR_DATA or
 * JH_ERR_NOMEM.
 */
jh_status
jh__map_columns(jh__importer *im, jh_county *c, size_t hr, size_t nh,
                jh__field *fields, size_t ncols)
{
    const jh_table *t = im->t;
    jh__span_state span = {"", false};

    column_map_init(&c->columns);
    for (size_t j = 0; j < ncols; j++) {
        jh__field *f = &fields[j];

        jh__identify_column(t, hr, nh, j, &span, f);
        if (f->kind == F_NONE) {
            if (!keep_unknown(c, f->header)) {
                im->nomem = true;
                return JH_ERR_NOMEM;
            }
            continue;
        }
        if (!header_unit(im, hr + nh - 1, j, f))
            return im->nomem ? JH_ERR_NOMEM : JH_ERR_DATA;
        if (f->kind == F_NONE)
            continue;
        for (size_t k = 0; k < j; k++) {
            if (fields[k].kind == f->kind && fields[k].arg == f->arg &&
                fields[k].arg2 == f->arg2) {
                if (!jh__data_error(im, hr + nh - 1, j,
                                    "“%s”列与“%s”列含义相同",
                                    "column '%s' means the same as column '%s'",
                                    f->header, fields[k].header))
                    return im->nomem ? JH_ERR_NOMEM : JH_ERR_DATA;
                f->kind = F_NONE;
                break;
            }
        }
        switch (f->kind) {
        case F_CODE:
            c->columns.code = (long)j;
            break;
        case F_NAME:
            c->columns.name = (long)j;
            break;
        case F_TYPE:
            c->columns.type = (long)j;
            break;
        case F_PARENT:
            c->columns.parent_code = (long)j;
            break;
        case F_INCLUDE:
            c->columns.include = (long)j;
            break;
        case F_PRE2016:
            c->columns.rooms_pre2016 = (long)j;
            break;
        case F_SIZE_RELAX:
            c->columns.size_relaxation_eligible = (long)j;
            break;
        case F_STUDENTS:
            c->columns.students[f->arg] = (long)j;
            break;
        case F_CLASSES:
            if (f->arg >= 0)
                c->columns.classes[f->arg] = (long)j;
            break;
        case F_GRADES:
            if (f->arg >= 0)
                c->columns.grades[f->arg] = (long)j;
            break;
        case F_WHOLE:
            c->columns.whole[f->arg] = (long)j;
            if (f->arg == JH_Q_EQUIPMENT_VALUE)
                set_equipment_unit(c, f);
            break;
        case F_SECTION:
            c->columns.section[f->arg][f->arg2] = (long)j;
            if (f->arg == JH_Q_EQUIPMENT_VALUE)
                set_equipment_unit(c, f);
            break;
        default:
            break;
        }
    }
    return JH_OK;
}

void
jh_import_header_free(jh_import_header *h)
{
    if (h == NULL)
        return;
    free(h->fields);
    free(h);
}

jh_status
jh_import_header_new(jh_import_header **out, const jh_table *t,
                     size_t header_row, size_t header_rows, jh_error *err)
{
    jh__importer im = {t, NULL, NULL, err, false, 0, 0, 0};
    jh_import_header *h;
    jh_county c;
    size_t nh = header_rows == 2 ? 2 : 1;
    jh_status st;

    *out = NULL;
    if (header_row >= t->nrows)
        return jh_error_set2(err, JH_ERR_DATA, t->source, 0, 0,
                             "没有表头行：文件是空的",
                             "no header row: the file is empty");
    if (header_row + nh > t->nrows)
        nh = 1;
    h = calloc(1, sizeof(*h));
    if (h == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    h->ncols = jh__header_width(t, header_row, nh);
    h->fields = calloc(h->ncols + 1, sizeof(*h->fields));
    if (h->fields == NULL) {
        jh_import_header_free(h);
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    }
    memset(&c, 0, sizeof(c));
    st = jh__map_columns(&im, &c, header_row, nh, h->fields, h->ncols);
    for (size_t i = 0; i < c.nunknown_headers; i++)
        free(c.unknown_headers[i]);
    free(c.unknown_headers);
    if (st != JH_OK) {
        jh_import_header_free(h);
        return st == JH_ERR_NOMEM
                   ? jh_error_set2(err, st, NULL, 0, 0, "内存不足",
                                   "out of memory")
                   : st;
    }
    h->columns = c.columns;
    h->equipment_in_wan = c.equipment_in_wan;
    h->equipment_scale = c.equipment_scale;
    *out = h;
    return JH_OK;
}
