/* junheng - reading schools from a table by their column headers. */
#include "junheng/school.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

/* ---- names ------------------------------------------------------------ */

static const struct {
    const char *key;
    const char *zh;
} type_names[JH_TYPE_COUNT] = {
    {"primary", "小学"},
    {"junior", "初中"},
    {"nine_year", "九年一贯制学校"},
    {"complete_secondary", "完全中学"},
    {"twelve_year", "十二年一贯制学校"},
    {"teaching_point", "教学点"},
    {"special", "特殊教育学校"},
    {"vocational", "职业学校"},
};

/* Other spellings seen in county tables. */
static const struct {
    const char *text;
    jh_school_type type;
} type_aliases[] = {
    {"初级中学", JH_TYPE_JUNIOR},
    {"独立初中", JH_TYPE_JUNIOR},
    {"九年一贯制", JH_TYPE_NINE_YEAR},
    {"完中", JH_TYPE_COMPLETE_SECONDARY},
    {"十二年一贯制", JH_TYPE_TWELVE_YEAR},
    {"特殊教育", JH_TYPE_SPECIAL},
    {"特教学校", JH_TYPE_SPECIAL},
    {"中等职业学校", JH_TYPE_VOCATIONAL},
    {"职业高中", JH_TYPE_VOCATIONAL},
};

static const struct {
    const char *key;
    const char *zh;
    const char *aliases[4];
    bool sectioned;
} quantity_names[JH_Q_COUNT] = {
    {"degree_teachers",
     "高于规定学历教师数",
     {"高于规定学历教师", "高学历教师数", NULL},
     true},
    {"backbone_teachers",
     "县级以上骨干教师数",
     {"县级以上骨干教师", "骨干教师数", NULL},
     true},
    {"pe_art_teachers",
     "体育艺术专任教师数",
     {"体育、艺术（美术、音乐）专任教师数", "体育艺术教师数",
      "体育、艺术专任教师数", NULL},
     true},
    {"teaching_area",
     "教学及辅助用房面积",
     {"教学及辅助用房", "教学辅助用房面积", NULL},
     false},
    {"sports_area",
     "体育运动场馆面积",
     {"体育运动场馆", "体育场馆面积", NULL},
     false},
    {"equipment_value",
     "教学仪器设备值",
     {"教学仪器设备总值", "教学仪器设备", NULL},
     false},
    {"multimedia_rooms",
     "网络多媒体教室数",
     {"网络多媒体教室", "多媒体教室数", NULL},
     false},
    {"computers", "计算机台数", {"计算机数", NULL}, false},
    {"books", "图书册数", {"图书", "藏书册数", NULL}, false},
    {"teachers", "专任教师数", {"专任教师", NULL}, true},
    {"senior_title_teachers",
     "中级及以上专业技术职务教师数",
     {"中级及以上职称教师数", NULL},
     true},
};

static const char *const level_keys[3] = {"primary", "junior", "senior"};
static const char *const level_zh[3] = {"小学", "初中", "高中"};

const char *
jh_school_type_key(jh_school_type type)
{
    return type < JH_TYPE_COUNT ? type_names[type].key : "unknown";
}

const char *
jh_school_type_zh(jh_school_type type)
{
    return type < JH_TYPE_COUNT ? type_names[type].zh : "未知";
}

const char *
jh_level_key(jh_level level)
{
    return (unsigned)level < 3 ? level_keys[level] : "unknown";
}

const char *
jh_quantity_key(jh_quantity q)
{
    return q < JH_Q_COUNT ? quantity_names[q].key : "unknown";
}

const char *
jh_quantity_zh(jh_quantity q)
{
    return q < JH_Q_COUNT ? quantity_names[q].zh : "未知";
}

bool
jh_quantity_is_sectioned(jh_quantity q)
{
    return q < JH_Q_COUNT && quantity_names[q].sectioned;
}

/* ---- headers ---------------------------------------------------------- */

typedef enum field_kind {
    F_NONE = 0,
    F_CODE,
    F_NAME,
    F_TYPE,
    F_COUNTY,
    F_LOCALITY,
    F_OWNERSHIP,
    F_PARENT,
    F_INCLUDE,
    F_STUDENTS, /* arg: level */
    F_CLASSES,  /* arg: level, or -1 for the whole school */
    F_WHOLE,    /* arg: quantity */
    F_SECTION   /* arg: quantity, arg2: level */
} field_kind;

typedef struct field {
    field_kind kind;
    int arg, arg2;
    double multiplier; /* from a unit such as 万元 */
    char header[256];  /* as written, for messages */
} field;

static const struct {
    const char *key;
    field_kind kind;
    const char *zh[5];
} simple_fields[] = {
    {"code", F_CODE, {"学校代码", "学校标识码", "学校编码", "代码", NULL}},
    {"name", F_NAME, {"学校名称", "学校", "校名", NULL}},
    {"type", F_TYPE, {"学校类型", "办学类型", "类型", NULL}},
    {"county", F_COUNTY, {"县区", "县（市、区）", "县(市、区)", "县", NULL}},
    {"locality", F_LOCALITY, {"城乡类型", "城乡分类", "城乡", NULL}},
    {"ownership", F_OWNERSHIP, {"举办者类型", "办学性质", "举办者", NULL}},
    {"parent_code", F_PARENT, {"所属学校代码", "所属学校", NULL}},
    {"include", F_INCLUDE, {"纳入计算", "是否纳入计算", "是否纳入", NULL}},
};

/*
 * Split a header into its name and the unit in parentheses after it
 * ("教学仪器设备值(万元)" → "教学仪器设备值" and "万元").  ASCII and
 * full-width parentheses both count.  Writes both NUL-terminated.
 */
static void
split_unit(const char *header, char *name, size_t nsize, char *unit,
           size_t usize)
{
    static const char *const opens[] = {"(", "（", "[", "【"};
    const char *cut = NULL;
    size_t len;

    for (size_t i = 0; i < sizeof(opens) / sizeof(opens[0]); i++) {
        const char *p = strstr(header, opens[i]);
        if (p != NULL && p != header && (cut == NULL || p < cut))
            cut = p;
    }
    len = cut != NULL ? (size_t)(cut - header) : strlen(header);
    if (len >= nsize)
        len = nsize - 1;
    memcpy(name, header, len);
    name[len] = '\0';
    unit[0] = '\0';
    if (cut != NULL) {
        size_t ulen = 0;
        for (const char *p = cut; *p != '\0' && ulen + 1 < usize; p++) {
            if (strchr("()[] ", *p) != NULL)
                continue;
            /* Skip the UTF-8 of （ ） 【 】 (EF BC 88/89, E3 80 90/91). */
            if ((unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBC &&
                ((unsigned char)p[2] == 0x88 ||
                 (unsigned char)p[2] == 0x89)) {
                p += 2;
                continue;
            }
            if ((unsigned char)p[0] == 0xE3 && (unsigned char)p[1] == 0x80 &&
                ((unsigned char)p[2] == 0x90 ||
                 (unsigned char)p[2] == 0x91)) {
                p += 2;
                continue;
            }
            unit[ulen++] = *p;
        }
        unit[ulen] = '\0';
    }
}

/* Lower-case ASCII and turn spaces and hyphens into underscores. */
static void
normalize_key(char *s)
{
    for (; *s != '\0'; s++) {
        if (*s == ' ' || *s == '-')
            *s = '_';
        else
            *s = (char)tolower((unsigned char)*s);
    }
}

static bool
names_match(const char *name, const char *zh, const char *const *aliases)
{
    if (zh != NULL && strcmp(name, zh) == 0)
        return true;
    for (size_t i = 0; aliases != NULL && aliases[i] != NULL; i++) {
        if (strcmp(name, aliases[i]) == 0)
            return true;
    }
    return false;
}

/* Identify one header; f->kind stays F_NONE for unknown columns. */
static void
identify(const char *header, field *f)
{
    char name[256], unit[64], key[256];

    memset(f, 0, sizeof(*f));
    f->multiplier = 1.0;
    snprintf(f->header, sizeof(f->header), "%s", header);
    split_unit(header, name, sizeof(name), unit, sizeof(unit));
    jh__trim(name);
    snprintf(key, sizeof(key), "%s", name);
    normalize_key(key);
    if (strncmp(unit, "万", 3) == 0 || strcasecmp(unit, "wan_yuan") == 0 ||
        strcasecmp(unit, "10k_yuan") == 0 || strcasecmp(unit, "10kyuan") == 0)
        f->multiplier = 10000.0;

    for (size_t i = 0; i < sizeof(simple_fields) / sizeof(simple_fields[0]);
         i++) {
        if (strcmp(key, simple_fields[i].key) == 0 ||
            names_match(name, NULL, simple_fields[i].zh)) {
            f->kind = simple_fields[i].kind;
            return;
        }
    }
    for (int l = 0; l < 3; l++) {
        char k[64], z1[64], z2[64], z3[64];
        snprintf(k, sizeof(k), "students_%s", level_keys[l]);
        snprintf(z1, sizeof(z1), "%s在校生数", level_zh[l]);
        snprintf(z2, sizeof(z2), "%s学生数", level_zh[l]);
        snprintf(z3, sizeof(z3), "%s在校生", level_zh[l]);
        if (strcmp(key, k) == 0 || strcmp(name, z1) == 0 ||
            strcmp(name, z2) == 0 || strcmp(name, z3) == 0) {
            f->kind = F_STUDENTS;
            f->arg = l;
            return;
        }
        snprintf(k, sizeof(k), "classes_%s", level_keys[l]);
        snprintf(z1, sizeof(z1), "%s班级数", level_zh[l]);
        if (strcmp(key, k) == 0 || strcmp(name, z1) == 0) {
            f->kind = F_CLASSES;
            f->arg = l;
            return;
        }
    }
    if (strcmp(key, "classes") == 0 || strcmp(name, "班级数") == 0) {
        f->kind = F_CLASSES;
        f->arg = -1;
        return;
    }
    for (int q = 0; q < JH_Q_COUNT; q++) {
        if (strcmp(key, quantity_names[q].key) == 0 ||
            names_match(name, quantity_names[q].zh,
                        quantity_names[q].aliases)) {
            f->kind = F_WHOLE;
            f->arg = q;
            return;
        }
        if (!quantity_names[q].sectioned)
            continue;
        for (int l = 0; l < JH_LEVEL_COUNT; l++) {
            char k[96], z[160];
            snprintf(k, sizeof(k), "%s_%s", quantity_names[q].key,
                     level_keys[l]);
            if (strcmp(key, k) == 0) {
                f->kind = F_SECTION;
                f->arg = q;
                f->arg2 = l;
                return;
            }
            /* "小学高于规定学历教师数" */
            if (strncmp(name, level_zh[l], strlen(level_zh[l])) == 0) {
                const char *rest = name + strlen(level_zh[l]);
                if (names_match(rest, quantity_names[q].zh,
                                quantity_names[q].aliases)) {
                    f->kind = F_SECTION;
                    f->arg = q;
                    f->arg2 = l;
                    return;
                }
            }
            snprintf(z, sizeof(z), "%s%s", level_zh[l], quantity_names[q].zh);
            if (strcmp(name, z) == 0) {
                f->kind = F_SECTION;
                f->arg = q;
                f->arg2 = l;
                return;
            }
        }
    }
}

/* ---- values ----------------------------------------------------------- */

static bool
parse_type(const char *text, jh_school_type *out)
{
    char key[64];

    snprintf(key, sizeof(key), "%s", text);
    normalize_key(key);
    for (int t = 0; t < JH_TYPE_COUNT; t++) {
        if (strcmp(key, type_names[t].key) == 0 ||
            strcmp(text, type_names[t].zh) == 0) {
            *out = (jh_school_type)t;
            return true;
        }
    }
    for (size_t i = 0; i < sizeof(type_aliases) / sizeof(type_aliases[0]);
         i++) {
        if (strcmp(text, type_aliases[i].text) == 0) {
            *out = type_aliases[i].type;
            return true;
        }
    }
    return false;
}

static bool
parse_locality(const char *text, jh_locality *out)
{
    static const struct {
        const char *text;
        jh_locality loc;
    } names[] = {
        {"urban", JH_LOCALITY_URBAN}, {"城区", JH_LOCALITY_URBAN},
        {"城市", JH_LOCALITY_URBAN},  {"town", JH_LOCALITY_TOWN},
        {"镇区", JH_LOCALITY_TOWN},   {"县镇", JH_LOCALITY_TOWN},
        {"镇", JH_LOCALITY_TOWN},     {"rural", JH_LOCALITY_RURAL},
        {"乡村", JH_LOCALITY_RURAL},  {"农村", JH_LOCALITY_RURAL},
    };
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        if (strcasecmp(text, names[i].text) == 0) {
            *out = names[i].loc;
            return true;
        }
    }
    return false;
}

static bool
parse_ownership(const char *text, jh_ownership *out)
{
    if (strcasecmp(text, "public") == 0 || strcmp(text, "公办") == 0) {
        *out = JH_OWNERSHIP_PUBLIC;
        return true;
    }
    if (strcasecmp(text, "private") == 0 || strcmp(text, "民办") == 0) {
        *out = JH_OWNERSHIP_PRIVATE;
        return true;
    }
    return false;
}

static bool
parse_yes_no(const char *text, bool *out)
{
    static const char *const yes[] = {"yes", "y", "true", "1", "是", "纳入"};
    static const char *const no[] = {"no", "n", "false", "0", "否", "不纳入"};

    for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
        if (strcasecmp(text, yes[i]) == 0) {
            *out = true;
            return true;
        }
        if (strcasecmp(text, no[i]) == 0) {
            *out = false;
            return true;
        }
    }
    return false;
}

/* Rows that sum up the others, which tables often carry at the bottom. */
static bool
is_total_row(const char *name)
{
    static const char *const totals[] = {"合计", "总计", "小计", "全县合计",
                                         "total"};
    for (size_t i = 0; i < sizeof(totals) / sizeof(totals[0]); i++) {
        if (strcasecmp(name, totals[i]) == 0)
            return true;
    }
    return false;
}

/* ---- the importer ----------------------------------------------------- */

void
jh_county_free(jh_county *c)
{
    if (c == NULL)
        return;
    for (size_t i = 0; i < c->nschools; i++) {
        free(c->schools[i].code);
        free(c->schools[i].name);
        free(c->schools[i].county);
        free(c->schools[i].parent_code);
    }
    free(c->schools);
    free(c->source);
    free(c->sheet);
    free(c->name);
    free(c);
}

static jh_status
cell_error(jh_error *err, const jh_table *t, size_t row, size_t col,
           jh_status st, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

static jh_status
cell_error(jh_error *err, const jh_table *t, size_t row, size_t col,
           jh_status st, const char *fmt, ...)
{
    va_list ap;

    if (err == NULL)
        return st;
    jh_error_clear(err);
    jh_table_locate(t, row, col, err);
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof(err->message), fmt, ap);
    va_end(ap);
    return st;
}

static void
school_init(jh_school *s)
{
    memset(s, 0, sizeof(*s));
    s->include = true;
    for (int l = 0; l < 3; l++) {
        s->students[l] = NAN;
        s->classes[l] = NAN;
    }
    for (int q = 0; q < JH_Q_COUNT; q++) {
        s->whole[q] = NAN;
        for (int l = 0; l < JH_LEVEL_COUNT; l++)
            s->section[q][l] = NAN;
    }
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

static jh_status
check_duplicates(const jh_county *c, const jh_table *t, size_t col_code,
                 jh_error *err)
{
    const jh_school **v;
    jh_status st = JH_OK;

    if (c->nschools < 2)
        return JH_OK;
    v = malloc(c->nschools * sizeof(*v));
    if (v == NULL)
        return jh_error_set(err, JH_ERR_NOMEM, t->source, 0, 0,
                            "out of memory");
    for (size_t i = 0; i < c->nschools; i++)
        v[i] = &c->schools[i];
    qsort(v, c->nschools, sizeof(*v), cmp_code);
    for (size_t i = 1; i < c->nschools; i++) {
        if (strcmp(v[i]->code, v[i - 1]->code) == 0) {
            st = cell_error(err, t, v[i]->row, col_code, JH_ERR_DATA,
                            "duplicate school code '%s' (first seen on "
                            "line %ld)",
                            v[i]->code, v[i - 1]->line);
            break;
        }
    }
    free(v);
    return st;
}

jh_status
jh_county_from_table(jh_county **out, const jh_table *t,
                     const jh_import_options *opts, jh_diags *warn,
                     jh_error *err)
{
    jh_import_options defaults = {0};
    jh_county *c = NULL;
    field *fields = NULL;
    size_t hr, ncols, first_county_col = (size_t)-1;
    long col_code = -1, col_name = -1, col_type = -1;
    jh_status st = JH_OK;
    if (opts == NULL)
        opts = &defaults;
    hr = opts->header_row;
    if (hr >= t->nrows)
        return jh_error_set(err, JH_ERR_DATA, t->source, 0, 0,
                            "no header row: the file is empty");
    ncols = t->rows[hr].ncells;
    fields = calloc(ncols + 1, sizeof(*fields));
    c = calloc(1, sizeof(*c));
    if (fields == NULL || c == NULL)
        goto nomem;
    c->source = jh__strdup(t->source);
    c->sheet = jh__strdup(t->sheet);
    if (c->source == NULL || (t->sheet != NULL && c->sheet == NULL))
        goto nomem;
    for (int l = 0; l < 3; l++)
        c->columns.students[l] = -1;
    for (int q = 0; q < JH_Q_COUNT; q++) {
        c->columns.whole[q] = -1;
        for (int l = 0; l < JH_LEVEL_COUNT; l++)
            c->columns.section[q][l] = -1;
    }

    /* Map the header row; a column named twice is an error. */
    for (size_t j = 0; j < ncols; j++) {
        char buf[256];
        snprintf(buf, sizeof(buf), "%s", t->rows[hr].cells[j]);
        jh__trim(buf);
        identify(buf, &fields[j]);
        if (fields[j].kind == F_NONE)
            continue;
        for (size_t k = 0; k < j; k++) {
            if (fields[k].kind == fields[j].kind &&
                fields[k].arg == fields[j].arg &&
                fields[k].arg2 == fields[j].arg2) {
                st = cell_error(err, t, hr, j, JH_ERR_DATA,
                                "column '%s' means the same as column '%s'",
                                fields[j].header, fields[k].header);
                goto fail;
            }
        }
        switch (fields[j].kind) {
        case F_CODE:
            col_code = (long)j;
            break;
        case F_NAME:
            col_name = (long)j;
            break;
        case F_TYPE:
            col_type = (long)j;
            break;
        case F_COUNTY:
            first_county_col = j;
            break;
        case F_STUDENTS:
            c->columns.students[fields[j].arg] = (long)j;
            break;
        case F_WHOLE:
            c->columns.whole[fields[j].arg] = (long)j;
            if (fields[j].arg == JH_Q_EQUIPMENT_VALUE &&
                fields[j].multiplier > 1.0)
                c->equipment_in_wan = true;
            break;
        case F_SECTION:
            c->columns.section[fields[j].arg][fields[j].arg2] = (long)j;
            break;
        default:
            break;
        }
    }
    if (col_code < 0 || col_name < 0 || col_type < 0) {
        const char *missing = col_code < 0   ? "学校代码 (code)"
                              : col_name < 0 ? "学校名称 (name)"
                                             : "学校类型 (type)";
        st = jh_error_set(err, JH_ERR_DATA, t->source, t->rows[hr].line, 0,
                          "required column %s is missing from the header",
                          missing);
        goto fail;
    }
    if (c->columns.students[0] < 0 && c->columns.students[1] < 0) {
        st = jh_error_set(err, JH_ERR_DATA, t->source, t->rows[hr].line, 0,
                          "no enrollment column: the header needs "
                          "小学在校生数 (students_primary) or 初中在校生数 "
                          "(students_junior)");
        goto fail;
    }

    c->schools = calloc(t->nrows - hr, sizeof(*c->schools));
    if (c->schools == NULL && t->nrows > hr + 1)
        goto nomem;

    for (size_t i = hr + 1; i < t->nrows; i++) {
        const jh_table_row *row = &t->rows[i];
        jh_school *s = &c->schools[c->nschools];
        bool blank = true;

        for (size_t j = 0; j < row->ncells; j++) {
            if (!jh__is_blank(row->cells[j])) {
                blank = false;
                break;
            }
        }
        if (blank)
            continue;
        if (row->ncells > ncols) {
            for (size_t j = ncols; j < row->ncells; j++) {
                if (!jh__is_blank(row->cells[j])) {
                    st = cell_error(err, t, i, j, JH_ERR_DATA,
                                    "row has %zu fields but the header has "
                                    "%zu",
                                    row->ncells, ncols);
                    goto fail;
                }
            }
        }
        if (t->sheet == NULL && row->ncells < ncols) {
            st = cell_error(err, t, i, row->ncells, JH_ERR_DATA,
                            "short row: %zu fields where the header has %zu",
                            row->ncells, ncols);
            if (err != NULL)
                err->column = 0;
            goto fail;
        }
        {
            char name[256];
            snprintf(name, sizeof(name), "%s",
                     jh_table_cell(t, i, (size_t)col_name));
            jh__trim(name);
            char code[256];
            snprintf(code, sizeof(code), "%s",
                     jh_table_cell(t, i, (size_t)col_code));
            jh__trim(code);
            if (code[0] == '\0' && is_total_row(name)) {
                if (jh_diags_add(warn, t->source, row->line, 0, NULL, NULL,
                                 "row '%s' looks like a total row and is "
                                 "skipped",
                                 name) != JH_OK)
                    goto nomem;
                continue;
            }
        }

        double whole_classes = NAN;

        school_init(s);
        c->nschools++; /* counted now so that a failure frees it */
        s->row = i;
        s->line = row->line;
        for (size_t j = 0; j < ncols && j < row->ncells; j++) {
            const field *f = &fields[j];
            char *text;
            double v = 0.0;

            if (f->kind == F_NONE)
                continue;
            text = jh__strdup(row->cells[j]);
            if (text == NULL)
                goto nomem;
            jh__trim(text);
            switch (f->kind) {
            case F_CODE:
                if (text[0] == '\0') {
                    free(text);
                    st = cell_error(err, t, i, j, JH_ERR_DATA,
                                    "missing school code");
                    goto fail;
                }
                s->code = text;
                text = NULL;
                break;
            case F_NAME:
                if (text[0] == '\0') {
                    free(text);
                    st = cell_error(err, t, i, j, JH_ERR_DATA,
                                    "missing school name");
                    goto fail;
                }
                s->name = text;
                text = NULL;
                break;
            case F_TYPE:
                if (!parse_type(text, &s->type)) {
                    st = cell_error(
                        err, t, i, j, JH_ERR_DATA,
                        "unknown school type '%s' (expected 小学, 初中, "
                        "九年一贯制学校, 完全中学, 十二年一贯制学校, 教学点, "
                        "特殊教育学校 or 职业学校)",
                        text);
                    free(text);
                    goto fail;
                }
                break;
            case F_COUNTY:
                if (text[0] != '\0') {
                    s->county = text;
                    text = NULL;
                }
                break;
            case F_PARENT:
                if (text[0] != '\0') {
                    s->parent_code = text;
                    text = NULL;
                }
                break;
            case F_LOCALITY:
                if (text[0] != '\0' && !parse_locality(text, &s->locality)) {
                    st = cell_error(err, t, i, j, JH_ERR_DATA,
                                    "unknown locality '%s' (expected 城区, "
                                    "镇区 or 乡村)",
                                    text);
                    free(text);
                    goto fail;
                }
                break;
            case F_OWNERSHIP:
                if (text[0] != '\0' &&
                    !parse_ownership(text, &s->ownership)) {
                    st = cell_error(err, t, i, j, JH_ERR_DATA,
                                    "unknown ownership '%s' (expected 公办 "
                                    "or 民办)",
                                    text);
                    free(text);
                    goto fail;
                }
                break;
            case F_INCLUDE:
                if (text[0] != '\0' && !parse_yes_no(text, &s->include)) {
                    st = cell_error(err, t, i, j, JH_ERR_DATA,
                                    "'%s' in %s is neither 是 nor 否", text,
                                    f->header);
                    free(text);
                    goto fail;
                }
                break;
            case F_STUDENTS:
            case F_CLASSES:
            case F_WHOLE:
            case F_SECTION:
                if (text[0] == '\0')
                    break; /* blank stays NAN: blank is not zero */
                if (!jh__parse_double(text, &v)) {
                    st = cell_error(err, t, i, j, JH_ERR_DATA,
                                    "%s: '%s' is not a number", f->header,
                                    text);
                    free(text);
                    goto fail;
                }
                if (v < 0) {
                    st = cell_error(err, t, i, j, JH_ERR_DATA,
                                    "%s: '%s' is negative", f->header, text);
                    free(text);
                    goto fail;
                }
                if (v > ((f->kind == F_STUDENTS || f->kind == F_CLASSES)
                             ? JH_MAX_ENROLLMENT
                             : JH_MAX_QUANTITY)) {
                    st = cell_error(err, t, i, j, JH_ERR_DATA,
                                    "%s: '%s' is implausibly large",
                                    f->header, text);
                    free(text);
                    goto fail;
                }
                if ((f->kind == F_STUDENTS || f->kind == F_CLASSES) &&
                    v != floor(v)) {
                    st = cell_error(err, t, i, j, JH_ERR_DATA,
                                    "%s: '%s' is not a whole number",
                                    f->header, text);
                    free(text);
                    goto fail;
                }
                v *= f->multiplier;
                if (f->kind == F_STUDENTS)
                    s->students[f->arg] = v;
                else if (f->kind == F_CLASSES && f->arg >= 0)
                    s->classes[f->arg] = v;
                else if (f->kind == F_CLASSES)
                    whole_classes = v;
                else if (f->kind == F_WHOLE)
                    s->whole[f->arg] = v;
                else
                    s->section[f->arg][f->arg2] = v;
                break;
            case F_NONE:
                break;
            }
            free(text);
        }
        /* A whole-school class count belongs to a single-level school. */
        if (!isnan(whole_classes)) {
            if (s->type == JH_TYPE_PRIMARY ||
                s->type == JH_TYPE_TEACHING_POINT)
                s->classes[JH_LEVEL_PRIMARY] = whole_classes;
            else if (s->type == JH_TYPE_JUNIOR)
                s->classes[JH_LEVEL_JUNIOR] = whole_classes;
        }
        if (s->code == NULL || s->name == NULL) {
            st = cell_error(err, t, i, (size_t)(s->code == NULL ? col_code
                                                                : col_name),
                            JH_ERR_DATA, "missing school %s",
                            s->code == NULL ? "code" : "name");
            goto fail;
        }
    }
    if (c->nschools == 0) {
        st = jh_error_set(err, JH_ERR_DATA, t->source, 0, 0,
                          "no schools: the table has a header but no data "
                          "rows");
        goto fail;
    }
    st = check_duplicates(c, t, (size_t)col_code, err);
    if (st != JH_OK)
        goto fail;
    if (first_county_col != (size_t)-1) {
        for (size_t i = 0; i < c->nschools; i++) {
            if (c->schools[i].county != NULL) {
                c->name = jh__strdup(c->schools[i].county);
                break;
            }
        }
    }
    free(fields);
    *out = c;
    return JH_OK;

nomem:
    st = jh_error_set(err, JH_ERR_NOMEM, t->source, 0, 0, "out of memory");
fail:
    free(fields);
    jh_county_free(c);
    return st;
}
