/* junheng - the one number and cell parser of the importer: the words of
 * the choice columns and numbers written as text (full-width digits,
 * thousands separators, a unit after the number). */
#include "junheng/cell.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cell.h"
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

/* ---- values ----------------------------------------------------------- */

bool
jh__parse_type(const char *text, jh_school_type *out)
{
    char key[64];
    size_t len = strlen(text);

    if (len >= sizeof(key))
        len = sizeof(key) - 1;
    memcpy(key, text, len);
    key[len] = '\0';
    jh__normalize_key(key);
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

bool
jh__parse_locality(const char *text, jh_locality *out)
{
    static const struct {
        const char *text;
        jh_locality loc;
    } names[] = {
        /* The Chinese names first: what nearly every file has. */
        {"城区", JH_LOCALITY_URBAN}, {"镇区", JH_LOCALITY_TOWN},
        {"乡村", JH_LOCALITY_RURAL}, {"城市", JH_LOCALITY_URBAN},
        {"县镇", JH_LOCALITY_TOWN},  {"镇", JH_LOCALITY_TOWN},
        {"农村", JH_LOCALITY_RURAL}, {"urban", JH_LOCALITY_URBAN},
        {"town", JH_LOCALITY_TOWN},  {"rural", JH_LOCALITY_RURAL},
    };
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        if (strcasecmp(text, names[i].text) == 0) {
            *out = names[i].loc;
            return true;
        }
    }
    return false;
}

bool
jh__parse_ownership(const char *text, jh_ownership *out)
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

bool
jh__parse_yes_no(const char *text, bool *out)
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

/* Code points in the UTF-8 text @p s. */
size_t
jh__utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s != '\0'; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* ---- numbers written as text ------------------------------------------ */

/*
 * The units junheng converts, in a header ("体育运动场馆面积(亩)") or after
 * a number in a cell ("800平方米"), with the factor to the unit junheng
 * counts in (m², 元, persons, rooms, ...).  A header unit not in this table
 * is an error naming the header: a value read in an unknown unit would be
 * a silently wrong figure.  1 亩 = 10000/15 m² exactly (the legal
 * definition of the 市亩), so it is converted, with a warning.
 */
const jh__cell_unit jh__cell_units[] = {
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

/* Index of @p text in jh__cell_units (case-insensitive), or -1. */
int
jh__find_unit(const char *text)
{
    for (size_t i = 0; i < sizeof(jh__cell_units) / sizeof(jh__cell_units[0]);
         i++) {
        if (strcasecmp(text, jh__cell_units[i].text) == 0)
            return (int)i;
    }
    return -1;
}

/* Whether a unit of kind @p got may stand in a column counted in @p want
 * (个 counts classes, rooms and books too). */
bool
jh__unit_fits(jh__unit_kind got, jh__unit_kind want)
{
    return got == want ||
           (got == U_UNITS &&
            (want == U_ROOMS || want == U_CLASSES || want == U_BOOKS));
}

/* The kind of unit a column is counted in. */
jh__unit_kind
jh__field_unit(const jh__field *f)
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
char
jh__fullwidth_ascii(const char *text)
{
    const unsigned char *p = (const unsigned char *)text;

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

/* The text of @p text with the full-width forms of jh__fullwidth_ascii(),
 * ideographic and no-break spaces made ASCII (and ％ made '%' when
 * JH__NUM_PERCENT is set), trimmed, into @p buf.  False when it does not
 * fit. */
static bool
ascii_text(const char *text, unsigned flags, char *buf, size_t size)
{
    size_t n = 0;

    for (const unsigned char *p = (const unsigned char *)text; *p != '\0';) {
        char a = jh__fullwidth_ascii((const char *)p);
        if (n + 4 >= size)
            return false;
        if (a != 0) {
            buf[n++] = a;
            p += 3;
        } else if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) {
            buf[n++] = ' '; /* ideographic space */
            p += 3;
        } else if (p[0] == 0xC2 && p[1] == 0xA0) {
            buf[n++] = ' '; /* no-break space */
            p += 2;
        } else if ((flags & JH__NUM_PERCENT) && p[0] == 0xEF && p[1] == 0xBC &&
                   p[2] == 0x85) {
            buf[n++] = '%'; /* ％ */
            p += 3;
        } else {
            buf[n++] = (char)*p++;
        }
    }
    buf[n] = '\0';
    jh__trim(buf);
    return true;
}

/* Cut a trailing @p suffix off @p buf (then trimmed): true when it was
 * there. */
static bool
cut_suffix(char *buf, const char *suffix)
{
    size_t n = strlen(buf), k = strlen(suffix);

    if (n < k || strcmp(buf + n - k, suffix) != 0)
        return false;
    buf[n - k] = '\0';
    jh__trim(buf);
    return true;
}

/* The end of the number at the start of @p buf: digits, signs, points,
 * commas and an exponent. */
static char *
number_end(char *buf)
{
    char *end = buf;

    while (*end != '\0' && strchr("0123456789+-.,", *end) != NULL)
        end++;
    if ((*end == 'e' || *end == 'E') && end > buf) {
        char *q = end + 1;
        if (*q == '+' || *q == '-')
            q++;
        if (*q >= '0' && *q <= '9') {
            while (*q >= '0' && *q <= '9')
                q++;
            end = q;
        }
    }
    return end;
}

/* The text stage of jh__parse_number(): @p buf (of @p size bytes) receives
 * the number in plain ASCII decimal notation; out->percent and out->unit
 * are set. */
static bool
number_text(const char *text, unsigned flags, char *buf, size_t size,
            jh__number *out)
{
    char *end;

    out->unit = -1;
    out->percent = false;
    if (!ascii_text(text, flags, buf, size))
        return false;
    if (flags & JH__NUM_PERCENT)
        out->percent = cut_suffix(buf, "%");
    if ((flags & JH__NUM_YUAN) && !out->percent)
        cut_suffix(buf, "元");
    end = number_end(buf);
    if (end == buf)
        return false;
    if (*end != '\0') {
        char suffix[256];
        if (!(flags & JH__NUM_UNIT))
            return false;
        snprintf(suffix, sizeof(suffix), "%s", end);
        jh__trim(suffix);
        out->unit = jh__find_unit(suffix);
        if (out->unit < 0)
            return false;
        *end = '\0';
        jh__trim(buf);
    }
    if (strchr(buf, ',') != NULL) {
        size_t k = 0;
        if (!(flags & JH__NUM_GROUPS) || !valid_grouping(buf))
            return false;
        for (size_t i = 0; buf[i] != '\0'; i++) {
            if (buf[i] != ',')
                buf[k++] = buf[i];
        }
        buf[k] = '\0';
    }
    return true;
}

/* The digits after the point of the plain number @p s as written, less its
 * exponent, into *decimals; false when @p s is not sign, digits, point,
 * digits, exponent within ±300. */
static bool
count_decimals(const char *s, int *decimals)
{
    const char *p = s;
    bool digits = false;
    int frac = 0;
    long exp = 0;

    if (*p == '+' || *p == '-')
        p++;
    for (; *p >= '0' && *p <= '9'; p++)
        digits = true;
    if (*p == '.') {
        for (p++; *p >= '0' && *p <= '9'; p++) {
            frac++;
            digits = true;
        }
    }
    if (!digits)
        return false;
    if (*p == 'e' || *p == 'E') {
        char *end = NULL;
        p++;
        if (!((*p >= '0' && *p <= '9') ||
              ((*p == '+' || *p == '-') && p[1] >= '0' && p[1] <= '9')))
            return false;
        exp = strtol(p, &end, 10);
        if (exp > 300 || exp < -300)
            return false;
        p = end;
    }
    *decimals = frac - (int)exp;
    return *p == '\0';
}

bool
jh__parse_number(const char *text, unsigned flags, jh__number *out)
{
    char buf[256];
    double v;

    if (!number_text(text, flags, buf, sizeof(buf), out))
        return false;
    out->decimals = 0;
    if ((flags & JH__NUM_DECIMALS) && !count_decimals(buf, &out->decimals))
        return false;
    if (!jh__parse_double(buf, &v))
        return false;
    if (out->percent) {
        v /= 100.0;
        out->decimals += 2;
    }
    out->value = v;
    out->tolerance = 0.5 * pow(10.0, -out->decimals);
    return true;
}

bool
jh__normalize_number(const char *text, char *out, size_t size, int *unit)
{
    char buf[256];
    jh__number n;
    bool ok =
        number_text(text, JH__NUM_UNIT | JH__NUM_GROUPS, buf, sizeof(buf), &n);

    *unit = n.unit;
    if (!ok || strlen(buf) >= size)
        return false;
    memcpy(out, buf, strlen(buf) + 1);
    return true;
}

bool
jh_school_is_error_value(const char *text)
{
    static const char *const errors[] = {
        "#NULL!",    "#DIV/0!",   "#VALUE!", "#REF!",
        "#NAME?",    "#NUM!",     "#N/A",    "#GETTING_DATA",
        "#SPILL!",   "#CALC!",    "#FIELD!", "#BLOCKED!",
        "#UNKNOWN!", "#CONNECT!", "#BUSY!",  "#N/A!"};
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
