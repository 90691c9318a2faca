/* junheng - choosing the reader for a school file. */
#include "junheng/import.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "junheng/csv.h"
#include "junheng/table.h"
#include "junheng/xls.h"
#include "junheng/xlsx.h"
#include "util.h"

typedef enum file_kind { KIND_TEXT, KIND_XLSX, KIND_XLS } file_kind;

static bool
has_extension(const char *path, const char *ext)
{
    size_t n = strlen(path), e = strlen(ext);
    return n > e && strcasecmp(path + n - e, ext) == 0;
}

/*
 * The reader for @p path, by its first bytes: a zip archive is an .xlsx
 * workbook, an OLE2 compound file an .xls one, anything else text.  A
 * file named .xls or .xlsx that is text (a tab-separated export named
 * .xls, as some systems write) is read as text with a warning.  An
 * unreadable file is left to the reader, which reports it.
 */
static file_kind
detect_kind(const char *path, jh_diags *warn, bool *mismatch)
{
    static const unsigned char ole2[8] = {0xD0, 0xCF, 0x11, 0xE0,
                                          0xA1, 0xB1, 0x1A, 0xE1};
    unsigned char head[8] = {0};
    size_t n = 0;
    FILE *f = fopen(path, "rb");
    bool named_book = has_extension(path, ".xlsx") ||
                      has_extension(path, ".xlsm") ||
                      has_extension(path, ".xls");

    *mismatch = false;
    if (f != NULL) {
        n = fread(head, 1, sizeof(head), f);
        fclose(f);
    }
    if (n >= 4 && memcmp(head, "PK\3\4", 4) == 0)
        return KIND_XLSX;
    if (n == sizeof(ole2) && memcmp(head, ole2, sizeof(ole2)) == 0)
        return KIND_XLS;
    if (f == NULL || !named_book)
        return KIND_TEXT;
    /* Named like a workbook but neither zip nor OLE2.  A short zip-like
     * start is a damaged workbook: let the .xlsx reader say so. */
    if (n >= 2 && head[0] == 'P' && head[1] == 'K')
        return KIND_XLSX;
    *mismatch = true;
    (void)jh_diags_add2(warn, path, 0, 0, NULL, NULL,
                        "文件扩展名是表格文件，但内容不是（既非 zip 也非 "
                        "OLE2）：按文本读取",
                        "the file is named like a workbook but is not one "
                       "(neither zip nor OLE2): reading it as text");
    return KIND_TEXT;
}

/* An open workbook of either kind. */
typedef struct book {
    jh_xlsx *xlsx;
    jh_xls *xls;
} book;

static size_t
book_count(const book *b)
{
    return b->xlsx != NULL ? jh_xlsx_sheet_count(b->xlsx)
                           : jh_xls_sheet_count(b->xls);
}

static const char *
book_name(const book *b, size_t i)
{
    return b->xlsx != NULL ? jh_xlsx_sheet_name(b->xlsx, i)
                           : jh_xls_sheet_name(b->xls, i);
}

static bool
book_hidden(const book *b, size_t i)
{
    return b->xlsx != NULL && jh_xlsx_sheet_hidden(b->xlsx, i);
}

static jh_status
book_read(book *b, size_t i, jh_table **out, jh_error *err)
{
    return b->xlsx != NULL ? jh_xlsx_read_sheet(b->xlsx, i, out, err)
                           : jh_xls_read_sheet(b->xls, i, out, err);
}

/* "'学校数据', '说明'" into @p buf, shortened with "..." when long. */
static void
list_sheets(const book *b, char *buf, size_t size, const char *open,
            const char *close, const char *sep)
{
    size_t n = 0;

    buf[0] = '\0';
    for (size_t i = 0; i < book_count(b) && n + 1 < size; i++) {
        int w = snprintf(buf + n, size - n, "%s%s%s%s", i > 0 ? sep : "",
                         open, book_name(b, i), close);
        if (w < 0 || (size_t)w >= size - n) {
            if (size > 4)
                memcpy(buf + size - 4, "...", 4);
            return;
        }
        n += (size_t)w;
    }
}

/* Parse "3" as a 1-based sheet number; 0 when it is not one. */
static size_t
sheet_number(const char *s)
{
    size_t v = 0;

    if (*s == '\0' || strlen(s) > 6)
        return 0;
    for (; *s != '\0'; s++) {
        if (*s < '0' || *s > '9')
            return 0;
        v = v * 10 + (size_t)(*s - '0');
    }
    return v;
}

/*
 * Read the sheet the user asked for, or the first visible sheet with the
 * required columns in its first rows (falling back to the first visible
 * sheet, whose missing columns the importer will then name).
 */
static jh_status
pick_sheet(book *b, const char *path, const char *want, jh_table **out,
           jh_error *err)
{
    char names[400], names_zh[400];
    size_t first_visible = (size_t)-1;
    jh_status st;

    if (want != NULL) {
        size_t num = sheet_number(want);
        for (size_t i = 0; i < book_count(b); i++) {
            if (strcmp(book_name(b, i), want) == 0)
                return book_read(b, i, out, err);
        }
        if (num >= 1 && num <= book_count(b))
            return book_read(b, num - 1, out, err);
        list_sheets(b, names, sizeof(names), "'", "'", ", ");
        list_sheets(b, names_zh, sizeof(names_zh), "“", "”", "、");
        return jh_error_set2(err, JH_ERR_NOTFOUND, path, 0, 0,
                             "工作簿中没有工作表“%s”（现有工作表：%s%.0s）",
                             "the workbook has no sheet '%s' (its sheets: "
                             "%.0s%s)",
                             want, names_zh, names);
    }
    for (size_t i = 0; i < book_count(b); i++) {
        jh_table *t = NULL;
        size_t row, nrows;

        if (book_hidden(b, i))
            continue;
        if (first_visible == (size_t)-1)
            first_visible = i;
        st = book_read(b, i, &t, err);
        if (st != JH_OK)
            return st;
        if (jh_school_find_header(t, &row, &nrows) == JH_OK) {
            *out = t;
            return JH_OK;
        }
        jh_table_free(t);
    }
    if (first_visible == (size_t)-1)
        return jh_error_set2(err, JH_ERR_DATA, path, 0, 0,
                             "工作簿的工作表全部是隐藏的：请在 Excel 中"
                             "取消隐藏要读取的工作表",
                             "every sheet of the workbook is hidden");
    return book_read(b, first_visible, out, err);
}

/* Read one workbook sheet; the kind says which reader. */
static jh_status
read_workbook(jh_table **out, const char *path, file_kind kind,
              const jh_file_options *opts, jh_error *err)
{
    book b = {NULL, NULL};
    jh_status st;

    if (kind == KIND_XLSX)
        st = jh_xlsx_open(&b.xlsx, path, NULL, err);
    else
        st = jh_xls_open(&b.xls, path, err);
    if (st != JH_OK)
        return st;
    st = pick_sheet(&b, path, opts->sheet, out, err);
    jh_xlsx_free(b.xlsx);
    jh_xls_free(b.xls);
    return st;
}

/*
 * Read a pipe (`cat f | junheng analyze /dev/stdin`, `<(...)`): its bytes
 * can be read only once, so they are read whole (up to JH_CSV_MAX_FILE,
 * checked as they come) and the kind is told from them.  A .xls workbook
 * needs a file (FreeXL opens it by name): refused.
 */
static jh_status
read_pipe(jh_table **out, const char *path, const jh_file_options *opts,
          jh_error *err)
{
    static const unsigned char ole2[8] = {0xD0, 0xCF, 0x11, 0xE0,
                                          0xA1, 0xB1, 0x1A, 0xE1};
    jh_csv_options csv = {0};
    char *data = NULL;
    size_t len = 0;
    jh_status st = jh__read_file(path, JH_CSV_MAX_FILE, &data, &len, err);

    if (st != JH_OK)
        return st;
    if (len == 0) {
        free(data);
        return jh_error_set2(err, JH_ERR_DATA, path, 0, 0,
                             "没有可读的内容：管道是空的，或没有程序向它写入",
                             "nothing to read: the pipe is empty or has no "
                             "writer");
    }
    if (len >= 4 && memcmp(data, "PK\3\4", 4) == 0) {
        book b = {NULL, NULL};
        st = jh_xlsx_open_buffer(&b.xlsx, data, len, path, NULL, err);
        free(data);
        if (st != JH_OK)
            return st;
        st = pick_sheet(&b, path, opts->sheet, out, err);
        jh_xlsx_free(b.xlsx);
        return st;
    }
    if (len >= sizeof(ole2) && memcmp(data, ole2, sizeof(ole2)) == 0) {
        free(data);
        return jh_error_set2(err, JH_ERR_DATA, path, 0, 0,
                             "无法从管道读取 .xls 工作簿：请先保存为文件"
                             "（或另存为 .xlsx），再给出文件名",
                             "an .xls workbook cannot be read from a pipe: "
                             "save it to a file (or as .xlsx) and give its "
                             "name");
    }
    csv.encoding = opts->encoding;
    st = jh_csv_parse(out, data, len, path, &csv, err);
    free(data);
    return st;
}

jh_status
jh_import_table(jh_table **out, const char *path, const jh_file_options *opts,
                jh_diags *warn, jh_error *err)
{
    jh_file_options defaults = {0};
    jh_csv_options csv = {0};
    bool mismatch = false;
    file_kind kind;
    struct stat sb;

    if (opts == NULL)
        opts = &defaults;
    /* What the path is, before opening it: opening a FIFO would wait for
     * a writer, and peeking at a pipe would eat its first bytes. */
    if (stat(path, &sb) == 0) {
        jh_status st = jh__input_kind(path, &sb, err);
        if (st != JH_OK)
            return st;
        if (S_ISFIFO(sb.st_mode))
            return read_pipe(out, path, opts, err);
    }
    kind = detect_kind(path, warn, &mismatch);
    if (kind != KIND_TEXT)
        return read_workbook(out, path, kind, opts, err);
    if (opts->sheet != NULL &&
        jh_diags_add2(warn, path, 0, 0, NULL, NULL,
                      "文本文件没有工作表：忽略工作表“%s”",
                      "a text file has no sheets: sheet '%s' ignored",
                     opts->sheet) != JH_OK)
        return jh_error_set2(err, JH_ERR_NOMEM, path, 0, 0, "内存不足",
                             "out of memory");
    csv.encoding = opts->encoding;
    return jh_csv_read_file(out, path, &csv, err);
}

/*
 * FreeXL gives no formula results: in an .xls file a formula cell reads as
 * blank.  When enrollment or building columns, which every evaluated school
 * fills, have blank cells, say so once, naming the first.
 */
static jh_status
xls_formula_hint(const jh_county *c, jh_diags *warn)
{
    static const jh_quantity physical[] = {JH_Q_TEACHING_AREA, JH_Q_SPORTS_AREA,
                                           JH_Q_EQUIPMENT_VALUE,
                                           JH_Q_MULTIMEDIA_ROOMS};
    size_t blanks = 0;
    const jh_school *first = NULL;
    long first_col = -1;

    for (size_t i = 0; i < c->nschools; i++) {
        const jh_school *s = &c->schools[i];
        for (int l = 0; l < 3; l++) {
            if (c->columns.students[l] >= 0 && isnan(s->students[l])) {
                blanks++;
                if (first == NULL) {
                    first = s;
                    first_col = c->columns.students[l];
                }
            }
        }
        for (size_t k = 0; k < sizeof(physical) / sizeof(physical[0]); k++) {
            long col = c->columns.whole[physical[k]];
            if (col >= 0 && isnan(s->whole[physical[k]])) {
                blanks++;
                if (first == NULL) {
                    first = s;
                    first_col = col;
                }
            }
        }
    }
    if (blanks == 0)
        return JH_OK;
    {
        char letters[16], cell[320];
        snprintf(cell, sizeof(cell), "%s!%s%ld",
                 c->sheet != NULL ? c->sheet : "",
                 jh_column_letters(first_col + 1, letters, sizeof(letters)),
                 first->line);
        return jh_diags_add2(warn, c->source, first->line, first_col + 1, cell,
                             first->code,
                             "%zu个在校生数或校舍单元格为空；.xls 文件不保存"
                             "公式计算结果（读出为空）：如果这些单元格是公式，"
                             "请另存为 .xlsx",
                             "%zu enrollment or building cells are blank; an "
                            ".xls file gives no formula results (they read "
                            "as blank): if these cells hold formulas, save "
                            "the workbook as .xlsx",
                            blanks);
    }
}

/* The @p n names of @p names into @p buf, each between @p open and
 * @p close (cut to 80 bytes), @p sep between them. */
static void
name_list(char *buf, size_t size, const char *const *names, size_t n,
          const char *open, const char *close, const char *sep)
{
    size_t len = 0;

    buf[0] = '\0';
    for (size_t k = 0; k < n && len + 1 < size; k++) {
        int w = snprintf(buf + len, size - len, "%s%s%.80s%s",
                         k > 0 ? sep : "", open, names[k], close);
        if (w < 0)
            break;
        len += (size_t)w;
    }
}

/*
 * One county per file for the commands that analyze one: several values
 * in the 县区 column would be merged into one county of all their schools.
 * Refuse with the counties found (the first few, in file order) and the
 * way forward.
 */
static jh_status
one_county(const jh_county *c, const char *path, jh_error *err)
{
    enum { SHOWN = 4 };
    const char *seen[SHOWN];
    size_t nseen = 0, ncounties = 0;
    char list[400], list_zh[400];
    bool more;
    const char **all;

    all = malloc((c->nschools + 1) * sizeof(*all));
    if (all == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, path, 0, 0, "内存不足",
                             "out of memory");
    for (size_t i = 0; i < c->nschools; i++) {
        const char *name = c->schools[i].county;
        bool known = false;
        if (name == NULL)
            continue;
        for (size_t k = 0; k < ncounties && !known; k++)
            known = strcmp(all[k], name) == 0;
        if (known)
            continue;
        all[ncounties++] = name;
        if (nseen < SHOWN)
            seen[nseen++] = name;
        if (ncounties > 1000)
            break; /* enough to say so */
    }
    free(all);
    if (ncounties <= 1)
        return JH_OK;
    name_list(list, sizeof(list), seen, nseen, "'", "'", ", ");
    name_list(list_zh, sizeof(list_zh), seen, nseen, "“", "”", "、");
    more = ncounties > nseen;
    /* Each format skips the other language's words with %.0s. */
    return jh_error_set2(
        err, JH_ERR_DATA, path, 0, 0,
        "“县区”列中有%s%.0s %zu 个县（区）（%s%.0s%s%.0s）：一次只能分析"
        "一个县（区）；请用 junheng batch %s 一次分析全部，或按县（区）"
        "拆分文件",
        "the 县区 column names %.0s%s%zu counties (%.0s%s%.0s%s): one "
        "county is analyzed at a time; use 'junheng batch "
        "%s' for all of them, or split the file by county",
        ncounties > 1000 ? "超过" : "", ncounties > 1000 ? "more than " : "",
        ncounties > 1000 ? (size_t)1000 : ncounties, list_zh, list,
        more ? "……" : "", more ? ", ..." : "", path);
}

jh_status
jh_import_file(jh_county **county, jh_table **table, const char *path,
               const jh_file_options *fopts, const jh_import_options *iopts,
               jh_diags *warn, jh_error *err)
{
    jh_import_options io = {0};
    jh_table *t = NULL;
    bool mismatch = false;
    jh_status st;

    if (iopts != NULL)
        io = *iopts;
    io.find_header = true;
    st = jh_import_table(&t, path, fopts, warn, err);
    if (st != JH_OK)
        return st;
    st = jh_county_from_table(county, t, &io, warn, err);
    if (st == JH_OK) {
        st = one_county(*county, path, err);
        if (st != JH_OK) {
            jh_county_free(*county);
            *county = NULL;
        }
    }
    if (st == JH_OK && t->sheet != NULL &&
        detect_kind(path, NULL, &mismatch) == KIND_XLS) {
        st = xls_formula_hint(*county, warn);
        if (st != JH_OK) {
            jh_county_free(*county);
            *county = NULL;
            st = jh_error_set2(err, st, path, 0, 0, "内存不足",
                               "out of memory");
        }
    }
    if (st == JH_OK && table != NULL)
        *table = t;
    else
        jh_table_free(t);
    return st;
}

jh_status
jh_import_county(jh_county **out, const char *path, const jh_file_options *opts,
                 jh_diags *warn, jh_error *err)
{
    return jh_import_file(out, NULL, path, opts, NULL, warn, err);
}
