/* junheng - the one header matcher: the one table of column names (simple
 * columns here, types, levels and quantities in src/model/school_names.h),
 * header cells to fields, nearest names for suggestions, and finding the
 * header rows of a table. */
#include "junheng/header.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "header.h"
#include "school_names.h"
#include "util.h"

/*
 * The ONE table of the names of the simple columns: the importer maps
 * headers with it, `junheng batch` finds its county, code and name columns
 * with it (jh_school_header_key()).  Names are compared in their canonical
 * form (jh__header_canon(): no line breaks or spaces, ASCII parentheses), so
 * "学校（机构）标识码" here also matches "学校(机构)\n标识码".  The first
 * Chinese name is the one messages suggest.
 */
static const struct {
    const char *key;
    jh__field_kind kind;
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
void
jh__header_canon(const char *in, char *out, size_t size)
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
 * "教学仪器设备值" and "万元"), both in canonical form (jh__header_canon()).
 * The unit is a group in parentheses or brackets (ASCII or full-width)
 * that ENDS the header; a group inside the name is part of it
 * ("学校（机构）标识码").  Writes both NUL-terminated.
 */
void
jh__split_unit(const char *header, char *name, size_t nsize, char *unit,
               size_t usize)
{
    char canon[512];
    size_t len, cut;

    jh__header_canon(header, canon, sizeof(canon));
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
void
jh__normalize_key(char *s)
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
    jh__header_canon(b, cb, sizeof(cb));
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

/* A simple column (code, name, type, ...): by its key or a name in
 * simple_fields. */
static bool
identify_simple(const char *name, const char *key, jh__field *f)
{
    for (size_t i = 0; i < sizeof(simple_fields) / sizeof(simple_fields[0]);
         i++) {
        if (strcmp(key, simple_fields[i].key) == 0 ||
            names_match(name, NULL, simple_fields[i].zh)) {
            f->kind = simple_fields[i].kind;
            return true;
        }
    }
    return false;
}

/* Enrollment, class and grade counts, per level or of the whole school. */
static bool
identify_count(const char *name, const char *key, jh__field *f)
{
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
            return true;
        }
        snprintf(k, sizeof(k), "classes_%s", jh__level_keys[l]);
        snprintf(z1, sizeof(z1), "%s班级数", jh__level_zh[l]);
        if (strcmp(key, k) == 0 || strcmp(name, z1) == 0) {
            f->kind = F_CLASSES;
            f->arg = l;
            return true;
        }
        snprintf(k, sizeof(k), "grades_%s", jh__level_keys[l]);
        snprintf(z1, sizeof(z1), "%s年级数", jh__level_zh[l]);
        if (strcmp(key, k) == 0 || strcmp(name, z1) == 0) {
            f->kind = F_GRADES;
            f->arg = l;
            return true;
        }
    }
    if (strcmp(key, "classes") == 0 || strcmp(name, "班级数") == 0) {
        f->kind = F_CLASSES;
        f->arg = -1;
        return true;
    }
    if (strcmp(key, "grades") == 0 || strcmp(name, "年级数") == 0) {
        f->kind = F_GRADES;
        f->arg = -1;
        return true;
    }
    return false;
}

/* A quantity, of the whole school or of one section. */
static bool
identify_quantity(const char *name, const char *key, jh__field *f)
{
    for (int q = 0; q < JH_Q_COUNT; q++) {
        if (strcmp(key, jh__quantity_names[q].key) == 0 ||
            names_match(name, jh__quantity_names[q].zh,
                        jh__quantity_names[q].aliases)) {
            f->kind = F_WHOLE;
            f->arg = q;
            return true;
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
                return true;
            }
            /* "小学高于规定学历教师数" */
            if (strncmp(name, jh__level_zh[l], strlen(jh__level_zh[l])) == 0) {
                const char *rest = name + strlen(jh__level_zh[l]);
                if (names_match(rest, jh__quantity_names[q].zh,
                                jh__quantity_names[q].aliases)) {
                    f->kind = F_SECTION;
                    f->arg = q;
                    f->arg2 = l;
                    return true;
                }
            }
            snprintf(z, sizeof(z), "%s%s", jh__level_zh[l],
                     jh__quantity_names[q].zh);
            if (strcmp(name, z) == 0) {
                f->kind = F_SECTION;
                f->arg = q;
                f->arg2 = l;
                return true;
            }
        }
    }
    return false;
}

/* Identify one header; f->kind stays F_NONE for unknown columns. */
void
jh__identify(const char *header, jh__field *f)
{
    char name[256], unit[64], key[256];

    memset(f, 0, sizeof(*f));
    f->multiplier = 1.0;
    snprintf(f->header, sizeof(f->header), "%s", header);
    jh__split_unit(header, name, sizeof(name), unit, sizeof(unit));
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
    jh__normalize_key(key);
    snprintf(f->unit, sizeof(f->unit), "%s", unit);

    if (!identify_simple(name, key, f) && !identify_count(name, key, f))
        (void)identify_quantity(name, key, f);
}

const char *
jh_school_header_key(const char *header)
{
    jh__field f;

    jh__identify(header, &f);
    for (size_t i = 0; i < sizeof(simple_fields) / sizeof(simple_fields[0]);
         i++) {
        if (f.kind == simple_fields[i].kind)
            return simple_fields[i].key;
    }
    return NULL;
}

/* ---- nearest names ---------------------------------------------------- */

/* Decode UTF-8 @p s into at most JH_NEAR_MAX code points; returns how many.
 * Invalid bytes count as one code point each. */
static size_t
utf8_points(const char *s, uint32_t *cp)
{
    size_t n = 0;
    const unsigned char *p = (const unsigned char *)s;

    while (*p != '\0' && n < JH_NEAR_MAX) {
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
    size_t prev[JH_NEAR_MAX + 1], cur[JH_NEAR_MAX + 1];

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

/* Weigh one known name @p name of column @p key, shown as @p shown. */
static void
near_try(jh__nearest *nr, const char *key, const char *shown, const char *name)
{
    uint32_t cp[JH_NEAR_MAX];
    char canon[256];
    size_t n, d, shorter;

    if (nr->want != NULL && strcmp(nr->want, key) != 0)
        return;
    jh__header_canon(name, canon, sizeof(canon));
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

/* Try every name the importer knows (see jh__identify()) on @p nr. */
void
jh__near_all(jh__nearest *nr)
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
    static const char *const words[] = {"合计", "小计", "总计",   "全校",
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
 * "小学在校生数(人)").  The result goes through jh__identify() like any header.
 */
static void
join_header(const char *first, const char *second, char *out, size_t size)
{
    char n1[256], u1[64], n2[256], u2[64];
    const char *unit;

    jh__split_unit(first, n1, sizeof(n1), u1, sizeof(u1));
    jh__split_unit(second, n2, sizeof(n2), u2, sizeof(u2));
    jh__trim(n1);
    jh__trim(n2);
    unit = u1[0] != '\0' ? u1 : u2;
    if (unit[0] != '\0')
        snprintf(out, size, "%s%s(%s)", n1, n2, unit);
    else
        snprintf(out, size, "%s%s", n1, n2);
}

/* Copy the trimmed text of a cell into @p buf. */
void
jh__cell_text(const jh_table *t, size_t row, size_t col, char *buf, size_t size)
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
void
jh__identify_column(const jh_table *t, size_t row, size_t nrows, size_t col,
                    jh__span_state *span, jh__field *f)
{
    char top[256], bottom[256], joined[600];

    jh__cell_text(t, row, col, top, sizeof(top));
    if (nrows < 2) {
        jh__identify(top, f);
        return;
    }
    jh__cell_text(t, row + 1, col, bottom, sizeof(bottom));
    if (top[0] != '\0')
        snprintf(span->label, sizeof(span->label), "%s", top);
    else if (bottom[0] == '\0' || !span->sub)
        span->label[0] = '\0';
    span->sub = bottom[0] != '\0';
    if (bottom[0] == '\0') {
        jh__identify(top, f);
        return;
    }
    jh__identify(bottom, f);
    if (f->kind != F_NONE || span->label[0] == '\0')
        return;
    if (is_total_word(bottom)) {
        jh__identify(span->label, f);
        return;
    }
    join_header(bottom, span->label, joined, sizeof(joined));
    jh__identify(joined, f);
    if (f->kind != F_NONE)
        return;
    join_header(span->label, bottom, joined, sizeof(joined));
    jh__identify(joined, f);
}

/* Number of columns of a header of @p nrows rows at @p row. */
size_t
jh__header_width(const jh_table *t, size_t row, size_t nrows)
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
    size_t mapped;  /* columns identified */
    int required;   /* how many of code, name, type were found */
    bool duplicate; /* two columns mean the same */
} header_score;

/* Slots per field kind: arg runs from -1 (classes of the whole school) to
 * JH_Q_COUNT - 1 and arg2 from 0 to 3. */
#define FIELD_SLOTS ((size_t)(JH_Q_COUNT + 1) * 4u)

/* A small number for each distinct meaning of a column. */
static size_t
field_slot(const jh__field *f)
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
    jh__span_state span = {"", false};
    size_t ncols = jh__header_width(t, row, nrows);
    jh__field f;

    for (size_t j = 0; j < ncols; j++) {
        jh__identify_column(t, row, nrows, j, &span, &f);
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
bool
jh__find_header(const jh_table *t, size_t *row, size_t *nrows)
{
    size_t limit =
        t->nrows < JH_HEADER_SCAN_ROWS ? t->nrows : JH_HEADER_SCAN_ROWS;
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

    if (!jh__find_header(t, &r, &n))
        return JH_ERR_NOTFOUND;
    *row = r;
    *nrows = n;
    return JH_OK;
}

/* Set @p nr to look for names near the header @p header (its name, the
 * unit left out). */
void
jh__near_init(jh__nearest *nr, const char *want, const char *header)
{
    char name[256], unit[64];

    memset(nr, 0, sizeof(*nr));
    nr->want = want;
    nr->best = SIZE_MAX;
    jh__split_unit(header, name, sizeof(name), unit, sizeof(unit));
    nr->ncp = utf8_points(name, nr->cp);
}

bool
jh_county_suggest(const jh_county *c, const char *key, const char **found,
                  const char **known)
{
    size_t best = SIZE_MAX;

    *found = *known = NULL;
    for (size_t i = 0; c != NULL && i < c->nunknown_headers; i++) {
        jh__nearest nr;
        jh__near_init(&nr, key, c->unknown_headers[i]);
        if (nr.ncp == 0)
            continue;
        jh__near_all(&nr);
        if (nr.shown != NULL && nr.best < best) {
            best = nr.best;
            *found = c->unknown_headers[i];
            *known = nr.shown;
        }
    }
    return *found != NULL;
}

/* The column key of a mapped field, as jh__near_all() names columns ("" for
 * class and grade counts, which suggestions leave alone). */
const char *
jh__field_key(const jh__field *f)
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
        for (size_t i = 0; i < sizeof(simple_fields) / sizeof(simple_fields[0]);
             i++) {
            if (simple_fields[i].kind == f->kind)
                return simple_fields[i].key;
        }
        return "";
    }
}
