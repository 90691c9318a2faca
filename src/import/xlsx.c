/* junheng - a streaming .xlsx reader on libzip and expat. */
#include "junheng/xlsx.h"

#include <errno.h>
#include <expat.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "util.h"
#include "xlsx_internal.h"

static const jh_xlsx_limits default_limits = {
    (size_t)256 << 20, (size_t)1 << 30,  1048576, 16384,
    8000000,           (size_t)64 * 1024};

size_t
jh_xlsx_sheet_count(const jh_xlsx *x)
{
    return x->nsheets;
}

const char *
jh_xlsx_sheet_name(const jh_xlsx *x, size_t index)
{
    return index < x->nsheets ? x->sheets[index].name : NULL;
}

bool
jh_xlsx_sheet_hidden(const jh_xlsx *x, size_t index)
{
    return index < x->nsheets && x->sheets[index].hidden;
}

void
jh_xlsx_free(jh_xlsx *x)
{
    if (x == NULL)
        return;
    if (x->zip != NULL)
        zip_discard(x->zip);
    for (size_t i = 0; i < x->nsheets; i++) {
        free(x->sheets[i].name);
        free(x->sheets[i].part);
    }
    free(x->sheets);
    for (size_t i = 0; i < x->nsst; i++)
        free(x->sst[i]);
    free(x->sst);
    free(x->sst_part);
    free(x->path);
    free(x);
}

/* ---- shared strings ---------------------------------------------------- */

typedef struct sst_ctx {
    xml_ctx base;
    int in_si;  /* inside <si> */
    int in_t;   /* inside a <t> that counts */
    int in_rph; /* inside phonetic runs, which are not part of the text */
    sbuf text;
} sst_ctx;

static void XMLCALL
sst_start(void *data, const XML_Char *name, const XML_Char **atts)
{
    sst_ctx *c = data;
    const char *ln = jh__xml_local_name(name);

    (void)atts;
    if (strcmp(ln, "si") == 0) {
        c->in_si = 1;
        jh__sbuf_clear(&c->text);
    } else if (strcmp(ln, "rPh") == 0) {
        c->in_rph++;
    } else if (strcmp(ln, "t") == 0 && c->in_si && c->in_rph == 0) {
        c->in_t = 1;
    }
}

static void XMLCALL
sst_end(void *data, const XML_Char *name)
{
    sst_ctx *c = data;
    jh_xlsx *x = c->base.x;
    const char *ln = jh__xml_local_name(name);

    if (strcmp(ln, "t") == 0) {
        c->in_t = 0;
    } else if (strcmp(ln, "rPh") == 0) {
        if (c->in_rph > 0)
            c->in_rph--;
    } else if (strcmp(ln, "si") == 0 && c->in_si) {
        char *s;
        c->in_si = 0;
        if (x->nsst == x->sst_cap) {
            size_t ncap = x->sst_cap == 0 ? 256 : x->sst_cap * 2;
            char **ns = realloc(x->sst, ncap * sizeof(*ns));
            if (ns == NULL) {
                jh__xml_fail(&c->base, JH_ERR_NOMEM, NULL, "内存不足",
                             "out of memory");
                return;
            }
            x->sst = ns;
            x->sst_cap = ncap;
        }
        s = jh__strdup(c->text.s != NULL ? c->text.s : "");
        if (s == NULL) {
            jh__xml_fail(&c->base, JH_ERR_NOMEM, NULL, "内存不足",
                         "out of memory");
            return;
        }
        x->sst[x->nsst++] = s;
    }
}

static void XMLCALL
sst_text(void *data, const XML_Char *s, int len)
{
    sst_ctx *c = data;

    if (!c->in_t || len <= 0)
        return;
    if (c->text.len + (size_t)len > c->base.x->lim.max_cell_bytes) {
        jh__xml_fail(&c->base, JH_ERR_DATA, NULL,
                     "共享字符串 %zu（在“%s”中）超过 %zu 字节，不予读取；"
                     "请缩短过长的单元格",
                     "shared string %zu in '%s' is longer than %zu bytes",
                     c->base.x->nsst, c->base.entry,
                     c->base.x->lim.max_cell_bytes);
        return;
    }
    if (!jh__sbuf_add(&c->text, s, (size_t)len))
        jh__xml_fail(&c->base, JH_ERR_NOMEM, NULL, "内存不足", "out of memory");
}

/* Load the shared strings once; a workbook without them has none. */
static jh_status
load_sst(jh_xlsx *x, jh_error *err)
{
    sst_ctx c;
    jh_status st;

    if (x->sst_loaded)
        return JH_OK;
    x->sst_loaded = true;
    if (x->sst_part == NULL)
        return JH_OK;
    memset(&c, 0, sizeof(c));
    if (jh__xml_parser_new(&c.base, sst_start, sst_end, sst_text) == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, x->path, 0, 0, "内存不足",
                             "out of memory");
    st = jh__xlsx_parse_entry(x, x->sst_part, &c.base, err);
    XML_ParserFree(c.base.parser);
    free(c.text.s);
    if (st == JH_ERR_NOTFOUND)
        st = JH_OK; /* listed but absent: cells that use it will say so */
    return st;
}

/* ---- worksheets -------------------------------------------------------- */

typedef struct cell_entry {
    size_t col; /* 0-based */
    char *text;
} cell_entry;

typedef enum cell_type {
    T_NUMBER = 0,
    T_SHARED,
    T_INLINE,
    T_STR,
    T_BOOL,
    T_ERROR,
    T_DATE
} cell_type;

typedef struct sheet_ctx {
    xml_ctx base;
    const char *sheet; /* sheet name */
    jh_table *table;
    size_t cells_kept; /* against max_cells */
    int in_data;       /* inside <sheetData> */
    int in_cell, in_v, in_is, in_t, in_rph;
    size_t row;      /* current row number, 1-based; 0 before the first */
    size_t col;      /* column of the current cell, 1-based */
    size_t last_col; /* last column seen in the row, 0 at its start */
    cell_type type;
    sbuf text;
    cell_entry *cells; /* cells of the current row with a value */
    size_t ncells, cap;
} sheet_ctx;

/* Fill @p buf with "Sheet!B5" for the current cell. */
static const char *
cell_ref(const sheet_ctx *c, size_t col, size_t row, char *buf, size_t size)
{
    char letters[16];
    snprintf(buf, size, "%s!%s%zu", c->sheet,
             jh_column_letters((long)col, letters, sizeof(letters)), row);
    return buf;
}

/*
 * Parse a cell reference "AB12" into its 1-based column and row.  Returns
 * false when it is not one (the caller then reports it).  Either part may
 * exceed the sheet limits; the caller checks them.
 */
static bool
parse_ref(const char *ref, size_t *col, size_t *row)
{
    size_t c = 0, r = 0;
    const char *p = ref;

    while (*p >= 'A' && *p <= 'Z') {
        if (c > 1000000)
            return false;
        c = c * 26 + (size_t)(*p - 'A' + 1);
        p++;
    }
    if (c == 0)
        return false;
    while (*p >= '0' && *p <= '9') {
        if (r > 100000000)
            return false;
        r = r * 10 + (size_t)(*p - '0');
        p++;
    }
    if (*p != '\0' || r == 0)
        return false;
    *col = c;
    *row = r;
    return true;
}

/* Parse a positive decimal of at most 9 digits ("12"); 0 on failure. */
static size_t
parse_index(const char *s, bool *ok)
{
    size_t v = 0, n = 0;

    *ok = false;
    while (*s == ' ')
        s++;
    for (; *s >= '0' && *s <= '9'; s++, n++) {
        if (n >= 9)
            return 0;
        v = v * 10 + (size_t)(*s - '0');
    }
    while (*s == ' ')
        s++;
    *ok = n > 0 && *s == '\0';
    return v;
}

static void
drop_row_cells(sheet_ctx *c)
{
    for (size_t i = 0; i < c->ncells; i++)
        free(c->cells[i].text);
    c->ncells = 0;
}

/* Hand the current row to the table: cells up to the last value. */
static void
flush_row(sheet_ctx *c)
{
    size_t width;
    char **cells;

    if (c->ncells == 0)
        return;
    width = c->cells[c->ncells - 1].col + 1;
    if (c->cells_kept + width > c->base.x->lim.max_cells) {
        jh__xml_fail(&c->base, JH_ERR_DATA, NULL,
                     "工作表“%s”超过 %zu 个单元格，不予读取；"
                     "请删去多余的行和列，或把数据复制到新的工作表",
                     "sheet '%s' has more than %zu cells: refusing it",
                     c->sheet, c->base.x->lim.max_cells);
        return;
    }
    cells = calloc(width, sizeof(*cells));
    if (cells == NULL) {
        jh__xml_fail(&c->base, JH_ERR_NOMEM, NULL, "内存不足", "out of memory");
        return;
    }
    for (size_t i = 0; i < c->ncells; i++) {
        cells[c->cells[i].col] = c->cells[i].text;
        c->cells[i].text = NULL;
    }
    c->ncells = 0;
    for (size_t j = 0; j < width; j++) {
        if (cells[j] == NULL && (cells[j] = jh__strdup("")) == NULL) {
            for (size_t k = 0; k < width; k++)
                free(cells[k]);
            free(cells);
            jh__xml_fail(&c->base, JH_ERR_NOMEM, NULL, "内存不足",
                         "out of memory");
            return;
        }
    }
    c->cells_kept += width;
    if (jh_table_append(c->table, cells, width, (long)c->row) != JH_OK)
        jh__xml_fail(&c->base, JH_ERR_NOMEM, NULL, "内存不足", "out of memory");
}

static void
start_row(sheet_ctx *c, const XML_Char **atts)
{
    const char *r = jh__xml_attr(atts, "r");
    size_t n = c->row + 1;
    bool ok = true;
    char where[64];

    if (r != NULL) {
        n = parse_index(r, &ok);
        if (!ok || n == 0) {
            jh__xml_fail(&c->base, JH_ERR_PARSE, NULL,
                         "工作表“%s”中有一行的行号“%s”无效，工作簿已损坏；"
                         "请用 Excel 或 WPS 打开后另存为 .xlsx",
                         "sheet '%s' has a row numbered '%s'", c->sheet, r);
            return;
        }
    }
    if (n <= c->row) {
        jh__xml_fail(
            &c->base, JH_ERR_PARSE, cell_ref(c, 1, n, where, sizeof(where)),
            "第 %zu 行排在第 %zu 行之后，行的顺序错乱，工作簿已损坏；"
            "请用 Excel 或 WPS 打开后另存为 .xlsx",
            "row %zu comes after row %zu: rows out of order", n, c->row);
        return;
    }
    if (n > c->base.x->lim.max_rows) {
        jh__xml_fail(&c->base, JH_ERR_DATA, NULL,
                     "工作表“%s”有第 %zu 行，超过 %zu 行的上限；"
                     "请删去多余的行，或把数据分成几个文件",
                     "sheet '%s' has a row %zu beyond the limit of %zu rows",
                     c->sheet, n, c->base.x->lim.max_rows);
        return;
    }
    c->row = n;
    c->last_col = 0;
    drop_row_cells(c);
}

static void
start_cell(sheet_ctx *c, const XML_Char **atts)
{
    const char *r = jh__xml_attr(atts, "r"), *t = jh__xml_attr(atts, "t");
    size_t col = c->last_col + 1, row = c->row;
    char where[64];

    if (c->row == 0) {
        jh__xml_fail(&c->base, JH_ERR_PARSE, NULL,
                     "工作表“%s”中有不属于任何一行的单元格，工作簿已损坏；"
                     "请用 Excel 或 WPS 打开后另存为 .xlsx",
                     "sheet '%s' has a cell outside any row", c->sheet);
        return;
    }
    if (r != NULL && !parse_ref(r, &col, &row)) {
        jh__xml_fail(&c->base, JH_ERR_PARSE, NULL,
                     "工作表“%s”中有单元格的位置“%s”无效，工作簿已损坏；"
                     "请用 Excel 或 WPS 打开后另存为 .xlsx",
                     "sheet '%s' has a cell with the bad reference '%s'",
                     c->sheet, r);
        return;
    }
    if (r != NULL && row != c->row) {
        jh__xml_fail(&c->base, JH_ERR_PARSE,
                     cell_ref(c, col, row, where, sizeof(where)),
                     "单元格 %s 写在第 %zu 行里，行号不符，工作簿已损坏；"
                     "请用 Excel 或 WPS 打开后另存为 .xlsx",
                     "cell %s is inside row %zu", r, c->row);
        return;
    }
    if (col <= c->last_col) {
        jh__xml_fail(&c->base, JH_ERR_PARSE,
                     cell_ref(c, col, row, where, sizeof(where)),
                     "单元格重复出现或顺序错乱，工作簿已损坏；"
                     "请用 Excel 或 WPS 打开后另存为 .xlsx",
                     "the cell appears twice or out of order");
        return;
    }
    if (col > c->base.x->lim.max_columns) {
        jh__xml_fail(
            &c->base, JH_ERR_DATA, NULL,
            "工作表“%s”在第 %zu 列有单元格，超过 %zu 列的上限；"
            "请删去多余的列",
            "sheet '%s' has a cell in column %zu, beyond the limit of %zu",
            c->sheet, col, c->base.x->lim.max_columns);
        return;
    }
    c->col = col;
    c->last_col = col;
    c->in_cell = 1;
    jh__sbuf_clear(&c->text);
    c->type = T_NUMBER;
    if (t == NULL || strcmp(t, "n") == 0)
        c->type = T_NUMBER;
    else if (strcmp(t, "s") == 0)
        c->type = T_SHARED;
    else if (strcmp(t, "inlineStr") == 0)
        c->type = T_INLINE;
    else if (strcmp(t, "str") == 0)
        c->type = T_STR;
    else if (strcmp(t, "b") == 0)
        c->type = T_BOOL;
    else if (strcmp(t, "e") == 0)
        c->type = T_ERROR;
    else if (strcmp(t, "d") == 0)
        c->type = T_DATE;
    else
        jh__xml_fail(&c->base, JH_ERR_PARSE,
                     cell_ref(c, col, row, where, sizeof(where)),
                     "未知的单元格类型“%s”；"
                     "请用 Excel 或 WPS 打开后另存为 .xlsx",
                     "unknown cell type '%s'", t);
}

/* The text of the finished cell, as the table will hold it (malloc'd). */
static char *
cell_value(sheet_ctx *c)
{
    const char *v = c->text.s != NULL ? c->text.s : "";
    jh_xlsx *x = c->base.x;
    char where[64];
    size_t idx;
    bool ok;

    switch (c->type) {
    case T_SHARED:
        idx = parse_index(v, &ok);
        if (!ok || idx >= x->nsst) {
            jh__xml_fail(
                &c->base, JH_ERR_PARSE,
                cell_ref(c, c->col, c->row, where, sizeof(where)),
                "单元格引用的共享字符串“%s”在工作簿中不存在，工作簿已损坏；"
                "请用 Excel 或 WPS 打开后另存为 .xlsx",
                "the cell refers to shared string '%s', which the "
                "workbook does not have",
                v);
            return NULL;
        }
        return jh__strdup(x->sst[idx]);
    case T_BOOL:
        if (strcmp(v, "1") == 0)
            return jh__strdup("TRUE");
        if (strcmp(v, "0") == 0)
            return jh__strdup("FALSE");
        return jh__strdup(v);
    case T_ERROR:
        /* Kept as text ("#DIV/0!") so that the importer names the cell;
         * an error cell is never a number. */
        return jh__strdup(v[0] != '\0' ? v : "#VALUE!");
    default:
        return jh__strdup(v);
    }
}

static void
end_cell(sheet_ctx *c)
{
    char *text;

    c->in_cell = 0;
    if (c->text.len == 0)
        return; /* no value: a styled blank */
    text = cell_value(c);
    if (text == NULL) {
        if (c->base.status == JH_OK)
            jh__xml_fail(&c->base, JH_ERR_NOMEM, NULL, "内存不足",
                         "out of memory");
        return;
    }
    if (text[0] == '\0') {
        free(text);
        return;
    }
    if (c->ncells == c->cap) {
        size_t ncap = c->cap == 0 ? 32 : c->cap * 2;
        cell_entry *ne = realloc(c->cells, ncap * sizeof(*ne));
        if (ne == NULL) {
            free(text);
            jh__xml_fail(&c->base, JH_ERR_NOMEM, NULL, "内存不足",
                         "out of memory");
            return;
        }
        c->cells = ne;
        c->cap = ncap;
    }
    c->cells[c->ncells].col = c->col - 1;
    c->cells[c->ncells].text = text;
    c->ncells++;
}

static void XMLCALL
sheet_start(void *data, const XML_Char *name, const XML_Char **atts)
{
    sheet_ctx *c = data;
    const char *ln = jh__xml_local_name(name);

    if (!c->in_data) {
        if (strcmp(ln, "sheetData") == 0)
            c->in_data = 1;
        return;
    }
    if (strcmp(ln, "row") == 0)
        start_row(c, atts);
    else if (strcmp(ln, "c") == 0)
        start_cell(c, atts);
    else if (!c->in_cell)
        return;
    else if (strcmp(ln, "v") == 0) {
        /* A cell with several <v> reads as its last, as LibreOffice and
         * Excel show it, never as their texts joined. */
        c->in_v = 1;
        if (c->type != T_INLINE)
            jh__sbuf_clear(&c->text);
    } else if (strcmp(ln, "is") == 0)
        c->in_is = 1;
    else if (strcmp(ln, "rPh") == 0)
        c->in_rph++;
    else if (strcmp(ln, "t") == 0 && c->in_is && c->in_rph == 0)
        c->in_t = 1;
}

static void XMLCALL
sheet_end(void *data, const XML_Char *name)
{
    sheet_ctx *c = data;
    const char *ln = jh__xml_local_name(name);

    if (!c->in_data)
        return;
    if (strcmp(ln, "sheetData") == 0) {
        c->in_data = 0;
    } else if (strcmp(ln, "row") == 0) {
        flush_row(c);
    } else if (strcmp(ln, "c") == 0) {
        if (c->in_cell)
            end_cell(c);
    } else if (strcmp(ln, "v") == 0) {
        c->in_v = 0;
    } else if (strcmp(ln, "is") == 0) {
        c->in_is = 0;
    } else if (strcmp(ln, "rPh") == 0) {
        if (c->in_rph > 0)
            c->in_rph--;
    } else if (strcmp(ln, "t") == 0) {
        c->in_t = 0;
    }
}

static void XMLCALL
sheet_text(void *data, const XML_Char *s, int len)
{
    sheet_ctx *c = data;
    char where[64];

    if (!c->in_cell || len <= 0)
        return;
    /* The cached value of a formula cell is its <v>; <f> is ignored.  An
     * inline string (t="inlineStr") is its <is> text only, a stray <v>
     * ignored; any other cell is its <v> only. */
    if (c->type == T_INLINE ? !(c->in_is && c->in_t && c->in_rph == 0)
                            : !c->in_v)
        return;
    if (c->text.len + (size_t)len > c->base.x->lim.max_cell_bytes) {
        jh__xml_fail(&c->base, JH_ERR_DATA,
                     cell_ref(c, c->col, c->row, where, sizeof(where)),
                     "单元格超过 %zu 字节，不予读取；"
                     "请缩短该单元格",
                     "the cell is longer than %zu bytes",
                     c->base.x->lim.max_cell_bytes);
        return;
    }
    if (!jh__sbuf_add(&c->text, s, (size_t)len))
        jh__xml_fail(&c->base, JH_ERR_NOMEM, NULL, "内存不足", "out of memory");
}

/* Put @p open, the sheet name, @p close before the text in @p buf (a
 * message of jh_error, of @p size), cut to fit as snprintf would. */
static void
prefix_sheet(char *buf, size_t size, const char *open, const char *sheet,
             const char *close)
{
    char msg[sizeof(((jh_error *)NULL)->message_zh) + 320];
    size_t n;

    snprintf(msg, sizeof(msg), "%s%.300s%s%s", open, sheet, close, buf);
    n = strlen(msg);
    if (n >= size)
        n = size - 1;
    memcpy(buf, msg, n);
    buf[n] = '\0';
}

jh_status
jh_xlsx_read_sheet(jh_xlsx *x, size_t index, jh_table **out, jh_error *err)
{
    sheet_ctx c;
    jh_status st;

    if (index >= x->nsheets)
        return jh_error_set2(err, JH_ERR_NOTFOUND, x->path, 0, 0,
                             "工作簿中没有第 %zu 个工作表",
                             "the workbook has no sheet %zu", index + 1);
    st = load_sst(x, err);
    if (st != JH_OK)
        return st;
    memset(&c, 0, sizeof(c));
    c.sheet = x->sheets[index].name;
    if (jh_table_new(&c.table, x->path, c.sheet) != JH_OK ||
        jh__xml_parser_new(&c.base, sheet_start, sheet_end, sheet_text) == NULL) {
        jh_table_free(c.table);
        return jh_error_set2(err, JH_ERR_NOMEM, x->path, 0, 0, "内存不足",
                             "out of memory");
    }
    c.table->encoding = "UTF-8";
    st = jh__xlsx_parse_entry(x, x->sheets[index].part, &c.base, err);
    XML_ParserFree(c.base.parser);
    drop_row_cells(&c);
    free(c.cells);
    free(c.text.s);
    if (st == JH_ERR_NOTFOUND)
        st = jh_error_set2(
            err, JH_ERR_PARSE, x->path, 0, 0,
            "工作簿中缺少工作表“%s”（没有“%s”这一项），工作簿已损坏；"
            "请用 Excel 或 WPS 打开后另存为 .xlsx",
            "sheet '%s' is missing from the workbook (no "
            "entry '%s')",
            c.sheet, x->sheets[index].part);
    if (st != JH_OK && err != NULL && err->cell[0] == '\0' &&
        st != JH_ERR_NOMEM && strncmp(err->message, "sheet '", 7) != 0) {
        /* Name the sheet as the user knows it, not only its entry. */
        prefix_sheet(err->message, sizeof(err->message), "sheet '", c.sheet,
                     "': ");
        if (err->message_zh[0] != '\0')
            prefix_sheet(err->message_zh, sizeof(err->message_zh), "工作表“",
                         c.sheet, "”：");
    }
    if (st != JH_OK) {
        jh_table_free(c.table);
        return st;
    }
    *out = c.table;
    return JH_OK;
}

/* ---- opening ----------------------------------------------------------- */

/* Finish opening: limits, names, the package.  Frees @p x on failure. */
static jh_status
finish_open(jh_xlsx **out, jh_xlsx *x, const char *name,
            const jh_xlsx_limits *limits, jh_error *err)
{
    jh_status st;

    x->lim = default_limits;
    if (limits != NULL) {
        if (limits->max_entry_bytes > 0)
            x->lim.max_entry_bytes = limits->max_entry_bytes;
        if (limits->max_total_bytes > 0)
            x->lim.max_total_bytes = limits->max_total_bytes;
        if (limits->max_rows > 0)
            x->lim.max_rows = limits->max_rows;
        if (limits->max_columns > 0)
            x->lim.max_columns = limits->max_columns;
        if (limits->max_cells > 0)
            x->lim.max_cells = limits->max_cells;
        if (limits->max_cell_bytes > 0)
            x->lim.max_cell_bytes = limits->max_cell_bytes;
    }
    (void)name;
    st = jh__xlsx_read_package(x, err);
    if (st != JH_OK) {
        jh_xlsx_free(x);
        return st;
    }
    if (x->nsheets == 0) {
        st = jh_error_set2(err, JH_ERR_DATA, x->path, 0, 0,
                           "工作簿中没有工作表；"
                           "请确认选对了文件",
                           "the workbook has no sheets");
        jh_xlsx_free(x);
        return st;
    }
    *out = x;
    return JH_OK;
}

jh_status
jh_xlsx_open(jh_xlsx **out, const char *path, const jh_xlsx_limits *limits,
             jh_error *err)
{
    jh_xlsx *x;
    unsigned char magic[4] = {0};
    FILE *f;
    int code = 0;

    /* Open it ourselves first: a clear message for a missing file, and the
     * first bytes tell a truncated zip from a foreign file. */
    f = fopen(path, "rb");
    if (f == NULL)
        return jh_error_errno2(err, JH_ERR_IO, path, errno, "无法打开文件",
                               "cannot open");
    if (fread(magic, 1, sizeof(magic), f) != sizeof(magic))
        memset(magic, 0, sizeof(magic));
    fclose(f);
    x = calloc(1, sizeof(*x));
    if (x == NULL || (x->path = jh__strdup(path)) == NULL) {
        free(x);
        return jh_error_set2(err, JH_ERR_NOMEM, path, 0, 0, "内存不足",
                             "out of memory");
    }
    x->zip = zip_open(path, ZIP_RDONLY, &code);
    if (x->zip == NULL) {
        jh_status st =
            jh__zip_failure(path, code, memcmp(magic, "PK\3\4", 4) == 0, err);
        jh_xlsx_free(x);
        return st;
    }
    return finish_open(out, x, path, limits, err);
}

jh_status
jh_xlsx_open_buffer(jh_xlsx **out, const void *data, size_t len,
                    const char *name, const jh_xlsx_limits *limits,
                    jh_error *err)
{
    jh_xlsx *x;
    zip_error_t ze;
    zip_source_t *src;
    void *copy;

    if (name == NULL)
        name = "(memory)";
    if (len == 0) /* (libzip would not take over an empty buffer) */
        return jh_error_set2(err, JH_ERR_PARSE, name, 0, 0,
                             "不是 .xlsx 工作簿：文件是空的；"
                             "请确认选对了文件",
                             "not an .xlsx workbook: the file is empty");
    x = calloc(1, sizeof(*x));
    if (x == NULL || (x->path = jh__strdup(name)) == NULL) {
        free(x);
        return jh_error_set2(err, JH_ERR_NOMEM, name, 0, 0, "内存不足",
                             "out of memory");
    }
    copy = malloc(len > 0 ? len : 1);
    if (copy == NULL) {
        jh_xlsx_free(x);
        return jh_error_set2(err, JH_ERR_NOMEM, name, 0, 0, "内存不足",
                             "out of memory");
    }
    if (len > 0)
        memcpy(copy, data, len);
    zip_error_init(&ze);
    src = zip_source_buffer_create(copy, len, 1, &ze);
    if (src == NULL) {
        free(copy);
        zip_error_fini(&ze);
        jh_xlsx_free(x);
        return jh_error_set2(err, JH_ERR_NOMEM, name, 0, 0, "内存不足",
                             "out of memory");
    }
    x->zip = zip_open_from_source(src, ZIP_RDONLY, &ze);
    if (x->zip == NULL) {
        jh_status st =
            jh__zip_failure(name, zip_error_code_zip(&ze),
                        len >= 4 && memcmp(data, "PK\3\4", 4) == 0, err);
        zip_source_free(src);
        zip_error_fini(&ze);
        jh_xlsx_free(x);
        return st;
    }
    zip_error_fini(&ze);
    return finish_open(out, x, name, limits, err);
}

