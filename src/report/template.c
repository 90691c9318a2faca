/* junheng - writing the input template with libxlsxwriter. */
#include "junheng/template.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "junheng/school.h"
#include "junheng/standard.h"
#include "sheet.h"
#include "standard_text.h"
#include "template_columns.h"
#include "util.h"

/* ---- the examples ------------------------------------------------------ */

/* One realistic school per type; every value analyzes and passes the
 * checks.  Numbers in the order of the number columns: pupils (3), classes
 * (2), grades (2), teachers, degree, backbone, PE/art, titled (2 each),
 * buildings (7), largest class (2), rooms (2), room areas (2), certified
 * (2), training and public funds, part-time (2), leased grounds.  NAN
 * leaves the cell blank. */
typedef struct example {
    const char *code;
    const char *name_zh, *name_en;
    jh_school_type type;
    int locality; /* 0 城区, 1 镇区, 2 乡村 */
    bool private_school;
    const char *parent;
    double v[NNUMBERS];
} example;

#define B NAN
static const example examples[] = {
    {"3601020001",
     "城关第一小学（示例）",
     "City First Primary (example)",
     JH_TYPE_PRIMARY,
     0,
     false,
     NULL,
     {1200, 0, 0,  27, B,    6,   B,     70,      B,  66,  B,     18, B,
      14,   B, 40, B,  7200, 600, 12000, 300.00,  32, 150, 36000, 45, B,
      3,    3, 96, 90, 70,   B,   60000, 1000000, 0,  B,   0}},
    {"3601020002",
     "城关中学（示例）",
     "City Junior Middle (example)",
     JH_TYPE_JUNIOR,
     0,
     false,
     NULL,
     {0, 900, 0,   B,  20,   B,   3,     B,      60, B,   54,    B, 14,
      B, 11,  B,   35, 6300, 800, 11700, 288.00, 24, 120, 30000, B, 48,
      2, 2,   100, 92, B,    60,  50000, 800000, B,  0,   0}},
    {"3601020003",
     "石门九年一贯制学校（示例）",
     "Shimen Nine-year School (example)",
     JH_TYPE_NINE_YEAR,
     1,
     false,
     NULL,
     {600, 400, 0,  14, 9,    6,   3,     36,     28, 33,  25,    8,  6,
      7,   5,   20, 15, 6500, 400, 11000, 280.00, 26, 110, 30000, 44, 48,
      2,   2,   96, 90, 36,   28,  45000, 850000, 0,  0,   0}},
    {"3601020004",
     "县第一中学（示例）",
     "County No. 1 High (example)",
     JH_TYPE_COMPLETE_SECONDARY,
     0,
     false,
     NULL,
     {0, 1200, 1500, B,   24,    B,    3,      B,       82, B,   78,    B, 20,
      B, 15,   B,    50,  18000, 1500, 33000,  900.00,  80, 400, 90000, B, 50,
      2, 2,    110,  100, B,     82,   120000, 2000000, B,  0,   0}},
    {"3601020005",
     "外国语学校（示例）",
     "Foreign Language School (example)",
     JH_TYPE_TWELVE_YEAR,
     0,
     true,
     NULL,
     {500, 400, 300, 12, 9,    6,   3,     30,     26, 28,  24,    6,  5,
      6,   5,   16,  14, 9000, 500, 16000, 400.00, 35, 150, 40000, 42, 46,
      2,   2,   96,  90, 30,   26,  40000, 700000, 0,  0,   0}},
    {"3601020006",
     "石门镇枫树教学点（示例）",
     "Fengshu Teaching Point (example)",
     JH_TYPE_TEACHING_POINT,
     2,
     false,
     "3601020003",
     {56, 0, 0,  4,  B,   4, B,    5,     B, 3, B,    1,  B,
      1,  B, 2,  B,  420, 0, 900,  14.00, 2, 6, 1500, 18, B,
      1,  1, 60, 60, 5,   B, 3000, 65000, 1, B, 0}},
    {"3601020007",
     "特殊教育学校（示例）",
     "Special Education School (example)",
     JH_TYPE_SPECIAL,
     0,
     false,
     NULL,
     {60, 30, 0,  9,  3,    6,   3,     20,     10, 12, 6,    2,  1,
      2,  1,  8,  4,  2000, 300, 3000,  60.00,  10, 20, 5000, 12, 12,
      1,  1,  96, 90, 20,   10,  15000, 540000, 0,  0,  0}},
    {"3601020008",
     "职业中等专业学校（示例）",
     "Vocational School (example)",
     JH_TYPE_VOCATIONAL,
     0,
     false,
     NULL,
     {0, 0, 1200, B,   B,    B,   B,     B,       B,  B,   B,     B, B,
      B, B, B,    B,   9000, 600, 15000, 500.00,  40, 300, 60000, B, B,
      1, 1, 100,  100, B,    B,   80000, 1500000, B,  B,   0}},
};
#undef B

static const char *const locality_zh[3] = {"城区", "镇区", "乡村"};
static const char *const locality_en[3] = {"urban", "town", "rural"};

/* ---- writing ----------------------------------------------------------- */

/* Everything the writers share. */
typedef struct tpl {
    jh__book book; /* the workbook and its first error */
    jh_lang lang;
    const jh_standard *std; /* which columns are required */
    lxw_format *head, *head_req, *text, *wrap, *title, *bold_wrap;
} tpl;

/* The entries of list @p list in the template's language; returns count. */
static size_t
list_entries(int list, jh_lang lang, const char **out)
{
    bool en = lang == JH_LANG_EN;
    switch (list) {
    case L_TYPE:
        for (int t = 0; t < JH_TYPE_COUNT; t++)
            out[t] = en ? jh_school_type_key((jh_school_type)t)
                        : jh_school_type_zh((jh_school_type)t);
        return JH_TYPE_COUNT;
    case L_LOCALITY:
        for (int i = 0; i < 3; i++)
            out[i] = en ? locality_en[i] : locality_zh[i];
        return 3;
    case L_OWNERSHIP:
        out[0] = en ? "public" : "公办";
        out[1] = en ? "private" : "民办";
        return 2;
    case L_INCLUDE:
        out[0] = en ? "yes" : "是";
        out[1] = en ? "no" : "否";
        return 2;
    default:
        return 0;
    }
}

/* Write the hidden sheet of drop-down lists (one list per column). */
static lxw_error
write_lists(tpl *p)
{
    lxw_worksheet *ws = jh__book_add_sheet(&p->book, "lists");

    if (ws == NULL)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    for (int l = 0; l < L_COUNT && p->book.first == LXW_NO_ERROR; l++) {
        const char *items[JH_TYPE_COUNT];
        size_t n = list_entries(l, p->lang, items);
        for (size_t i = 0; i < n && p->book.first == LXW_NO_ERROR; i++)
            jh__cell_str(&p->book, ws, (lxw_row_t)i, (lxw_col_t)l, items[i],
                         NULL);
    }
    worksheet_hide(ws);
    return p->book.first;
}

/* Attach the validation and input hint of column @p j. */
static lxw_error
validate_column(tpl *p, lxw_worksheet *ws, size_t j)
{
    const tcol *c = &jh__tpl_columns[j];
    lxw_data_validation dv;
    char title[64], formula[64];
    char letters[4] = {0};
    const char *items[JH_TYPE_COUNT];
    size_t n;

    memset(&dv, 0, sizeof(dv));
    jh__tpl_header_of(c, p->lang, title, sizeof(title));
    /* Excel limits the title to 32 characters: the header without unit. */
    {
        char *paren = strchr(title, '(');
        if (paren != NULL && paren != title)
            *paren = '\0';
        jh__trim(title);
    }
    dv.input_title = title;
    dv.input_message =
        (char *)(p->lang == JH_LANG_EN ? c->hint_en : c->hint_zh);
    switch (c->kind) {
    case K_TEXT:
        dv.validate = LXW_VALIDATION_TYPE_ANY;
        break;
    case K_LIST:
        n = list_entries(c->list, p->lang, items);
        letters[0] = (char)('A' + c->list);
        snprintf(formula, sizeof(formula), "=lists!$%s$1:$%s$%zu", letters,
                 letters, n);
        dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
        dv.value_formula = formula;
        dv.error_title =
            (char *)(p->lang == JH_LANG_EN ? "Not in the list" : "不在列表中");
        dv.error_message =
            (char *)(p->lang == JH_LANG_EN ? "Pick a value from the list."
                                           : "请从下拉列表中选择。");
        break;
    case K_INTEGER:
    case K_DECIMAL:
        dv.validate = c->kind == K_INTEGER ? LXW_VALIDATION_TYPE_INTEGER
                                           : LXW_VALIDATION_TYPE_DECIMAL;
        dv.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
        dv.value_number = 0;
        dv.error_title =
            (char *)(p->lang == JH_LANG_EN ? "Not a number" : "不是有效数字");
        dv.error_message =
            (char *)(c->kind == K_INTEGER
                         ? (p->lang == JH_LANG_EN
                                ? "Enter a whole number, 0 or more."
                                : "请填写大于或等于0的整数。")
                         : (p->lang == JH_LANG_EN
                                ? "Enter a number, 0 or more, without units."
                                : "请填写大于或等于0的数字，不要带单位。"));
        break;
    }
    return worksheet_data_validation_range(ws, 1, (lxw_col_t)j,
                                           JH_TEMPLATE_ROWS, (lxw_col_t)j, &dv);
}

/* The text of column @p j for example @p x (NULL when it is a number). */
static const char *
example_text(const tpl *p, const example *x, size_t j, bool *blank)
{
    bool en = p->lang == JH_LANG_EN;

    *blank = false;
    switch (j) {
    case 0:
        return x->code;
    case 1:
        return en ? x->name_en : x->name_zh;
    case 2:
        return en ? jh_school_type_key(x->type) : jh_school_type_zh(x->type);
    case 3:
        return en ? locality_en[x->locality] : locality_zh[x->locality];
    case 4:
        return x->private_school ? (en ? "private" : "民办")
                                 : (en ? "public" : "公办");
    default:
        break;
    }
    if (j < FIRST_NUMBER + NNUMBERS)
        return NULL;
    if (strcmp(jh__tpl_columns[j].en, "parent_code") == 0) {
        *blank = x->parent == NULL;
        return x->parent != NULL ? x->parent : "";
    }
    if (strcmp(jh__tpl_columns[j].en, "include") == 0)
        return en ? "yes" : "是";
    if (strcmp(jh__tpl_columns[j].en, "county") == 0)
        return en ? "Example County" : "示例县";
    return en ? "no" : "否"; /* the relaxation flags */
}

/* The comment on header cell @p j: required or optional, under which
 * standard, and what reads the column. */
static lxw_error
header_comment(tpl *p, lxw_worksheet *ws, size_t j)
{
    bool en = p->lang == JH_LANG_EN;
    const tcol *c = &jh__tpl_columns[j];
    char use[1024], text[1400];

    jh__tpl_column_use(c, p->std, en, use, sizeof(use));
    if (en)
        snprintf(text, sizeof(text), "%s (%s). %s. Used by: %s.",
                 jh__tpl_column_required(c, p->std) ? "Required" : "Optional",
                 p->std->id, jh__tpl_group_en[c->group], use);
    else
        snprintf(text, sizeof(text), "%s（%s 标准）。%s。用于：%s。",
                 jh__tpl_column_required(c, p->std) ? "必填" : "选填",
                 p->std->id, jh__tpl_group_zh[c->group], use);
    return worksheet_write_comment(ws, 0, (lxw_col_t)j, text);
}

/* The data sheet: header, example rows, validations, frozen panes. */
static lxw_error
write_data(tpl *p)
{
    lxw_worksheet *ws = jh__book_add_sheet(
        &p->book, p->lang == JH_LANG_EN ? "schools" : "学校数据");

    if (ws == NULL)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    jh__book_check(&p->book, worksheet_set_row(ws, 0, 48, NULL));
    for (size_t j = 0; j < NCOLS && p->book.first == LXW_NO_ERROR; j++) {
        char header[256];
        jh__tpl_header_of(&jh__tpl_columns[j], p->lang, header, sizeof(header));
        jh__book_check(&p->book, worksheet_set_column(
                                     ws, (lxw_col_t)j, (lxw_col_t)j,
                                     jh__tpl_columns[j].width,
                                     jh__tpl_columns[j].kind == K_TEXT ||
                                             jh__tpl_columns[j].kind == K_LIST
                                         ? p->text
                                         : NULL));
        if (p->book.first == LXW_NO_ERROR)
            jh__cell_str(&p->book, ws, 0, (lxw_col_t)j, header,
                         jh__tpl_column_required(&jh__tpl_columns[j], p->std)
                             ? p->head_req
                             : p->head);
        if (p->book.first == LXW_NO_ERROR)
            jh__book_check(&p->book, header_comment(p, ws, j));
        if (p->book.first == LXW_NO_ERROR)
            jh__book_check(&p->book, validate_column(p, ws, j));
    }
    for (size_t i = 0; i < sizeof(examples) / sizeof(examples[0]); i++) {
        const example *x = &examples[i];
        lxw_row_t row = (lxw_row_t)(i + 1);
        for (size_t j = 0; j < NCOLS && p->book.first == LXW_NO_ERROR; j++) {
            bool blank = false;
            const char *s = example_text(p, x, j, &blank);
            if (s != NULL) {
                if (!blank)
                    jh__cell_str(&p->book, ws, row, (lxw_col_t)j, s, p->text);
                continue;
            }
            if (!isnan(x->v[j - FIRST_NUMBER]))
                jh__book_check(&p->book, worksheet_write_number(
                                             ws, row, (lxw_col_t)j,
                                             x->v[j - FIRST_NUMBER], NULL));
        }
    }
    worksheet_freeze_panes(ws, 1, 2);
    worksheet_set_landscape(ws);
    worksheet_repeat_rows(ws, 0, 0);
    worksheet_activate(ws);
    return p->book.first;
}

static const char *const guide_zh[] = {
    "#县域义务教育学校基础数据填报说明（junheng 模板）",
    "",
    "#一、填哪些学校",
    "全县每所学校填一行：小学、初中、九年一贯制学校、完全中学、十二年一贯制学校"
    "和教学点，特殊教育学校和职业学校也登记一行（只登记，不参与指标计算）。",
    "教学点单独成行，“所属学校代码”填其所属学校的代码。{tp_scope}",
    "民办学校照常填写，举办者类型选“民办”。本省规定不参与计算的学校，"
    "“纳入计算”选“否”。",
    "不要填写合计、小计行，不要合并单元格。",
    "",
    "#二、合并学校（九年一贯制、完全中学、十二年一贯制）怎么填",
    "每所学校只填一行。在校生数按学段分别填入小学、初中、高中三列。",
    "教师数按学段分别填写：小学部的填在“小学…”列，初中部的填在“初中…”列，"
    "高中部教师不填。单一学段的学校只填本学段的列，另一学段留空。",
    "校舍面积、体育场馆面积、仪器设备值和多媒体教室数填全校合计数，junheng 按"
    "折算在校生数自动分摊：九年一贯制学校 小学:初中 = 1:{w_nine_junior}；"
    "完全中学 初中:高中 = 1:{w_complete_senior}；十二年一贯制学校 "
    "1:{w_twelve_junior}:{w_twelve_senior}。",
    "",
    "#三、数值",
    "只填数字，不带单位和文字；单位以列名括号中的为准（设备值为万元）。",
    "空白不等于0：没有的填0。必填项空白时 junheng 会报错并指出单元格。",
    "可以保留公式（.xlsx 会保存计算结果），但不能有 #DIV/0! 等错误值。",
    "",
    "#四、示例行",
    "第2至9行是每类学校各一行的示例，名称中带“示例”。名称带“示例”的行"
    "一律不计入计算（junheng 会逐行提示）。正式填报前请删除示例行；改写为本县"
    "学校时，须把名称中的“示例”去掉。",
    "",
    "#五、检查和计算",
    "填好后先运行 junheng check 文件名.xlsx，按提示改正所有错误，再运行 "
    "junheng analyze 文件名.xlsx。加 --out 文件夹 时，检查结果另存为 "
    "check.xlsx（每个问题一行）。",
    "县域评估事实表（junheng template --county）用 junheng check --county "
    "事实表.xlsx 检查，再运行 junheng evaluate 文件名.xlsx --county "
    "事实表.xlsx。",
    "",
    "#六、各列说明",
};

static const char *const guide_en[] = {
    "#How to fill in the school data (junheng template)",
    "",
    "#1. Which schools",
    "One row per school of the county: primary, junior, nine-year, complete "
    "secondary and twelve-year schools and teaching points. Special-education "
    "and vocational schools get a row too (listed, never evaluated).",
    "Teaching points have their own rows, with the code of the school they "
    "belong to in parent_code. {tp_scope}",
    "Private schools are filled like the others (ownership: private). Schools "
    "your province leaves out get include = no.",
    "No total rows, no merged cells.",
    "",
    "#2. Combined schools (nine-year, complete secondary, twelve-year)",
    "One row per school. Pupils go into the primary, junior and senior "
    "columns.",
    "Teachers are filled per section: the primary section in the *_primary "
    "columns, the junior section in the *_junior columns; senior teachers are "
    "not entered. Single-level schools fill their own section only.",
    "Building, sports ground, equipment and multimedia figures are "
    "whole-school; junheng splits them by weighted enrollment: nine-year "
    "primary:junior = 1:{w_nine_junior}, complete secondary junior:senior = "
    "1:{w_complete_senior}, twelve-year "
    "1:{w_twelve_junior}:{w_twelve_senior}.",
    "",
    "#3. Numbers",
    "Numbers only, without units; the unit is the one in the header "
    "(equipment in 10,000 yuan).",
    "Blank is not zero: enter 0 when there is none. A blank required value "
    "is an error naming its cell.",
    "Formulas may stay (an .xlsx keeps their results) but not error values "
    "such as #DIV/0!.",
    "",
    "#4. Example rows",
    "Rows 2 to 9 are one example per school type, marked (example). A row "
    "whose name is marked so is never counted (junheng names each one). "
    "Delete them; a row overwritten with one of your schools must lose the "
    "mark.",
    "",
    "#5. Check, then analyze",
    "Run junheng check FILE.xlsx, fix every error, then junheng analyze "
    "FILE.xlsx. With --out DIR the findings are saved as check.xlsx (one "
    "row each).",
    "Check the county facts (junheng template --county) with junheng check "
    "--county FACTS.xlsx, then run junheng evaluate FILE.xlsx --county "
    "FACTS.xlsx.",
    "",
    "#6. The columns",
};

/* What the standard does with teaching points (jh_teaching_points), the
 * {tp_scope} of the guide; {teaching_point_min} is the standard's. */
static const char *const tp_scope_zh[] = {
    "在校生不足{teaching_point_min}人的教学点不参与计算，但仍要填写。",
    "本标准不计算教学点，但仍要填写。", "教学点全部参与计算。"};
static const char *const tp_scope_en[] = {
    "Teaching points under {teaching_point_min} pupils are not evaluated but "
    "are still listed.",
    "This standard does not evaluate teaching points; they are still listed.",
    "Every teaching point is evaluated."};

/* Line @p tmpl of the guide with {tp_scope} and the standard's figures
 * filled in, into @p buf. */
static const char *
guide_line(const tpl *p, const char *tmpl, char *buf, size_t size)
{
    static const char mark[] = "{tp_scope}";
    const char *at = strstr(tmpl, mark);
    unsigned tp = (unsigned)p->std->teaching_points;
    char line[1024];

    if (at != NULL) {
        if (tp > JH_TP_INCLUDE)
            tp = JH_TP_MIN;
        snprintf(line, sizeof(line), "%.*s%s%s", (int)(at - tmpl), tmpl,
                 p->lang == JH_LANG_EN ? tp_scope_en[tp] : tp_scope_zh[tp],
                 at + sizeof(mark) - 1);
        tmpl = line;
    }
    return jh__rule_text(p->std, tmpl, buf, size);
}

/* Widths of the instruction sheet's columns, in character units. */
#define GUIDE_COL_A 30.0
#define GUIDE_COL_B 80.0

/* The instructions sheet: the guide, then one row per column. */
static lxw_error
write_guide(tpl *p)
{
    bool en = p->lang == JH_LANG_EN;
    lxw_worksheet *ws =
        jh__book_add_sheet(&p->book, en ? "instructions" : "说明");
    const char *const *lines = en ? guide_en : guide_zh;
    size_t nlines = en ? sizeof(guide_en) / sizeof(guide_en[0])
                       : sizeof(guide_zh) / sizeof(guide_zh[0]);
    lxw_row_t row = 0;

    if (ws == NULL)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0); /* print as wide as one page */
    jh__book_check(&p->book,
                   worksheet_set_column(ws, 0, 0, GUIDE_COL_A, p->bold_wrap));
    if (p->book.first == LXW_NO_ERROR)
        jh__book_check(&p->book,
                       worksheet_set_column(ws, 1, 1, GUIDE_COL_B, p->wrap));
    for (size_t i = 0; i < nlines && p->book.first == LXW_NO_ERROR;
         i++, row++) {
        char text[1024];
        /* the rule sentences state the figures of the loaded standard */
        const char *s = guide_line(p, lines[i], text, sizeof(text));
        if (s[0] == '\0')
            continue;
        /* Headings in the first column, paragraphs in the wide second one
         * (unmerged, so that spreadsheets fit the row height to them). */
        if (s[0] == '#') {
            jh__cell_str(&p->book, ws, row, 0, s + 1,
                         i == 0 ? p->title : p->bold_wrap);
        } else {
            jh__cell_str(&p->book, ws, row, 1, s, p->wrap);
            if (p->book.first == LXW_NO_ERROR)
                jh__row_height(&p->book, ws, row,
                               15.0 * jh__wrap_lines(s, GUIDE_COL_B));
        }
    }
    if (p->book.first == LXW_NO_ERROR) {
        char s[512];
        if (en)
            snprintf(s, sizeof(s),
                     "Orange headers are required under the standard %s "
                     "(junheng template --standard ID marks another "
                     "standard's); blue ones are optional. Each header's "
                     "comment says the same. The columns, by group:",
                     p->std->id);
        else
            snprintf(s, sizeof(s),
                     "表头为橙色的列按 %s 标准必填（junheng template "
                     "--standard 标准 标出另一标准的必填列），蓝色的列选填；"
                     "表头单元格的批注也写明了。各列按组说明如下：",
                     p->std->id);
        jh__cell_str(&p->book, ws, row, 1, s, p->wrap);
        if (p->book.first == LXW_NO_ERROR)
            jh__row_height(&p->book, ws, row,
                           15.0 * jh__wrap_lines(s, GUIDE_COL_B));
        row++;
    }
    for (size_t j = 0; j < NCOLS && p->book.first == LXW_NO_ERROR; j++, row++) {
        const tcol *c = &jh__tpl_columns[j];
        char header[256], use[1024], note[2048];
        unsigned la, lb;

        if (j == 0 || jh__tpl_columns[j - 1].group != c->group) {
            jh__cell_str(&p->book, ws, row++, 0,
                         en ? jh__tpl_group_en[c->group]
                            : jh__tpl_group_zh[c->group],
                         p->bold_wrap);
            if (p->book.first != LXW_NO_ERROR)
                break;
        }
        jh__tpl_header_of(c, p->lang, header, sizeof(header));
        jh__tpl_column_use(c, p->std, en, use, sizeof(use));
        if (en)
            snprintf(note, sizeof(note), "%s. %s Used by: %s.",
                     jh__tpl_column_required(c, p->std) ? "Required"
                                                        : "Optional",
                     c->note_en, use);
        else
            snprintf(note, sizeof(note), "%s。%s用于：%s。",
                     jh__tpl_column_required(c, p->std) ? "必填" : "选填",
                     c->note_zh, use);
        la = jh__wrap_lines(header, GUIDE_COL_A);
        lb = jh__wrap_lines(note, GUIDE_COL_B);
        jh__cell_str(&p->book, ws, row, 0, header, p->bold_wrap);
        if (p->book.first == LXW_NO_ERROR)
            jh__cell_str(&p->book, ws, row, 1, note, p->wrap);
        if (p->book.first == LXW_NO_ERROR)
            jh__row_height(&p->book, ws, row, 15.0 * (la > lb ? la : lb));
    }
    return p->book.first;
}

static void
make_formats(tpl *p)
{
    p->head = jh__book_format(&p->book);
    format_set_bold(p->head);
    format_set_text_wrap(p->head);
    format_set_align(p->head, LXW_ALIGN_CENTER);
    format_set_align(p->head, LXW_ALIGN_VERTICAL_CENTER);
    format_set_bg_color(p->head, 0xDDEBF7);
    format_set_border(p->head, LXW_BORDER_THIN);
    p->head_req = jh__book_format(&p->book);
    format_set_bold(p->head_req);
    format_set_text_wrap(p->head_req);
    format_set_align(p->head_req, LXW_ALIGN_CENTER);
    format_set_align(p->head_req, LXW_ALIGN_VERTICAL_CENTER);
    format_set_bg_color(p->head_req, 0xFCE4D6);
    format_set_border(p->head_req, LXW_BORDER_THIN);
    p->text = jh__book_format(&p->book);
    format_set_num_format(p->text, "@");
    p->wrap = jh__book_format(&p->book);
    format_set_text_wrap(p->wrap);
    format_set_align(p->wrap, LXW_ALIGN_VERTICAL_TOP);
    p->bold_wrap = jh__book_format(&p->book);
    format_set_bold(p->bold_wrap);
    format_set_text_wrap(p->bold_wrap);
    format_set_align(p->bold_wrap, LXW_ALIGN_VERTICAL_TOP);
    p->title = jh__book_format(&p->book);
    format_set_bold(p->title);
    format_set_font_size(p->title, 14);
}

jh_status
jh_template_write(const char *path, const jh_template_options *opts,
                  jh_error *err)
{
    jh_template_options defaults = {JH_LANG_ZH, 0, NULL};
    lxw_doc_properties props;
    lxw_error e;
    tpl p;
    char *tmp;

    if (opts == NULL)
        opts = &defaults;
    tmp = jh__asprintf("%s.part", path);
    if (tmp == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, path, 0, 0, "内存不足",
                             "out of memory");
    memset(&p, 0, sizeof(p));
    p.lang = opts->lang;
    p.std = opts->std != NULL ? opts->std : jh_standard_builtin(NULL);
    p.book.wb = workbook_new(tmp);
    if (p.book.wb == NULL) {
        free(tmp);
        return jh_error_set2(err, JH_ERR_OUTPUT, path, 0, 0, "无法创建工作簿",
                             "cannot create the workbook");
    }
    memset(&props, 0, sizeof(props));
    props.title =
        (char *)(p.lang == JH_LANG_EN ? "School data for junheng"
                                      : "县域义务教育学校基础数据填报模板");
    props.author = (char *)"junheng";
    props.created = (time_t)opts->created;
    e = workbook_set_properties(p.book.wb, &props);
    make_formats(&p);
    if (e == LXW_NO_ERROR)
        e = p.book.first; /* a format that could not be made */
    if (e == LXW_NO_ERROR)
        e = write_data(&p);
    if (e == LXW_NO_ERROR)
        e = write_guide(&p);
    if (e == LXW_NO_ERROR)
        e = write_lists(&p);
    if (e != LXW_NO_ERROR) {
        /* Close anyway to free it, then drop the partial file. */
        (void)workbook_close(p.book.wb);
        remove(tmp);
        free(tmp);
        return jh_error_set2(err, JH_ERR_OUTPUT, path, 0, 0,
                             "无法生成模板：%s%.0s",
                             "cannot build the template: %.0s%s", jh__lxw_zh(e),
                             lxw_strerror(e));
    }
    e = workbook_close(p.book.wb);
    if (e != LXW_NO_ERROR) {
        remove(tmp);
        free(tmp);
        return jh_error_set2(err, JH_ERR_OUTPUT, path, 0, 0,
                             "无法写入模板：%s%.0s",
                             "cannot write the template: %.0s%s", jh__lxw_zh(e),
                             lxw_strerror(e));
    }
    if (rename(tmp, path) != 0) {
        int saved = errno;
        remove(tmp);
        free(tmp);
        return jh_error_errno2(err, JH_ERR_OUTPUT, path, saved,
                               "无法把模板移到目标位置",
                               "cannot move the template into place");
    }
    free(tmp);
    return JH_OK;
}
