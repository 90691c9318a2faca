/* junheng - the school reader's cells: the error and warning helpers that
 * name a cell, and reading one mapped cell into a school. */
#include "junheng/school_reader.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "reader.h"
#include "util.h"

/*
 * Report bad data at (@p row, @p col) of the table (@p col JH_NO_COLUMN for the
 * whole row).  Collecting, the error is appended to im->errors and true is
 * returned: reading goes on.  Otherwise it fills im->err and returns false:
 * the caller stops with JH_ERR_DATA (JH_ERR_NOMEM when im->nomem is set).
 */
bool
jh__data_error(jh__importer *im, size_t row, size_t col, const char *zh,
               const char *fmt, ...)
{
    jh_error e;
    va_list ap;
    jh_status st;

    jh_error_clear(&e);
    jh_table_locate(im->t, row, col == JH_NO_COLUMN ? 0 : col, &e);
    if (col == JH_NO_COLUMN) {
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
bool
jh__cell_warning(jh__importer *im, size_t row, size_t col, const char *zh,
                 const char *fmt, ...)
{
    va_list ap;
    jh_status st;

    if (im->warn == NULL)
        return true;
    va_start(ap, fmt);
    st = jh_table_vdiag(im->warn, im->t, row, col, zh, fmt, ap);
    va_end(ap);
    if (st != JH_OK) {
        im->nomem = true;
        return false;
    }
    return true;
}

/*
 * Read the number in cell (@p row, @p col) for field @p f into *out.
 * Plain decimal text is read as is; text numbers are normalised with a
 * warning (see jh__normalize_number()).  Returns false after reporting a bad
 * value through jh__data_error(); *go then says whether reading may go on.
 */
static bool
read_number(jh__importer *im, size_t row, size_t col, const jh__field *f,
            const char *text, double *out, bool *go)
{
    char norm[256];
    int unit = -1;
    double v = 0.0;

    *go = true;
    if (!jh__parse_double(text, &v)) {
        if (!jh__normalize_number(text, norm, sizeof(norm), &unit) ||
            !jh__parse_double(norm, &v)) {
            *go = jh__data_error(im, row, col, "%s：“%s”不是数字",
                                 "%s: '%s' is not a number", f->header, text);
            return false;
        }
        if (unit >= 0) {
            jh__unit_kind want = jh__field_unit(f),
                          got = jh__cell_units[unit].kind;
            if (!jh__unit_fits(got, want)) {
                *go =
                    jh__data_error(im, row, col, "%s：“%s”：单位%s与本列不符",
                                   "%s: '%s': the unit %s does not fit this "
                                   "column",
                                   f->header, text, jh__cell_units[unit].text);
                return false;
            }
            if (jh__cell_units[unit].scale != f->multiplier) {
                const char *col_unit = f->unit[0] != '\0' ? f->unit
                                       : got == U_MONEY   ? "元"
                                       : got == U_AREA    ? "平方米"
                                                          : "?";
                *go = jh__data_error(
                    im, row, col,
                    "%s：“%s”的单位是%s，而本列单位是%s：请按本列单位填写",
                    "%s: '%s' is in %s but the column is in %s: write the "
                    "value in the column's unit",
                    f->header, text, jh__cell_units[unit].text, col_unit);
                return false;
            }
            *go =
                jh__cell_warning(im, row, col,
                                 "%s：“%s”按%s读取（单元格中的单位仅作标注，"
                                 "以表头单位为准）",
                                 "%s: '%s' read as %s (the unit in the cell "
                                 "is only a label: the header's unit applies)",
                                 f->header, text, norm);
        } else {
            *go =
                jh__cell_warning(im, row, col, "%s：“%s”按%s读取",
                                 "%s: '%s' read as %s", f->header, text, norm);
        }
        if (!*go)
            return false;
    }
    if (v < 0) {
        *go = jh__data_error(im, row, col, "%s：“%s”为负数",
                             "%s: '%s' is negative", f->header, text);
        return false;
    }
    if (v > ((f->kind == F_STUDENTS || f->kind == F_CLASSES)
                 ? JH_MAX_ENROLLMENT
                 : JH_MAX_QUANTITY)) {
        *go = jh__data_error(im, row, col, "%s：“%s”大得不合常理",
                             "%s: '%s' is implausibly large", f->header, text);
        return false;
    }
    if ((f->kind == F_STUDENTS || f->kind == F_CLASSES ||
         f->kind == F_GRADES) &&
        v != floor(v)) {
        *go = jh__data_error(im, row, col, "%s：“%s”不是整数",
                             "%s: '%s' is not a whole number", f->header, text);
        return false;
    }
    *out = v * f->multiplier;
    return true;
}

/* Most grades a level has: 6 primary (5 under the 五四 system), 4 junior
 * (3 under 六三), 3 senior. */
const double jh__max_grades[3] = {6, 4, 3};

/* Code and name: required, kept as written. */
static jh__cell_result
read_name_cell(jh__importer *im, size_t row, size_t col, const jh__field *f,
               const char *text, jh_school *s)
{
    if (text[0] == '\0')
        return (f->kind == F_CODE ? jh__data_error(im, row, col, "缺少学校代码",
                                                   "missing school code")
                                  : jh__data_error(im, row, col, "缺少学校名称",
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
}

/* The school type, required, by its names (jh__parse_type()). */
static jh__cell_result
read_type_cell(jh__importer *im, size_t row, size_t col, const char *text,
               jh_school *s, bool *type_ok)
{
    if (text[0] == '\0')
        return jh__data_error(im, row, col,
                              "缺少学校类型（应为小学、初中、九年一贯制学校、"
                              "完全中学、十二年一贯制学校、教学点、"
                              "特殊教育学校或职业学校）",
                              "missing school type (expected 小学, 初中, "
                              "九年一贯制学校, 完全中学, 十二年一贯制学校, "
                              "教学点, 特殊教育学校 or 职业学校)")
                   ? CELL_BAD
                   : CELL_STOP;
    if (!jh__parse_type(text, &s->type))
        return jh__data_error(im, row, col,
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
}

/* County and parent code: optional text. */
static jh__cell_result
read_text_cell(jh__importer *im, const jh__field *f, const char *text,
               jh_school *s)
{
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
}

/* A yes/no claim (专用教室2016年前建成, 规模放宽适用): blank is not
 * claimed. */
static jh__cell_result
read_flag_cell(jh__importer *im, size_t row, size_t col, const jh__field *f,
               const char *text, jh_school *s)
{
    bool yes = false;

    if (text[0] == '\0')
        return CELL_OK; /* blank: not claimed */
    if (!jh__parse_yes_no(text, &yes))
        return jh__data_error(im, row, col, "“%s”（%s）应为是或否",
                              "'%s' in %s is neither 是 nor 否", text,
                              f->header)
                   ? CELL_BAD
                   : CELL_STOP;
    *(f->kind == F_PRE2016 ? &s->rooms_pre2016 : &s->size_relaxation_eligible) =
        yes ? JH_FLAG_YES : JH_FLAG_NO;
    return CELL_OK;
}

/* Locality, ownership and 纳入计算: optional words. */
static jh__cell_result
read_choice_cell(jh__importer *im, size_t row, size_t col, const jh__field *f,
                 const char *text, jh_school *s)
{
    if (text[0] == '\0')
        return CELL_OK;
    if (f->kind == F_LOCALITY && !jh__parse_locality(text, &s->locality))
        return jh__data_error(im, row, col,
                              "未知的城乡类型“%s”（应为城区、镇区或乡村）",
                              "unknown locality '%s' (expected 城区, 镇区 "
                              "or 乡村)",
                              text)
                   ? CELL_BAD
                   : CELL_STOP;
    if (f->kind == F_OWNERSHIP && !jh__parse_ownership(text, &s->ownership))
        return jh__data_error(im, row, col,
                              "未知的举办者类型“%s”（应为公办或民办）",
                              "unknown ownership '%s' (expected 公办 or "
                              "民办)",
                              text)
                   ? CELL_BAD
                   : CELL_STOP;
    if (f->kind == F_INCLUDE && !jh__parse_yes_no(text, &s->include))
        return jh__data_error(im, row, col, "“%s”（%s）应为是或否",
                              "'%s' in %s is neither 是 nor 否", text,
                              f->header)
                   ? CELL_BAD
                   : CELL_STOP;
    return CELL_OK;
}

/* The numeric columns: blank stays NAN, a number goes through
 * read_number(); a grade count must fit its level. */
static jh__cell_result
read_numeric_cell(jh__importer *im, size_t row, size_t col, const jh__field *f,
                  const char *text, jh_school *s, jh__row_wholes *wholes)
{
    double v = 0.0;
    bool go = true;

    if (text[0] == '\0')
        return CELL_OK; /* blank stays NAN: blank is not zero */
    if (!read_number(im, row, col, f, text, &v, &go))
        return go ? CELL_BAD : CELL_STOP;
    if (f->kind == F_GRADES) {
        /* A whole-school count is checked against its level once the
         * school's type is known (read_row). */
        double most = jh__max_grades[f->arg >= 0 ? f->arg : 0];
        if (v < 1 || v > most)
            return jh__data_error(im, row, col, "%s：“%s”不在1至%.0f之间",
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
    } else if (f->kind == F_WHOLE)
        s->whole[f->arg] = v;
    else
        s->section[f->arg][f->arg2] = v;
    return CELL_OK;
}

/*
 * Read the text of one mapped cell into school @p s.  Returns CELL_BAD
 * after reporting a bad value when reading may go on (collect mode),
 * CELL_STOP when it must stop (or memory ran out: im->nomem).
 */
jh__cell_result
jh__read_cell(jh__importer *im, size_t row, size_t col, const jh__field *f,
              char *text, jh_school *s, jh__row_wholes *wholes, bool *type_ok)
{
    if (jh_school_is_error_value(text))
        return jh__data_error(
                   im, row, col,
                   "%s：单元格是表格错误值%s（公式计算失败）：请填写数值本身",
                   "%s: the cell holds the spreadsheet error %s (a "
                   "formula failed): enter the value itself",
                   f->header, text)
                   ? CELL_BAD
                   : CELL_STOP;
    if ((f->kind == F_CODE || f->kind == F_NAME || f->kind == F_COUNTY ||
         f->kind == F_PARENT) &&
        jh__utf8_chars(text) > JH_MAX_NAME_CHARS)
        return jh__data_error(
                   im, row, col, "%s有%zu个字符：表格单元格最多容纳%d个字符",
                   "%s is %zu characters long: a workbook cell holds "
                   "at most %d (Excel's limit)",
                   f->header, jh__utf8_chars(text), JH_MAX_NAME_CHARS)
                   ? CELL_BAD
                   : CELL_STOP;
    switch (f->kind) {
    case F_CODE:
    case F_NAME:
        return read_name_cell(im, row, col, f, text, s);
    case F_TYPE:
        return read_type_cell(im, row, col, text, s, type_ok);
    case F_COUNTY:
    case F_PARENT:
        return read_text_cell(im, f, text, s);
    case F_LOCALITY:
    case F_OWNERSHIP:
    case F_INCLUDE:
        return read_choice_cell(im, row, col, f, text, s);
    case F_PRE2016:
    case F_SIZE_RELAX:
        return read_flag_cell(im, row, col, f, text, s);
    case F_STUDENTS:
    case F_CLASSES:
    case F_GRADES:
    case F_WHOLE:
    case F_SECTION:
        return read_numeric_cell(im, row, col, f, text, s, wholes);
    case F_NONE:
        break;
    }
    return CELL_OK;
}
