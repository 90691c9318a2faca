/* junheng - reading schools from a table by their column headers. */
#include "junheng/school.h"
#include "junheng/school_reader.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "school_names.h"
#include "util.h"

/* ---- names ------------------------------------------------------------ */

/* Other spellings seen in county tables. */
static const struct {
    const char *text;
    jh_school_type type;
} type_aliases[] = {
    /* 教育事业统计 (the national statistics system) names, and those of
     * provincial forms. */
    {"完全小学", JH_TYPE_PRIMARY},
    {"非完全小学", JH_TYPE_PRIMARY},
    {"初级小学", JH_TYPE_PRIMARY},
    {"中心小学", JH_TYPE_PRIMARY},
    {"小学教学点", JH_TYPE_TEACHING_POINT},
    {"初级中学", JH_TYPE_JUNIOR},
    {"独立初中", JH_TYPE_JUNIOR},
    {"独立设置初中", JH_TYPE_JUNIOR},
    {"独立设置的初中", JH_TYPE_JUNIOR},
    {"九年一贯制", JH_TYPE_NINE_YEAR},
    {"九年制学校", JH_TYPE_NINE_YEAR},
    {"九年制", JH_TYPE_NINE_YEAR},
    {"九年一贯制学校", JH_TYPE_NINE_YEAR},
    {"完中", JH_TYPE_COMPLETE_SECONDARY},
    {"十二年一贯制", JH_TYPE_TWELVE_YEAR},
    {"十二年制学校", JH_TYPE_TWELVE_YEAR},
    {"十二年制", JH_TYPE_TWELVE_YEAR},
    {"特殊教育", JH_TYPE_SPECIAL},
    {"特教学校", JH_TYPE_SPECIAL},
    {"中等职业学校", JH_TYPE_VOCATIONAL},
    {"职业高中", JH_TYPE_VOCATIONAL},
};


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
    F_PRE2016,      /* 专用教室2016年前建成 */
    F_SIZE_RELAX,   /* 规模放宽适用 */
    F_STUDENTS, /* arg: level */
    F_CLASSES,  /* arg: level, or -1 for the whole school */
    F_GRADES,   /* 年级数; arg: level, or -1 for the whole school */
    F_WHOLE,    /* arg: quantity */
    F_SECTION   /* arg: quantity, arg2: level */
} field_kind;

typedef struct field {
    field_kind kind;
    int arg, arg2;
    double multiplier; /* from a unit such as 万元 */
    char unit[64];     /* the header's unit, "" when none */
    char header[256];  /* as written, for messages */
} field;

/*
 * The ONE table of the names of the simple columns: the importer maps
 * headers with it, `junheng batch` finds its county, code and name columns
 * with it (jh_school_header_key()).  Names are compared in their canonical
 * form (header_canon(): no line breaks or spaces, ASCII parentheses), so
 * "学校（机构）标识码" here also matches "学校(机构)\n标识码".  The first
 * Chinese name is the one messages suggest.
 */
static const struct {
    const char *key;
    field_kind kind;
    const char *zh[14];
} simple_fields[] = {
    {"code",
     F_CODE,
     {"学校代码", "学校（机构）标识码", "学校标识码", "机构标识码",
      "学校（机构）代码", "机构代码", "学校编码", "学校编号", "代码", NULL}},
    {"name",
     F_NAME,
     {"学校名称", "学校（机构）名称", "机构名称", "学校", "校名", "单位名称",
      "名称", NULL}},
    {"type",
     F_TYPE,
     {"学校类型", "办学类型", "学校（机构）类型", "学校类别", "类型", NULL}},
    {"county",
     F_COUNTY,
     {"县区", "区县", "县市区", "所在区县", "所在县区", "所属区县", "所属县区",
      "县（市、区）", "县（区）", "县（市）", "区县名称", "县区名称", "县",
      NULL}},
    {"locality", F_LOCALITY, {"城乡类型", "城乡分类", "城乡", NULL}},
    {"ownership",
     F_OWNERSHIP,
     {"举办者类型", "办学性质", "举办者", "举办者性质", NULL}},
    {"parent_code", F_PARENT, {"所属学校代码", "所属学校", NULL}},
    {"include", F_INCLUDE, {"纳入计算", "是否纳入计算", "是否纳入", NULL}},
    {"rooms_pre2016",
     F_PRE2016,
     {"专用教室2016年前建成", "音乐美术教室2016年前建成", "2016年前建成",
      "是否2016年前建成", NULL}},
    {"size_relaxation_eligible",
     F_SIZE_RELAX,
     {"规模放宽适用", "适用规模放宽", "规模放宽", "是否适用规模放宽", NULL}},
};

/*
 * Write the canonical form of a header (or of a name in the tables) into
 * @p out, the form names are compared in: line breaks (Alt+Enter in Excel
 * stores LF, a CSV may carry CR LF), tabs, the ideographic space U+3000
 * and the no-break space U+00A0 go; full-width parentheses and brackets
 * become ASCII (（）【】 → ()[]); ASCII spaces go too when the text holds
 * a non-ASCII byte (a Chinese header "学校 名称"), and are kept in an
 * English one ("students primary", read as students_primary).
 */
static void
header_canon(const char *in, char *out, size_t size)
{
    bool wide = false;
    size_t n = 0;

    for (const unsigned char *p = (const unsigned char *)in; *p != '\0'; p++)
        wide = wide || *p >= 0x80;
    for (const unsigned char *p = (const unsigned char *)in;
         *p != '\0' && n + 1 < size;) {
        if (*p == '\r' || *p == '\n' || *p == '\t' || (wide && *p == ' ')) {
            p++;
        } else if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) {
            p += 3; /* U+3000 */
        } else if (p[0] == 0xC2 && p[1] == 0xA0) {
            p += 2; /* U+00A0 */
        } else if (p[0] == 0xEF && p[1] == 0xBC &&
                   (p[2] == 0x88 || p[2] == 0x89)) {
            out[n++] = p[2] == 0x88 ? '(' : ')'; /* （ ） */
            p += 3;
        } else if (p[0] == 0xE3 && p[1] == 0x80 &&
                   (p[2] == 0x90 || p[2] == 0x91)) {
            out[n++] = p[2] == 0x90 ? '[' : ']'; /* 【 】 */
            p += 3;
        } else {
            /* Copy a whole UTF-8 sequence or none of it. */
            size_t len = *p < 0x80 ? 1 : *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : 2;
            if (n + len >= size)
                break;
            for (size_t k = 0; k < len && p[0] != '\0'; k++)
                out[n++] = (char)*p++;
        }
    }
    out[n] = '\0';
}

/*
 * Split a header into its name and its unit ("教学仪器设备值(万元)" →
 * "教学仪器设备值" and "万元"), both in canonical form (header_canon()).
 * The unit is a group in parentheses or brackets (ASCII or full-width)
 * that ENDS the header; a group inside the name is part of it
 * ("学校（机构）标识码").  Writes both NUL-terminated.
 */
static void
split_unit(const char *header, char *name, size_t nsize, char *unit,
           size_t usize)
{
    char canon[512];
    size_t len, cut;

    header_canon(header, canon, sizeof(canon));
    jh__trim(canon);
    len = strlen(canon);
    cut = len;
    if (len > 0 && (canon[len - 1] == ')' || canon[len - 1] == ']')) {
        char close = canon[len - 1], open = close == ')' ? '(' : '[';
        int depth = 0;
        for (size_t i = len; i-- > 0;) {
            if (canon[i] == close)
                depth++;
            else if (canon[i] == open && --depth == 0) {
                if (i > 0)
                    cut = i;
                break;
            }
        }
    }
    unit[0] = '\0';
    if (cut < len) {
        size_t ulen = 0;
        for (size_t i = cut + 1; i + 1 < len && ulen + 1 < usize; i++) {
            if (canon[i] != ' ')
                unit[ulen++] = canon[i];
        }
        unit[ulen] = '\0';
    }
    if (cut >= nsize)
        cut = nsize - 1;
    memcpy(name, canon, cut);
    name[cut] = '\0';
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

/* True when @p a (canonical) is the table name @p b in canonical form. */
static bool
name_is(const char *a, const char *b)
{
    char cb[256];

    if (strcmp(a, b) == 0)
        return true;
    if (strpbrk(b, "\xEF\xE3 ") == NULL)
        return false; /* b has no full-width bracket or space: as is */
    header_canon(b, cb, sizeof(cb));
    return strcmp(a, cb) == 0;
}

static bool
names_match(const char *name, const char *zh, const char *const *aliases)
{
    if (zh != NULL && name_is(name, zh))
        return true;
    for (size_t i = 0; aliases != NULL && aliases[i] != NULL; i++) {
        if (name_is(name, aliases[i]))
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
    /* "其中：室内体育用房" is a part of the column before it ("of which"):
     * the words after 其中 name it. */
    if (strncmp(name, "其中", strlen("其中")) == 0 &&
        strcmp(name, jh__quantity_names[JH_Q_INDOOR_SPORTS_AREA].zh) != 0) {
        static const char *const seps[] = {"：", ":", "，", ",", "、"};
        char *rest = name + strlen("其中");
        for (size_t i = 0; i < sizeof(seps) / sizeof(seps[0]); i++) {
            if (strncmp(rest, seps[i], strlen(seps[i])) == 0) {
                rest += strlen(seps[i]);
                break;
            }
        }
        memmove(name, rest, strlen(rest) + 1);
        jh__trim(name);
    }
    snprintf(key, sizeof(key), "%s", name);
    normalize_key(key);
    snprintf(f->unit, sizeof(f->unit), "%s", unit);

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
        snprintf(k, sizeof(k), "students_%s", jh__level_keys[l]);
        snprintf(z1, sizeof(z1), "%s在校生数", jh__level_zh[l]);
        snprintf(z2, sizeof(z2), "%s学生数", jh__level_zh[l]);
        snprintf(z3, sizeof(z3), "%s在校生", jh__level_zh[l]);
        if (strcmp(key, k) == 0 || strcmp(name, z1) == 0 ||
            strcmp(name, z2) == 0 || strcmp(name, z3) == 0) {
            f->kind = F_STUDENTS;
            f->arg = l;
            return;
        }
        snprintf(k, sizeof(k), "classes_%s", jh__level_keys[l]);
        snprintf(z1, sizeof(z1), "%s班级数", jh__level_zh[l]);
        if (strcmp(key, k) == 0 || strcmp(name, z1) == 0) {
            f->kind = F_CLASSES;
            f->arg = l;
            return;
        }
        snprintf(k, sizeof(k), "grades_%s", jh__level_keys[l]);
        snprintf(z1, sizeof(z1), "%s年级数", jh__level_zh[l]);
        if (strcmp(key, k) == 0 || strcmp(name, z1) == 0) {
            f->kind = F_GRADES;
            f->arg = l;
            return;
        }
    }
    if (strcmp(key, "classes") == 0 || strcmp(name, "班级数") == 0) {
        f->kind = F_CLASSES;
        f->arg = -1;
        return;
    }
    if (strcmp(key, "grades") == 0 || strcmp(name, "年级数") == 0) {
        f->kind = F_GRADES;
        f->arg = -1;
        return;
    }
    for (int q = 0; q < JH_Q_COUNT; q++) {
        if (strcmp(key, jh__quantity_names[q].key) == 0 ||
            names_match(name, jh__quantity_names[q].zh,
                        jh__quantity_names[q].aliases)) {
            f->kind = F_WHOLE;
            f->arg = q;
            return;
        }
        if (!jh__quantity_names[q].sectioned)
            continue;
        for (int l = 0; l < JH_LEVEL_COUNT; l++) {
            char k[96], z[160];
            snprintf(k, sizeof(k), "%s_%s", jh__quantity_names[q].key,
                     jh__level_keys[l]);
            if (strcmp(key, k) == 0) {
                f->kind = F_SECTION;
                f->arg = q;
                f->arg2 = l;
                return;
            }
            /* "小学高于规定学历教师数" */
            if (strncmp(name, jh__level_zh[l], strlen(jh__level_zh[l])) == 0) {
                const char *rest = name + strlen(jh__level_zh[l]);
                if (names_match(rest, jh__quantity_names[q].zh,
                                jh__quantity_names[q].aliases)) {
                    f->kind = F_SECTION;
                    f->arg = q;
                    f->arg2 = l;
                    return;
                }
            }
            snprintf(z, sizeof(z), "%s%s", jh__level_zh[l], jh__quantity_names[q].zh);
            if (strcmp(name, z) == 0) {
                f->kind = F_SECTION;
                f->arg = q;
                f->arg2 = l;
                return;
            }
        }
    }
}

const char *
jh_school_header_key(const char *header)
{
    field f;

    identify(header, &f);
    for (size_t i = 0; i < sizeof(simple_fields) / sizeof(simple_fields[0]);
         i++) {
        if (f.kind == simple_fields[i].kind)
            return simple_fields[i].key;
    }
    return NULL;
}

/* ---- nearest names ---------------------------------------------------- */

/* Most code points compared: longer headers are cut (no known name is
 * near that long). */
#define NEAR_MAX 48

/* Decode UTF-8 @p s into at most NEAR_MAX code points; returns how many.
 * Invalid bytes count as one code point each. */
static size_t
utf8_points(const char *s, uint32_t *cp)
{
    size_t n = 0;
    const unsigned char *p = (const unsigned char *)s;

    while (*p != '\0' && n < NEAR_MAX) {
        uint32_t c = *p;
        size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        for (size_t k = 1; k < len; k++) {
            if ((p[k] & 0xC0) != 0x80) {
                len = 1;
                break;
            }
            c = (c << 6) | (p[k] & 0x3Fu);
        }
        cp[n++] = c;
        p += len;
    }
    return n;
}

/* Levenshtein distance between two code point strings. */
static size_t
edit_distance(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    size_t prev[NEAR_MAX + 1], cur[NEAR_MAX + 1];

    for (size_t j = 0; j <= nb; j++)
        prev[j] = j;
    for (size_t i = 1; i <= na; i++) {
        cur[0] = i;
        for (size_t j = 1; j <= nb; j++) {
            size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
            size_t sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
            cur[j] = del < ins ? del : ins;
            if (sub < cur[j])
                cur[j] = sub;
        }
        memcpy(prev, cur, (nb + 1) * sizeof(prev[0]));
    }
    return prev[nb];
}

/* The search for the known name nearest to one header. */
typedef struct nearest {
    const char *want;   /* column key to look at, or NULL for any */
    uint32_t cp[NEAR_MAX];
    size_t ncp;
    size_t best;        /* distance of the best so far (SIZE_MAX: none) */
    const char *shown;  /* the name to suggest */
    const char *key;    /* its column key */
} nearest;

/* Weigh one known name @p name of column @p key, shown as @p shown. */
static void
near_try(nearest *nr, const char *key, const char *shown, const char *name)
{
    uint32_t cp[NEAR_MAX];
    char canon[256];
    size_t n, d, shorter;

    if (nr->want != NULL && strcmp(nr->want, key) != 0)
        return;
    header_canon(name, canon, sizeof(canon));
    n = utf8_points(canon, cp);
    if (n < 3)
        return;
    shorter = n < nr->ncp ? n : nr->ncp;
    d = edit_distance(nr->cp, nr->ncp, cp, n);
    if (d == 0 || d > (shorter / 4 > 1 ? shorter / 4 : 1) || d >= nr->best)
        return;
    nr->best = d;
    nr->shown = shown;
    nr->key = key;
}

/* Try every name the importer knows (see identify()) on @p nr. */
static void
near_all(nearest *nr)
{
    char k[96], z[160];

    for (size_t i = 0; i < sizeof(simple_fields) / sizeof(simple_fields[0]);
         i++) {
        for (size_t a = 0; simple_fields[i].zh[a] != NULL; a++)
            near_try(nr, simple_fields[i].key, simple_fields[i].zh[0],
                     simple_fields[i].zh[a]);
    }
    for (int q = 0; q < JH_Q_COUNT; q++) {
        near_try(nr, jh__quantity_names[q].key, jh__quantity_names[q].zh,
                 jh__quantity_names[q].key);
        near_try(nr, jh__quantity_names[q].key, jh__quantity_names[q].zh,
                 jh__quantity_names[q].zh);
        for (size_t a = 0; jh__quantity_names[q].aliases[a] != NULL; a++)
            near_try(nr, jh__quantity_names[q].key, jh__quantity_names[q].zh,
                     jh__quantity_names[q].aliases[a]);
    }
    /* Per-level names, shown by what the template writes: the shown
     * text must outlive this call, so only static names are shown. */
    for (int l = 0; l < 3; l++) {
        static const char *const students_zh[3] = {
            "小学在校生数", "初中在校生数", "高中在校生数"};
        static const char *const students_key[3] = {
            "students_primary", "students_junior", "students_senior"};
        snprintf(z, sizeof(z), "%s学生数", jh__level_zh[l]);
        near_try(nr, students_key[l], students_zh[l], students_zh[l]);
        near_try(nr, students_key[l], students_zh[l], z);
        snprintf(k, sizeof(k), "%s", students_key[l]);
        near_try(nr, students_key[l], students_zh[l], k);
    }
}

/* ---- header rows ------------------------------------------------------ */

/* Words under a column label that stand for the whole school. */
static bool
is_total_word(const char *s)
{
    static const char *const words[] = {"合计", "小计", "总计", "全校",
                                        "计",   "总数", "合计数", "total"};
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
        if (strcasecmp(s, words[i]) == 0)
            return true;
    }
    return false;
}

/*
 * Join two header parts into one header: their names one after the other,
 * then the unit of either in parentheses ("小学" and "在校生数(人)" give
 * "小学在校生数(人)").  The result goes through identify() like any header.
 */
static void
join_header(const char *first, const char *second, char *out, size_t size)
{
    char n1[256], u1[64], n2[256], u2[64];
    const char *unit;

    split_unit(first, n1, sizeof(n1), u1, sizeof(u1));
    split_unit(second, n2, sizeof(n2), u2, sizeof(u2));
    jh__trim(n1);
    jh__trim(n2);
    unit = u1[0] != '\0' ? u1 : u2;
    if (unit[0] != '\0')
        snprintf(out, size, "%s%s(%s)", n1, n2, unit);
    else
        snprintf(out, size, "%s%s", n1, n2);
}

/* Copy the trimmed text of a cell into @p buf. */
static void
cell_text(const jh_table *t, size_t row, size_t col, char *buf, size_t size)
{
    size_t len;
    const char *start = jh__trim_span(jh_table_cell(t, row, col), &len);
    bool cut = len >= size;

    if (cut)
        len = size - 1;
    memcpy(buf, start, len);
    buf[len] = '\0';
    if (cut)
        jh__trim(buf); /* the cut may leave blanks at the end */
}

/* Where the label of a merged span stands while columns are walked. */
typedef struct span_state {
    char label[256]; /* label of the span the column is under, or "" */
    bool sub;        /* the previous column had a second-row name */
} span_state;

/*
 * Identify column @p col of the header at table rows @p row (and row + 1
 * when @p nrows is 2).  For two rows, a merged label stands only in the
 * first cell of its span: it carries on to the right over columns that have
 * a second-row name and an empty first row.  A column is, in this order: its
 * second-row name alone (学校代码 under 学校基本情况), its first-row name when
 * the second row is empty (a label merged over both rows), the label alone
 * when the second row says 合计, the section before the label (小学 under
 * 在校生数 → 小学在校生数), or the label before the name.  Columns must be
 * visited left to right with the same @p span.
 */
static void
identify_column(const jh_table *t, size_t row, size_t nrows, size_t col,
                span_state *span, field *f)
{
    char top[256], bottom[256], joined[600];

    cell_text(t, row, col, top, sizeof(top));
    if (nrows < 2) {
        identify(top, f);
        return;
    }
    cell_text(t, row + 1, col, bottom, sizeof(bottom));
    if (top[0] != '\0')
        snprintf(span->label, sizeof(span->label), "%s", top);
    else if (bottom[0] == '\0' || !span->sub)
        span->label[0] = '\0';
    span->sub = bottom[0] != '\0';
    if (bottom[0] == '\0') {
        identify(top, f);
        return;
    }
    identify(bottom, f);
    if (f->kind != F_NONE || span->label[0] == '\0')
        return;
    if (is_total_word(bottom)) {
        identify(span->label, f);
        return;
    }
    join_header(bottom, span->label, joined, sizeof(joined));
    identify(joined, f);
    if (f->kind != F_NONE)
        return;
    join_header(span->label, bottom, joined, sizeof(joined));
    identify(joined, f);
}

/* Number of columns of a header of @p nrows rows at @p row. */
static size_t
header_width(const jh_table *t, size_t row, size_t nrows)
{
    size_t n = 0;
    for (size_t r = row; r < row + nrows && r < t->nrows; r++) {
        if (t->rows[r].ncells > n)
            n = t->rows[r].ncells;
    }
    return n;
}

/* How well a row (or pair of rows) works as the header. */
typedef struct header_score {
    size_t mapped;   /* columns identified */
    int required;    /* how many of code, name, type were found */
    bool duplicate;  /* two columns mean the same */
} header_score;

/* Slots per field kind: arg runs from -1 (classes of the whole school) to
 * JH_Q_COUNT - 1 and arg2 from 0 to 3. */
#define FIELD_SLOTS ((size_t)(JH_Q_COUNT + 1) * 4u)

/* A small number for each distinct meaning of a column. */
static size_t
field_slot(const field *f)
{
    return (size_t)f->kind * FIELD_SLOTS + (size_t)(f->arg + 1) * 4u +
           (size_t)f->arg2;
}

static header_score
score_header(const jh_table *t, size_t row, size_t nrows)
{
    header_score sc = {0, 0, false};
    bool code = false, name = false, type = false;
    bool seen[(F_SECTION + 1) * FIELD_SLOTS] = {false};
    span_state span = {"", false};
    size_t ncols = header_width(t, row, nrows);
    field f;

    for (size_t j = 0; j < ncols; j++) {
        identify_column(t, row, nrows, j, &span, &f);
        if (f.kind == F_NONE)
            continue;
        if (seen[field_slot(&f)])
            sc.duplicate = true;
        seen[field_slot(&f)] = true;
        sc.mapped++;
        code = code || f.kind == F_CODE;
        name = name || f.kind == F_NAME;
        type = type || f.kind == F_TYPE;
    }
    sc.required = (int)code + (int)name + (int)type;
    return sc;
}

/*
 * Look for the header in the first JH_HEADER_SCAN_ROWS rows (see
 * jh_school_find_header()).  Returns true when found.  Otherwise *row is
 * the row that came closest (most required columns), with *nrows 1, so that
 * the caller can say what that row lacks.
 */
static bool
find_header(const jh_table *t, size_t *row, size_t *nrows)
{
    size_t limit = t->nrows < JH_HEADER_SCAN_ROWS ? t->nrows
                                                  : JH_HEADER_SCAN_ROWS;
    int best = -1;

    *row = 0;
    *nrows = 1;
    for (size_t r = 0; r < limit; r++) {
        header_score one = score_header(t, r, 1), two = {0, 0, true};

        if (r + 1 < t->nrows)
            two = score_header(t, r, 2);
        if (two.duplicate)
            two.required = 0;
        if (one.required == 3) {
            *row = r;
            *nrows = two.required == 3 && two.mapped > one.mapped ? 2 : 1;
            return true;
        }
        if (two.required == 3) {
            /* A title row over a one-row header also reads as two rows:
             * prefer the plain header below when it maps as much. */
            header_score next = score_header(t, r + 1, 1);
            if (next.required == 3 && next.mapped >= two.mapped)
                continue;
            *row = r;
            *nrows = 2;
            return true;
        }
        if (one.required > best) {
            best = one.required;
            *row = r;
        }
    }
    return false;
}

jh_status
jh_school_find_header(const jh_table *t, size_t *row, size_t *nrows)
{
    size_t r, n;

    if (!find_header(t, &r, &n))
        return JH_ERR_NOTFOUND;
    *row = r;
    *nrows = n;
    return JH_OK;
}

/* ---- values ----------------------------------------------------------- */

static bool
parse_type(const char *text, jh_school_type *out)
{
    char key[64];
    size_t len = strlen(text);

    if (len >= sizeof(key))
        len = sizeof(key) - 1;
    memcpy(key, text, len);
    key[len] = '\0';
    normalize_key(key);
    for (int t = 0; t < JH_TYPE_COUNT; t++) {
        if (strcmp(key, jh__type_names[t].key) == 0 ||
            strcmp(text, jh__type_names[t].zh) == 0) {
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
        /* The Chinese names first: what nearly every file has. */
        {"城区", JH_LOCALITY_URBAN},  {"镇区", JH_LOCALITY_TOWN},
        {"乡村", JH_LOCALITY_RURAL},  {"城市", JH_LOCALITY_URBAN},
        {"县镇", JH_LOCALITY_TOWN},   {"镇", JH_LOCALITY_TOWN},
        {"农村", JH_LOCALITY_RURAL},  {"urban", JH_LOCALITY_URBAN},
        {"town", JH_LOCALITY_TOWN},   {"rural", JH_LOCALITY_RURAL},
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
    if (strcmp(text, "公办") == 0 || strcasecmp(text, "public") == 0) {
        *out = JH_OWNERSHIP_PUBLIC;
        return true;
    }
    if (strcasecmp(text, "private") == 0 || strcmp(text, "民办") == 0) {
        *out = JH_OWNERSHIP_PRIVATE;
        return true;
    }
    if (strcasecmp(text, "province") == 0 ||
        strcasecmp(text, "province_run") == 0 || strcmp(text, "省属") == 0 ||
        strcmp(text, "省直") == 0 || strcmp(text, "省直属") == 0) {
        *out = JH_OWNERSHIP_PROVINCE;
        return true;
    }
    return false;
}

static bool
parse_yes_no(const char *text, bool *out)
{
    /* The Chinese words first: what nearly every file has. */
    static const char *const yes[] = {"是", "纳入", "yes", "y", "true", "1"};
    static const char *const no[] = {"否", "不纳入", "no", "n", "false", "0"};

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

/* Code points in the UTF-8 text @p s. */
static size_t
utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s != '\0'; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* ---- numbers written as text ------------------------------------------ */

/* What a unit measures, for matching a unit in a cell with its column. */
typedef enum unit_kind {
    U_NONE = 0,
    U_PERSONS,
    U_CLASSES,
    U_AREA,
    U_MONEY,
    U_ROOMS,
    U_UNITS, /* 台, 个: any count of things */
    U_BOOKS
} unit_kind;

/*
 * The units junheng converts, in a header ("体育运动场馆面积(亩)") or after
 * a number in a cell ("800平方米"), with the factor to the unit junheng
 * counts in (m², 元, persons, rooms, ...).  A header unit not in this table
 * is an error naming the header: a value read in an unknown unit would be
 * a silently wrong figure.  1 亩 = 10000/15 m² exactly (the legal
 * definition of the 市亩), so it is converted, with a warning.
 */
static const struct {
    const char *text;
    unit_kind kind;
    double scale;
} cell_units[] = {
    {"平方米", U_AREA, 1},
    {"平米", U_AREA, 1},
    {"㎡", U_AREA, 1},
    {"m²", U_AREA, 1},
    {"m2", U_AREA, 1},
    {"sqm", U_AREA, 1},
    {"亩", U_AREA, 10000.0 / 15.0},
    {"人", U_PERSONS, 1},
    {"名", U_PERSONS, 1},
    {"persons", U_PERSONS, 1},
    {"person", U_PERSONS, 1},
    {"个班", U_CLASSES, 1},
    {"班", U_CLASSES, 1},
    {"classes", U_CLASSES, 1},
    {"间", U_ROOMS, 1},
    {"rooms", U_ROOMS, 1},
    {"个", U_UNITS, 1},
    {"台", U_UNITS, 1},
    {"units", U_UNITS, 1},
    {"册", U_BOOKS, 1},
    {"本", U_BOOKS, 1},
    {"books", U_BOOKS, 1},
    {"volumes", U_BOOKS, 1},
    {"万元", U_MONEY, 1e4},
    {"万", U_MONEY, 1e4},
    {"wan_yuan", U_MONEY, 1e4},
    {"10k_yuan", U_MONEY, 1e4},
    {"10kyuan", U_MONEY, 1e4},
    {"千元", U_MONEY, 1e3},
    {"元", U_MONEY, 1},
    {"yuan", U_MONEY, 1},
};

/* Index of @p text in cell_units (case-insensitive), or -1. */
static int
find_unit(const char *text)
{
    for (size_t i = 0; i < sizeof(cell_units) / sizeof(cell_units[0]); i++) {
        if (strcasecmp(text, cell_units[i].text) == 0)
            return (int)i;
    }
    return -1;
}

/* Whether a unit of kind @p got may stand in a column counted in @p want
 * (个 counts classes, rooms and books too). */
static bool
unit_fits(unit_kind got, unit_kind want)
{
    return got == want ||
           (got == U_UNITS &&
            (want == U_ROOMS || want == U_CLASSES || want == U_BOOKS));
}

/* The kind of unit a column is counted in. */
static unit_kind
field_unit(const field *f)
{
    if (f->kind == F_STUDENTS)
        return U_PERSONS;
    if (f->kind == F_CLASSES)
        return U_CLASSES;
    if (f->kind == F_GRADES)
        return U_NONE;
    switch ((jh_quantity)f->arg) {
    case JH_Q_TEACHING_AREA:
    case JH_Q_SPORTS_AREA:
    case JH_Q_INDOOR_SPORTS_AREA:
    case JH_Q_LEASED_SPORTS_AREA:
        return U_AREA;
    case JH_Q_EQUIPMENT_VALUE:
        return U_MONEY;
    case JH_Q_MULTIMEDIA_ROOMS:
    case JH_Q_MUSIC_ROOMS:
    case JH_Q_ART_ROOMS:
        return U_ROOMS;
    case JH_Q_MUSIC_ROOM_MIN_AREA:
    case JH_Q_ART_ROOM_MIN_AREA:
        return U_AREA;
    case JH_Q_TRAINING_FUNDS:
    case JH_Q_PUBLIC_FUNDS:
        return U_MONEY;
    case JH_Q_COMPUTERS:
        return U_UNITS;
    case JH_Q_BOOKS:
        return U_BOOKS;
    default:
        return U_PERSONS;
    }
}

/* Full-width forms (U+FF0B..U+FF19) that stand for ASCII in numbers. */
static char
fullwidth_ascii(const unsigned char *p)
{
    if (p[0] != 0xEF || p[1] != 0xBC)
        return 0;
    if (p[2] >= 0x90 && p[2] <= 0x99)
        return (char)('0' + (p[2] - 0x90)); /* ０-９ */
    switch (p[2]) {
    case 0x8B:
        return '+'; /* ＋ */
    case 0x8C:
        return ','; /* ， */
    case 0x8D:
        return '-'; /* － */
    case 0x8E:
        return '.'; /* ． */
    default:
        return 0;
    }
}

/* True for "1,234" and "12,345,678.5": commas only between groups of 3. */
static bool
valid_grouping(const char *s)
{
    size_t digits = 0;
    bool comma = false;

    if (*s == '+' || *s == '-')
        s++;
    for (; *s != '\0' && *s != '.'; s++) {
        if (*s == ',') {
            if (digits == 0 || (comma && digits != 3) || (!comma && digits > 3))
                return false;
            comma = true;
            digits = 0;
        } else if (*s >= '0' && *s <= '9') {
            digits++;
        } else {
            return false;
        }
    }
    if (comma && digits != 3)
        return false;
    return strchr(s, ',') == NULL;
}

/*
 * Rewrite a number written as text into plain ASCII decimal notation:
 * full-width digits and signs become ASCII, thousands separators go, and a
 * trailing unit from cell_units is cut off (*unit receives its index, or -1).
 * Returns false when @p text is no number in these forms; @p out is then
 * unspecified.  The result still has to pass jh__parse_double().
 */
static bool
normalize_number(const char *text, char *out, size_t size, int *unit)
{
    char buf[256], *num_end;
    size_t n = 0;

    *unit = -1;
    for (const unsigned char *p = (const unsigned char *)text; *p != '\0';) {
        char a = fullwidth_ascii(p);
        if (n + 4 >= sizeof(buf))
            return false;
        if (a != 0) {
            buf[n++] = a;
            p += 3;
        } else if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) {
            buf[n++] = ' '; /* ideographic space */
            p += 3;
        } else {
            buf[n++] = (char)*p++;
        }
    }
    buf[n] = '\0';
    jh__trim(buf);

    /* The number is the longest prefix of digits, signs, points, commas
     * and an exponent; whatever follows must be a known unit. */
    num_end = buf;
    while (*num_end != '\0' && strchr("0123456789+-.,", *num_end) != NULL)
        num_end++;
    if ((*num_end == 'e' || *num_end == 'E') && num_end > buf) {
        char *q = num_end + 1;
        if (*q == '+' || *q == '-')
            q++;
        if (*q >= '0' && *q <= '9') {
            while (*q >= '0' && *q <= '9')
                q++;
            num_end = q;
        }
    }
    if (num_end == buf)
        return false;
    if (*num_end != '\0') {
        char suffix[256];
        snprintf(suffix, sizeof(suffix), "%s", num_end);
        jh__trim(suffix);
        *unit = find_unit(suffix);
        if (*unit < 0)
            return false;
        *num_end = '\0';
        jh__trim(buf);
    }
    if (strchr(buf, ',') != NULL) {
        size_t k = 0;
        if (!valid_grouping(buf))
            return false;
        for (size_t i = 0; buf[i] != '\0'; i++) {
            if (buf[i] != ',')
                buf[k++] = buf[i];
        }
        buf[k] = '\0';
    }
    if (strlen(buf) >= size)
        return false;
    memcpy(out, buf, strlen(buf) + 1);
    return true;
}

bool
jh_school_is_error_value(const char *text)
{
    static const char *const errors[] = {
        "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!",
        "#N/A",   "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!",
        "#BLOCKED!", "#UNKNOWN!", "#CONNECT!", "#BUSY!", "#N/A!"};
    /* Every cell passes through here: rule out the common case first. */
    if (text[0] != '#' && text[0] != 'E')
        return false;
    for (size_t i = 0; i < sizeof(errors) / sizeof(errors[0]); i++) {
        if (strcasecmp(text, errors[i]) == 0)
            return true;
    }
    /* LibreOffice writes "Err:502" and friends into exported text. */
    return strncmp(text, "Err:", 4) == 0 && strlen(text) == 7 &&
           strspn(text + 4, "0123456789") == 3;
}


/* ---- the importer ----------------------------------------------------- */


/* Set @p nr to look for names near the header @p header (its name, the
 * unit left out). */
static void
near_init(nearest *nr, const char *want, const char *header)
{
    char name[256], unit[64];

    memset(nr, 0, sizeof(*nr));
    nr->want = want;
    nr->best = SIZE_MAX;
    split_unit(header, name, sizeof(name), unit, sizeof(unit));
    nr->ncp = utf8_points(name, nr->cp);
}

bool
jh_county_suggest(const jh_county *c, const char *key, const char **found,
                  const char **known)
{
    size_t best = SIZE_MAX;

    *found = *known = NULL;
    for (size_t i = 0; c != NULL && i < c->nunknown_headers; i++) {
        nearest nr;
        near_init(&nr, key, c->unknown_headers[i]);
        if (nr.ncp == 0)
            continue;
        near_all(&nr);
        if (nr.shown != NULL && nr.best < best) {
            best = nr.best;
            *found = c->unknown_headers[i];
            *known = nr.shown;
        }
    }
    return *found != NULL;
}

/* Where the problems of one import go. */
typedef struct importer {
    const jh_table *t;
    jh_diags *warn;   /* warnings, may be NULL */
    jh_diags *errors; /* collect mode when not NULL */
    jh_error *err;    /* the error when not collecting */
    bool nomem;
    size_t examples;                  /* template example rows skipped */
    long first_example, last_example; /* their first and last lines */
} importer;

#define NO_COLUMN ((size_t)-1)

/*
 * Report bad data at (@p row, @p col) of the table (@p col NO_COLUMN for the
 * whole row).  Collecting, the error is appended to im->errors and true is
 * returned: reading goes on.  Otherwise it fills im->err and returns false:
 * the caller stops with JH_ERR_DATA (JH_ERR_NOMEM when im->nomem is set).
 */
static bool
data_error(importer *im, size_t row, size_t col, const char *zh,
           const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static bool
data_error(importer *im, size_t row, size_t col, const char *zh,
           const char *fmt, ...)
{
    jh_error e;
    va_list ap;
    jh_status st;

    jh_error_clear(&e);
    jh_table_locate(im->t, row, col == NO_COLUMN ? 0 : col, &e);
    if (col == NO_COLUMN) {
        e.column = 0;
        e.cell[0] = '\0';
    }
    va_start(ap, fmt);
    if (im->errors == NULL) {
        /* One error that stops the import: English, with the Chinese
         * text beside it (jh_error.message_zh); the front end prints
         * the one the user reads. */
        jh_diags one = JH_DIAGS_INIT;
        st = jh_diags_vadd2(&one, NULL, 0, 0, NULL, NULL, zh, fmt, ap);
        va_end(ap);
        if (st != JH_OK) {
            im->nomem = true;
            return false;
        }
        /* jh_diags_vadd2 checks that both texts take the same
         * arguments; copy them into the error. */
        snprintf(e.message, sizeof(e.message), "%s", one.items[0].message);
        if (one.items[0].message_zh != NULL)
            snprintf(e.message_zh, sizeof(e.message_zh), "%s",
                     one.items[0].message_zh);
        jh_diags_release(&one);
        if (im->err != NULL)
            *im->err = e;
        return false;
    }
    st = jh_diags_vadd2(im->errors, e.file, e.line, e.column,
                        e.cell[0] != '\0' ? e.cell : NULL, NULL, zh, fmt, ap);
    va_end(ap);
    if (st != JH_OK) {
        im->nomem = true;
        return false;
    }
    return true;
}

/* Add a warning about cell (@p row, @p col); false when out of memory. */
static bool
cell_warning(importer *im, size_t row, size_t col, const char *zh,
             const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static bool
cell_warning(importer *im, size_t row, size_t col, const char *zh,
             const char *fmt, ...)
{
    jh_error e;
    va_list ap;
    jh_status st;

    if (im->warn == NULL)
        return true;
    jh_error_clear(&e);
    jh_table_locate(im->t, row, col, &e);
    va_start(ap, fmt);
    st = jh_diags_vadd2(im->warn, e.file, e.line, e.column,
                        e.cell[0] != '\0' ? e.cell : NULL, NULL, zh, fmt, ap);
    va_end(ap);
    if (st != JH_OK) {
        im->nomem = true;
        return false;
    }
    return true;
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
check_duplicates(importer *im, const jh_county *c, size_t col_code)
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
        if (!data_error(im, v[i]->row, col_code,
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

/*
 * Read the number in cell (@p row, @p col) for field @p f into *out.
 * Plain decimal text is read as is; text numbers are normalised with a
 * warning (see normalize_number()).  Returns false after reporting a bad
 * value through data_error(); *go then says whether reading may go on.
 */
static bool
read_number(importer *im, size_t row, size_t col, const field *f,
            const char *text, double *out, bool *go)
{
    char norm[256];
    int unit = -1;
    double v = 0.0;

    *go = true;
    if (!jh__parse_double(text, &v)) {
        if (!normalize_number(text, norm, sizeof(norm), &unit) ||
            !jh__parse_double(norm, &v)) {
            *go = data_error(im, row, col, "%s：“%s”不是数字",
                             "%s: '%s' is not a number",
                             f->header, text);
            return false;
        }
        if (unit >= 0) {
            unit_kind want = field_unit(f), got = cell_units[unit].kind;
            if (!unit_fits(got, want)) {
                *go = data_error(im, row, col,
                                 "%s：“%s”：单位%s与本列不符",
                                 "%s: '%s': the unit %s does not fit this "
                                 "column",
                                 f->header, text, cell_units[unit].text);
                return false;
            }
            if (cell_units[unit].scale != f->multiplier) {
                const char *col_unit = f->unit[0] != '\0' ? f->unit
                                       : got == U_MONEY   ? "元"
                                       : got == U_AREA    ? "平方米"
                                                          : "?";
                *go = data_error(
                    im, row, col,
                    "%s：“%s”的单位是%s，而本列单位是%s：请按本列单位填写",
                    "%s: '%s' is in %s but the column is in %s: write the "
                    "value in the column's unit",
                    f->header, text, cell_units[unit].text, col_unit);
                return false;
            }
            *go = cell_warning(im, row, col,
                               "%s：“%s”按%s读取（单元格中的单位仅作标注，"
                               "以表头单位为准）",
                               "%s: '%s' read as %s (the unit in the cell "
                               "is only a label: the header's unit applies)",
                               f->header, text, norm);
        } else {
            *go = cell_warning(im, row, col, "%s：“%s”按%s读取",
                               "%s: '%s' read as %s",
                               f->header, text, norm);
        }
        if (!*go)
            return false;
    }
    if (v < 0) {
        *go = data_error(im, row, col, "%s：“%s”为负数",
                         "%s: '%s' is negative", f->header,
                         text);
        return false;
    }
    if (v > ((f->kind == F_STUDENTS || f->kind == F_CLASSES)
                 ? JH_MAX_ENROLLMENT
                 : JH_MAX_QUANTITY)) {
        *go = data_error(im, row, col, "%s：“%s”大得不合常理",
                         "%s: '%s' is implausibly large",
                         f->header, text);
        return false;
    }
    if ((f->kind == F_STUDENTS || f->kind == F_CLASSES ||
         f->kind == F_GRADES) &&
        v != floor(v)) {
        *go = data_error(im, row, col, "%s：“%s”不是整数",
                         "%s: '%s' is not a whole number",
                         f->header, text);
        return false;
    }
    *out = v * f->multiplier;
    return true;
}

/* Result of reading one cell into a school. */
typedef enum cell_result { CELL_OK, CELL_BAD, CELL_STOP } cell_result;

/*
 * Read the text of one mapped cell into school @p s.  Returns CELL_BAD
 * after reporting a bad value when reading may go on (collect mode),
 * CELL_STOP when it must stop (or memory ran out: im->nomem).
 */
/* Whole-school counts of a row, given to its level once its type is
 * known (a single-level school only). */
typedef struct row_wholes {
    double classes, grades;
    size_t grades_col;
} row_wholes;

/* Most grades a level has: 6 primary (5 under the 五四 system), 4 junior
 * (3 under 六三), 3 senior. */
static const double max_grades[3] = {6, 4, 3};

static cell_result
read_cell(importer *im, size_t row, size_t col, const field *f, char *text,
          jh_school *s, row_wholes *wholes, bool *type_ok)
{
    double v = 0.0;
    bool go = true;

    if (jh_school_is_error_value(text))
        return data_error(im, row, col,
                          "%s：单元格是表格错误值%s（公式计算失败）：请填写数值本身",
                          "%s: the cell holds the spreadsheet error %s (a "
                          "formula failed): enter the value itself",
                          f->header, text)
                   ? CELL_BAD
                   : CELL_STOP;
    if ((f->kind == F_CODE || f->kind == F_NAME || f->kind == F_COUNTY ||
         f->kind == F_PARENT) &&
        utf8_chars(text) > JH_MAX_NAME_CHARS)
        return data_error(im, row, col,
                          "%s有%zu个字符：表格单元格最多容纳%d个字符",
                          "%s is %zu characters long: a workbook cell holds "
                          "at most %d (Excel's limit)",
                          f->header, utf8_chars(text), JH_MAX_NAME_CHARS)
                   ? CELL_BAD
                   : CELL_STOP;
    switch (f->kind) {
    case F_CODE:
    case F_NAME:
        if (text[0] == '\0')
            return (f->kind == F_CODE
                        ? data_error(im, row, col, "缺少学校代码",
                                     "missing school code")
                        : data_error(im, row, col, "缺少学校名称",
                                     "missing school name"))
                       ? CELL_BAD
                       : CELL_STOP;
        if (f->kind == F_CODE) {
            free(s->code);
            s->code = jh__strdup(text);
        } else {
            free(s->name);
            s->name = jh__strdup(text);
        }
        if ((f->kind == F_CODE ? s->code : s->name) == NULL) {
            im->nomem = true;
            return CELL_STOP;
        }
        return CELL_OK;
    case F_TYPE:
        if (text[0] == '\0')
            return data_error(im, row, col,
                              "缺少学校类型（应为小学、初中、九年一贯制学校、"
                              "完全中学、十二年一贯制学校、教学点、"
                              "特殊教育学校或职业学校）",
                              "missing school type (expected 小学, 初中, "
                              "九年一贯制学校, 完全中学, 十二年一贯制学校, "
                              "教学点, 特殊教育学校 or 职业学校)")
                       ? CELL_BAD
                       : CELL_STOP;
        if (!parse_type(text, &s->type))
            return data_error(im, row, col,
                              "未知的学校类型“%s”（应为小学、初中、"
                              "九年一贯制学校、完全中学、十二年一贯制学校、"
                              "教学点、特殊教育学校或职业学校）",
                              "unknown school type '%s' (expected 小学, "
                              "初中, 九年一贯制学校, 完全中学, "
                              "十二年一贯制学校, 教学点, 特殊教育学校 or "
                              "职业学校)",
                              text)
                       ? CELL_BAD
                       : CELL_STOP;
        *type_ok = true;
        return CELL_OK;
    case F_COUNTY:
    case F_PARENT:
        if (text[0] != '\0') {
            char **dst = f->kind == F_COUNTY ? &s->county : &s->parent_code;
            free(*dst);
            *dst = jh__strdup(text);
            if (*dst == NULL) {
                im->nomem = true;
                return CELL_STOP;
            }
        }
        return CELL_OK;
    case F_LOCALITY:
        if (text[0] != '\0' && !parse_locality(text, &s->locality))
            return data_error(im, row, col,
                              "未知的城乡类型“%s”（应为城区、镇区或乡村）",
                              "unknown locality '%s' (expected 城区, 镇区 "
                              "or 乡村)",
                              text)
                       ? CELL_BAD
                       : CELL_STOP;
        return CELL_OK;
    case F_OWNERSHIP:
        if (text[0] != '\0' && !parse_ownership(text, &s->ownership))
            return data_error(im, row, col,
                              "未知的举办者类型“%s”（应为公办或民办）",
                              "unknown ownership '%s' (expected 公办 or "
                              "民办)",
                              text)
                       ? CELL_BAD
                       : CELL_STOP;
        return CELL_OK;
    case F_INCLUDE:
        if (text[0] != '\0' && !parse_yes_no(text, &s->include))
            return data_error(im, row, col, "“%s”（%s）应为是或否",
                              "'%s' in %s is neither 是 nor 否",
                              text, f->header)
                       ? CELL_BAD
                       : CELL_STOP;
        return CELL_OK;
    case F_PRE2016:
    case F_SIZE_RELAX: {
        bool yes = false;
        if (text[0] == '\0')
            return CELL_OK; /* blank: not claimed */
        if (!parse_yes_no(text, &yes))
            return data_error(im, row, col, "“%s”（%s）应为是或否",
                              "'%s' in %s is neither 是 nor 否",
                              text, f->header)
                       ? CELL_BAD
                       : CELL_STOP;
        *(f->kind == F_PRE2016 ? &s->rooms_pre2016
                               : &s->size_relaxation_eligible) =
            yes ? JH_FLAG_YES : JH_FLAG_NO;
        return CELL_OK;
    }
    case F_STUDENTS:
    case F_CLASSES:
    case F_GRADES:
    case F_WHOLE:
    case F_SECTION:
        if (text[0] == '\0')
            return CELL_OK; /* blank stays NAN: blank is not zero */
        if (!read_number(im, row, col, f, text, &v, &go))
            return go ? CELL_BAD : CELL_STOP;
        if (f->kind == F_GRADES) {
            /* A whole-school count is checked against its level once the
             * school's type is known (read_row). */
            double most = max_grades[f->arg >= 0 ? f->arg : 0];
            if (v < 1 || v > most)
                return data_error(im, row, col, "%s：“%s”不在1至%.0f之间",
                                  "%s: '%s' is not between 1 and %.0f",
                                  f->header, text, most)
                           ? CELL_BAD
                           : CELL_STOP;
        }
        if (f->kind == F_STUDENTS)
            s->students[f->arg] = v;
        else if (f->kind == F_CLASSES && f->arg >= 0)
            s->classes[f->arg] = v;
        else if (f->kind == F_CLASSES)
            wholes->classes = v;
        else if (f->kind == F_GRADES && f->arg >= 0)
            s->grades[f->arg] = v;
        else if (f->kind == F_GRADES) {
            wholes->grades = v;
            wholes->grades_col = col;
        }
        else if (f->kind == F_WHOLE)
            s->whole[f->arg] = v;
        else
            s->section[f->arg][f->arg2] = v;
        return CELL_OK;
    case F_NONE:
        break;
    }
    return CELL_OK;
}

/*
 * The unit of a mapped numeric header: one of cell_units that fits the
 * column, whose factor becomes the column's multiplier.  An unknown unit
 * or one of another kind (万元 on an area) is an error naming the header
 * cell; the column is then left out (collecting).  1 亩 is converted with
 * a warning.  Returns false when reading must stop.
 */
static bool
header_unit(importer *im, size_t row, size_t col, field *f)
{
    int u;
    unit_kind want;

    f->multiplier = 1.0;
    if (f->unit[0] == '\0' || f->kind == F_GRADES ||
        (f->kind != F_STUDENTS && f->kind != F_CLASSES && f->kind != F_WHOLE &&
         f->kind != F_SECTION))
        return true;
    u = find_unit(f->unit);
    want = field_unit(f);
    if (u < 0 || !unit_fits(cell_units[u].kind, want)) {
        bool go = data_error(
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
    f->multiplier = cell_units[u].scale;
    if (cell_units[u].kind == U_AREA && f->multiplier != 1.0)
        return cell_warning(im, row, col,
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
set_equipment_unit(jh_county *c, const field *f)
{
    c->equipment_in_wan = f->multiplier == 1e4;
    c->equipment_scale = f->multiplier;
}

/*
 * Map the header of @p nh rows at @p hr into @p fields (@p ncols of them)
 * and c->columns.  A column that means the same as an earlier one is an
 * error (ignored when collecting).  Returns JH_OK, JH_ERR_DATA or
 * JH_ERR_NOMEM.
 */
/* The column key of a mapped field, as near_all() names columns ("" for
 * class and grade counts, which suggestions leave alone). */
static const char *
field_key(const field *f)
{
    static const char *const students_key[3] = {
        "students_primary", "students_junior", "students_senior"};

    switch (f->kind) {
    case F_STUDENTS:
        return students_key[f->arg];
    case F_WHOLE:
    case F_SECTION:
        return jh__quantity_names[f->arg].key;
    case F_CLASSES:
    case F_GRADES:
    case F_NONE:
        return "";
    default:
        for (size_t i = 0;
             i < sizeof(simple_fields) / sizeof(simple_fields[0]); i++) {
            if (simple_fields[i].kind == f->kind)
                return simple_fields[i].key;
        }
        return "";
    }
}

/*
 * Keep header cell @p header (column @p col) that names no known column
 * in c->unknown_headers; false when out of memory.
 */
static bool
keep_unknown(jh_county *c, const char *header)
{
    char canon[256], **v;

    header_canon(header, canon, sizeof(canon));
    jh__trim(canon);
    if (canon[0] == '\0')
        return true;
    v = realloc(c->unknown_headers,
                (c->nunknown_headers + 1) * sizeof(*v));
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
static bool
unknown_header_warnings(importer *im, const jh_county *c, size_t hrow,
                        const field *fields, size_t ncols)
{
    for (size_t j = 0; j < ncols; j++) {
        nearest nr;
        bool mapped = false;
        char canon[256];

        if (fields[j].kind != F_NONE || fields[j].header[0] == '\0')
            continue;
        near_init(&nr, NULL, fields[j].header);
        if (nr.ncp == 0)
            continue;
        near_all(&nr);
        if (nr.shown == NULL)
            continue;
        for (size_t k = 0; k < ncols && !mapped; k++)
            mapped = strcmp(field_key(&fields[k]), nr.key) == 0;
        if (mapped)
            continue;
        header_canon(fields[j].header, canon, sizeof(canon));
        if (!cell_warning(im, hrow, j,
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

static jh_status
map_columns(importer *im, jh_county *c, size_t hr, size_t nh, field *fields,
            size_t ncols)
{
    const jh_table *t = im->t;
    span_state span = {"", false};

    column_map_init(&c->columns);
    for (size_t j = 0; j < ncols; j++) {
        field *f = &fields[j];

        identify_column(t, hr, nh, j, &span, f);
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
                if (!data_error(im, hr + nh - 1, j,
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
 * Read data row @p i into a new school at the end of c->schools.  Returns
 * JH_OK (also when the row was skipped or, collecting, left out for bad
 * data), JH_ERR_DATA or JH_ERR_NOMEM.
 */
static jh_status
read_row(importer *im, jh_county *c, size_t i, const field *fields,
         size_t ncols)
{
    const jh_table *t = im->t;
    const jh_table_row *row = &t->rows[i];
    jh_school *s = &c->schools[c->nschools];
    row_wholes wholes = {NAN, NAN, 0};
    bool type_ok = false, row_ok = true;
    char code[256], name[256], cell[256];

    if (row_is_blank(row))
        return JH_OK;
    for (size_t j = ncols; j < row->ncells; j++) {
        if (!jh__is_blank(row->cells[j])) {
            if (!data_error(im, i, j, "该行有%zu个字段，而表头只有%zu列",
                            "row has %zu fields but the header has %zu",
                            row->ncells, ncols))
                return im->nomem ? JH_ERR_NOMEM : JH_ERR_DATA;
            break;
        }
    }
    if (t->sheet == NULL && row->ncells < ncols) {
        if (!data_error(im, i, NO_COLUMN,
                        "该行只有%zu个字段，而表头有%zu列",
                        "short row: %zu fields where the header has %zu",
                        row->ncells, ncols))
            return im->nomem ? JH_ERR_NOMEM : JH_ERR_DATA;
    }
    cell_text(t, i, (size_t)c->columns.name, name, sizeof(name));
    cell_text(t, i, (size_t)c->columns.code, code, sizeof(code));
    if (is_total_row(code) || is_total_row(name)) {
        bool by_code = is_total_row(code);
        if (!cell_warning(im, i,
                          (size_t)(by_code ? c->columns.code : c->columns.name),
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
        if (!cell_warning(im, i, (size_t)c->columns.name,
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

    school_init(s);
    s->row = i;
    s->line = row->line;
    for (size_t j = 0; j < ncols && j < row->ncells; j++) {
        char *text;
        cell_result r;

        if (fields[j].kind == F_NONE)
            continue;
        /* Most cells are short: a trimmed copy on the stack, not the
         * heap. */
        {
            size_t len;
            const char *start = jh__trim_span(row->cells[j], &len);
            text = len < sizeof(cell) ? cell : malloc(len + 1);
            if (text == NULL) {
                school_release(s);
                return JH_ERR_NOMEM;
            }
            memcpy(text, start, len);
            text[len] = '\0';
        }
        r = read_cell(im, i, j, &fields[j], text, s, &wholes,
                      &type_ok);
        if (text != cell)
            free(text);
        if (r == CELL_STOP) {
            school_release(s);
            return im->nomem ? JH_ERR_NOMEM : JH_ERR_DATA;
        }
        if (r == CELL_BAD && (fields[j].kind == F_CODE ||
                              fields[j].kind == F_NAME ||
                              fields[j].kind == F_TYPE))
            row_ok = false;
    }
    /* A whole-school class or grade count belongs to a single-level
     * school. */
    if (!isnan(wholes.classes)) {
        if (s->type == JH_TYPE_PRIMARY || s->type == JH_TYPE_TEACHING_POINT)
            s->classes[JH_LEVEL_PRIMARY] = wholes.classes;
        else if (s->type == JH_TYPE_JUNIOR)
            s->classes[JH_LEVEL_JUNIOR] = wholes.classes;
    }
    if (!isnan(wholes.grades)) {
        if (s->type == JH_TYPE_PRIMARY || s->type == JH_TYPE_TEACHING_POINT)
            s->grades[JH_LEVEL_PRIMARY] = wholes.grades;
        else if (s->type == JH_TYPE_JUNIOR &&
                 wholes.grades <= max_grades[JH_LEVEL_JUNIOR])
            s->grades[JH_LEVEL_JUNIOR] = wholes.grades;
        else if (s->type == JH_TYPE_JUNIOR) {
            char text[32];
            snprintf(text, sizeof(text), "%.0f", wholes.grades);
            row_ok = false;
            if (!data_error(im, i, wholes.grades_col,
                            "%s：初中学校“%s”个年级，应在1至4之间",
                            "%s: a junior school with %s grades: expected 1 "
                            "to 4",
                            fields[wholes.grades_col].header, text)) {
                school_release(s);
                return im->nomem ? JH_ERR_NOMEM : JH_ERR_DATA;
            }
        }
    }
    if (row_ok && (s->code == NULL || s->name == NULL)) {
        /* The cell is missing from a short sheet row. */
        bool no_code = s->code == NULL;
        row_ok = false;
        size_t col = (size_t)(no_code ? c->columns.code : c->columns.name);
        if (!(no_code ? data_error(im, i, col, "缺少学校代码",
                                   "missing school code")
                      : data_error(im, i, col, "缺少学校名称",
                                   "missing school name"))) {
            school_release(s);
            return im->nomem ? JH_ERR_NOMEM : JH_ERR_DATA;
        }
    }
    if (row_ok && !type_ok) {
        row_ok = false;
        if (!data_error(im, i, (size_t)c->columns.type, "缺少学校类型",
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

struct jh_import_header {
    size_t ncols;
    field *fields; /* ncols + 1 */
    jh_column_map columns;
    bool equipment_in_wan;
    double equipment_scale;
};

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
    importer im = {t, NULL, NULL, err, false, 0, 0, 0};
    jh_import_header *h;
    jh_county c;
    size_t nh = header_rows == 2 ? 2 : 1;
    jh_status st;

    *out = NULL;
    if (header_row >= t->nrows)
        return jh_error_set(err, JH_ERR_DATA, t->source, 0, 0,
                            "no header row: the file is empty");
    if (header_row + nh > t->nrows)
        nh = 1;
    h = calloc(1, sizeof(*h));
    if (h == NULL)
        return jh_error_set(err, JH_ERR_NOMEM, NULL, 0, 0, "out of memory");
    h->ncols = header_width(t, header_row, nh);
    h->fields = calloc(h->ncols + 1, sizeof(*h->fields));
    if (h->fields == NULL) {
        jh_import_header_free(h);
        return jh_error_set(err, JH_ERR_NOMEM, NULL, 0, 0, "out of memory");
    }
    memset(&c, 0, sizeof(c));
    st = map_columns(&im, &c, header_row, nh, h->fields, h->ncols);
    for (size_t i = 0; i < c.nunknown_headers; i++)
        free(c.unknown_headers[i]);
    free(c.unknown_headers);
    if (st != JH_OK) {
        jh_import_header_free(h);
        return st == JH_ERR_NOMEM ? jh_error_set(err, st, NULL, 0, 0,
                                                 "out of memory")
                                  : st;
    }
    h->columns = c.columns;
    h->equipment_in_wan = c.equipment_in_wan;
    h->equipment_scale = c.equipment_scale;
    *out = h;
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
magnitude_warnings(importer *im, const jh_county *c, const jh_school *s)
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
        if (!cell_warning(im, s->row, (size_t)col,
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
    } required[] = {{"code", "学校代码"}, {"name", "学校名称"},
                    {"type", "学校类型"}};
    size_t which = c->columns.code < 0 ? 0 : c->columns.name < 0 ? 1 : 2;
    const char *found = NULL, *known = NULL;
    const jh_table_row *row = &t->rows[hr + nh - 1];
    char cells[400] = "", hint_zh[300] = "", hint_en[300] = "";
    size_t n = 0, shown = 0;

    /* The header row as found: its non-blank cells, " | " between. */
    for (size_t j = 0; j < row->ncells; j++) {
        char canon[256];
        int w;
        header_canon(row->cells[j], canon, sizeof(canon));
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
        snprintf(hint_zh, sizeof(hint_zh), "找到「%s」，是否指「%s」？",
                 found, known);
        snprintf(hint_en, sizeof(hint_en), " found '%s', did you mean '%s'?",
                 found, known);
    }
    jh_error_set(err, JH_ERR_DATA, t->source, row->line, 0,
                 "required column %s (%s) is missing from the header%s "
                 "(line %ld: %s);%s 'junheng template' writes a workbook "
                 "with every column",
                 required[which].zh, required[which].key,
                 searched ? " (no row among the first 20 names 学校代码, "
                            "学校名称 and 学校类型)"
                          : "",
                 row->line, cells, hint_en);
    jh_error_set_zh(err,
                    "缺少必需的列「%s」%s（第%ld行表头：%s）。%s"
                    "可用 junheng template 生成含全部列的模板",
                    required[which].zh,
                    searched ? "（前20行中没有一行同时写有学校代码、学校名称"
                               "和学校类型）"
                             : "",
                    row->line, cells, hint_zh);
}

jh_status
jh_county_from_table(jh_county **out, const jh_table *t,
                     const jh_import_options *opts, jh_diags *warn,
                     jh_error *err)
{
    jh_import_options defaults = {0};
    importer im = {t, warn, NULL, err, false, 0, 0, 0};
    jh_county *c = NULL;
    field *fields = NULL;
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
        (void)find_header(t, &hr, &nh);
    if (hr >= t->nrows) {
        jh_error_set(err, JH_ERR_DATA, t->source, 0, 0,
                     "no header row: the file is empty");
        jh_error_set_zh(err, "没有表头行：文件是空的");
        return JH_ERR_DATA;
    }
    if (hr + nh > t->nrows)
        nh = 1;
    ncols = opts->header != NULL ? opts->header->ncols
                                 : header_width(t, hr, nh);
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
        st = map_columns(&im, c, hr, nh, fields, ncols);
        if (st != JH_OK)
            goto fail;
    }
    if (c->columns.code < 0 || c->columns.name < 0 || c->columns.type < 0) {
        missing_column_error(t, c, hr, nh, opts->find_header, err);
        st = JH_ERR_DATA;
        goto fail;
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
        st = jh_error_set(err, JH_ERR_DATA, t->source,
                          t->rows[hr + nh - 1].line, 0,
                          "no enrollment column: the header needs "
                          "小学在校生数 (students_primary) or 初中在校生数 "
                          "(students_junior)%s",
                          hint_en);
        jh_error_set_zh(err,
                        "缺少在校生数列：表头须有小学在校生数或初中在校生数"
                        "%s",
                        hint_zh);
        goto fail;
    }

    /* After the header checks: a missing required column already names
     * its nearest header. */
    if (opts->header == NULL &&
        !unknown_header_warnings(&im, c, hr + nh - 1, fields, ncols))
        goto nomem;
    c->schools = calloc(t->nrows - hr, sizeof(*c->schools));
    if (c->schools == NULL && t->nrows > hr + 1)
        goto nomem;
    for (size_t i = hr + nh; i < t->nrows; i++) {
        st = read_row(&im, c, i, fields, ncols);
        if (st == JH_ERR_NOMEM)
            goto nomem;
        if (st != JH_OK)
            goto fail;
        if (c->nschools > JH_MAX_SCHOOLS) {
            /* Stop here, even when collecting errors: the rest would
             * only cost time and memory. */
            jh_error e;
            jh_error_clear(&e);
            jh_table_locate(t, i, 0, &e);
            e.column = 0;
            e.cell[0] = '\0';
            snprintf(e.message, sizeof(e.message),
                     "more than %d schools in one county: a county has a "
                     "few hundred; if the file holds several counties, give "
                     "it a 县区 column and use 'junheng batch'",
                     JH_MAX_SCHOOLS);
            if (err != NULL)
                *err = e;
            st = JH_ERR_DATA;
            goto fail;
        }
    }
    if (c->nschools == 0 && im.examples > 0) {
        st = jh_error_set(err, JH_ERR_DATA, t->source, im.first_example, 0,
                          "the file holds only the template's example rows "
                          "(%zu rows, lines %ld to %ld, marked 示例), which "
                          "are never counted: enter your county's schools "
                          "in their place",
                          im.examples, im.first_example, im.last_example);
        jh_error_set_zh(err,
                        "文件中只有模板的示例行（%zu行，第%ld至%ld行，标有"
                        "“示例”），示例行从不计入：请在原处填写本县的学校",
                        im.examples, im.first_example, im.last_example);
        goto fail;
    }
    if (c->nschools == 0 &&
        (im.errors == NULL || im.errors->count == nerrors)) {
        st = jh_error_set(err, JH_ERR_DATA, t->source, 0, 0,
                          "no schools: the table has a header but no data "
                          "rows");
        jh_error_set_zh(err, "没有学校：表格只有表头，没有数据行");
        goto fail;
    }
    st = check_duplicates(&im, c, (size_t)c->columns.code);
    if (st == JH_ERR_NOMEM)
        goto nomem;
    if (st != JH_OK)
        goto fail;
    for (size_t i = 0; i < c->nschools; i++) {
        if (c->schools[i].county != NULL) {
            c->name = jh__strdup(c->schools[i].county);
            if (c->name == NULL)
                goto nomem;
            break;
        }
    }
    if (c->name != NULL && is_example_county(c->name) &&
        jh_diags_add2(warn, t->source, c->schools[0].line, 0, NULL, NULL,
                      "县区仍是模板示例中的“%s”：请填写本县名称",
                      "the county is still the template's '%s': write your "
                      "county's name in the 县区 column",
                      c->name) != JH_OK)
        goto nomem;
    for (size_t i = 0; i < c->nschools; i++) {
        if (!magnitude_warnings(&im, c, &c->schools[i]))
            goto nomem;
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
