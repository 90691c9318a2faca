/* junheng - legacy .xls workbooks through FreeXL. */
#include "junheng/xls.h"

#include <errno.h>
#include <freexl.h>
#include <signal.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/*
 * The child's address space is capped: FreeXL believes the sizes a damaged
 * file declares and asks for gigabytes (fuzzing found 2.8 GB requests).
 * With the cap such a request fails and FreeXL reports an error instead of
 * the child taking the machine's memory.  Sanitizers reserve terabytes of
 * shadow memory, so their builds go without the cap.
 */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define XLS_CAP_CHILD 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer) ||    \
    __has_feature(thread_sanitizer)
#define XLS_CAP_CHILD 0
#endif
#endif
#ifndef XLS_CAP_CHILD
#define XLS_CAP_CHILD 1
#endif
/* Far above what the largest .xls (65,536 rows × 256 columns) needs. */
#define XLS_CHILD_ADDRESS_SPACE ((rlim_t)2 << 30)

struct jh_xls {
    const void *handle; /* FreeXL handle (in the reading child only) */
    char *path;
    char **names; /* sheet names, UTF-8 */
    size_t nsheets;
    jh_table **tables; /* every sheet, read by the child (parent only) */
};

size_t
jh_xls_sheet_count(const jh_xls *x)
{
    return x->nsheets;
}

const char *
jh_xls_sheet_name(const jh_xls *x, size_t index)
{
    return index < x->nsheets ? x->names[index] : NULL;
}

void
jh_xls_free(jh_xls *x)
{
    if (x == NULL)
        return;
    if (x->handle != NULL)
        freexl_close(x->handle);
    for (size_t i = 0; i < x->nsheets; i++) {
        free(x->names[i]);
        if (x->tables != NULL)
            jh_table_free(x->tables[i]);
    }
    free(x->tables);
    free(x->names);
    free(x->path);
    free(x);
}

/* A one-line reason for a FreeXL error code, in Chinese and in English. */
typedef struct freexl_why {
    const char *zh, *en;
} freexl_why;

static freexl_why
freexl_reason(int code)
{
    switch (code) {
    case FREEXL_FILE_NOT_FOUND:
        return (freexl_why){"无法打开该文件", "the file cannot be opened"};
    case FREEXL_INSUFFICIENT_MEMORY:
        /* Under the child's cap this is a damaged file declaring a
         * huge size (or a workbook too large: .xlsx has no such limit). */
        return (freexl_why){
            "工作簿已损坏，或所需内存超过 junheng 给 .xls 读取程序的上限"
            "（2 GiB）；请另存为 .xlsx",
            "the workbook is damaged, or needs more memory than junheng "
            "gives a .xls reader (2 GiB; save it as .xlsx)"};
    case FREEXL_INVALID_CFBF_HEADER:
    case FREEXL_CFBF_INVALID_SIGNATURE:
        return (freexl_why){
            "不是 .xls 工作簿（没有 OLE2 复合文件头）；请确认选对了文件",
            "not an .xls workbook (no OLE2 compound-file header)"};
    case FREEXL_BIFF_WORKBOOK_NOT_FOUND:
        /* An encrypted .xlsx is an OLE2 file without a workbook stream. */
        return (freexl_why){
            "文件中没有 Excel 工作簿（加了密码的工作簿也是这样）；"
            "请用 Excel 或 WPS 打开，取消密码后另存为 .xlsx",
            "the file holds no Excel workbook stream"};
    case FREEXL_BIFF_INVALID_BOF:
    case FREEXL_BIFF_INVALID_SST:
    case FREEXL_BIFF_ILLEGAL_SST_INDEX:
    case FREEXL_CFBF_READ_ERROR:
    case FREEXL_CFBF_SEEK_ERROR:
    case FREEXL_CFBF_EMPTY_FAT_CHAIN:
    case FREEXL_CFBF_ILLEGAL_FAT_ENTRY:
    case FREEXL_INVALID_MINI_STREAM:
    case FREEXL_CFBF_ILLEGAL_MINI_FAT_ENTRY:
    case FREEXL_CRAFTED_FILE:
        return (freexl_why){"工作簿已损坏或不完整；"
                            "请用 Excel 或 WPS 打开后另存为 .xlsx",
                            "the workbook is damaged or truncated"};
    case FREEXL_INVALID_CHARACTER:
    case FREEXL_UNSUPPORTED_CHARSET:
        return (freexl_why){"工作簿中的文字无法转换为 UTF-8；"
                            "请用 Excel 或 WPS 打开后另存为 .xlsx",
                            "the workbook's text cannot be converted to "
                            "UTF-8"};
    default:
        return (freexl_why){"无法读取该工作簿；"
                            "请用 Excel 或 WPS 打开后另存为 .xlsx",
                            "the workbook cannot be read"};
    }
}

static jh_status
freexl_failure(const char *path, int code, jh_error *err)
{
    jh_status st = code == FREEXL_FILE_NOT_FOUND ? JH_ERR_IO : JH_ERR_PARSE;
    freexl_why why = freexl_reason(code);

    /* Each text takes its own reason and skips the other one's (%.0s). */
    return jh_error_set2(err, st, path, 0, 0, "%s%.0s（FreeXL 错误 %d）",
                         "%.0s%s (FreeXL error %d)", why.zh, why.en, code);
}

/*
 * Whether the compound file at @p path is an encrypted .xlsx workbook (one
 * with a password to open: Excel and WPS store it as an OLE2 file holding
 * an "EncryptedPackage" stream, MS-OFFCRYPTO 2.3.4.4).  Looks for that
 * name, UTF-16LE, at the start of a 128-byte directory entry.
 */
static bool
is_encrypted_xlsx(const char *path)
{
    static const char name[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0"
                               "P\0a\0c\0k\0a\0g\0e\0\0";
    char entry[128];
    bool found = false;
    FILE *f = fopen(path, "rb");

    if (f == NULL)
        return false;
    while (!found && fread(entry, 1, sizeof(entry), f) == sizeof(entry))
        found = memcmp(entry, name, sizeof(name)) == 0;
    fclose(f);
    return found;
}

static jh_status
direct_open(jh_xls **out, const char *path, jh_error *err)
{
    jh_xls *x = calloc(1, sizeof(*x));
    unsigned int count = 0, password = 0;
    FILE *f;
    int rc;

    if (x == NULL || (x->path = jh__strdup(path)) == NULL) {
        free(x);
        return jh_error_set2(err, JH_ERR_NOMEM, path, 0, 0, "内存不足",
                             "out of memory");
    }
    /* FreeXL says "not found" for any open failure: ask the system. */
    f = fopen(path, "rb");
    if (f == NULL) {
        jh_xls_free(x);
        return jh_error_errno2(err, JH_ERR_IO, path, errno, "无法打开文件",
                               "cannot open");
    }
    fclose(f);
    rc = freexl_open(path, &x->handle);
    if (rc == FREEXL_BIFF_WORKBOOK_NOT_FOUND && is_encrypted_xlsx(path)) {
        x->handle = NULL; /* FreeXL frees it on failure */
        jh_xls_free(x);
        return jh_error_set2(err, JH_ERR_DATA, path, 0, 0,
                             "工作簿设有打开密码（已加密），无法读取；"
                             "请用 Excel 或 WPS 打开，取消密码后另存为 .xlsx",
                             "the workbook is encrypted with a password: save "
                             "an unprotected copy as .xlsx");
    }
    if (rc != FREEXL_OK) {
        jh_status st = freexl_failure(path, rc, err);
        x->handle = NULL; /* FreeXL frees it on failure */
        jh_xls_free(x);
        return st;
    }
    rc = freexl_get_info(x->handle, FREEXL_BIFF_PASSWORD, &password);
    if (rc == FREEXL_OK && password == FREEXL_BIFF_OBFUSCATED) {
        jh_xls_free(x);
        return jh_error_set2(err, JH_ERR_DATA, path, 0, 0,
                             "工作簿设有密码保护；"
                             "请用 Excel 或 WPS 打开，取消密码后另存一份再读取",
                             "the workbook is password-protected: save an "
                             "unprotected copy");
    }
    rc = freexl_get_info(x->handle, FREEXL_BIFF_SHEET_COUNT, &count);
    if (rc != FREEXL_OK) {
        jh_status st = freexl_failure(path, rc, err);
        jh_xls_free(x);
        return st;
    }
    if (count == 0) {
        jh_xls_free(x);
        return jh_error_set2(err, JH_ERR_DATA, path, 0, 0,
                             "工作簿中没有工作表；"
                             "请确认选对了文件",
                             "the workbook has no sheets");
    }
    x->names = calloc(count, sizeof(*x->names));
    if (x->names == NULL) {
        jh_xls_free(x);
        return jh_error_set2(err, JH_ERR_NOMEM, path, 0, 0, "内存不足",
                             "out of memory");
    }
    for (unsigned int i = 0; i < count && i <= 0xFFFFu; i++) {
        const char *name = NULL;
        rc = freexl_get_worksheet_name(x->handle, (unsigned short)i, &name);
        if (rc != FREEXL_OK) {
            jh_status st = freexl_failure(path, rc, err);
            jh_xls_free(x);
            return st;
        }
        x->names[i] =
            name != NULL ? jh__strdup(name) : jh__asprintf("Sheet%u", i + 1);
        x->nsheets++;
        if (x->names[i] == NULL) {
            jh_xls_free(x);
            return jh_error_set2(err, JH_ERR_NOMEM, path, 0, 0, "内存不足",
                                 "out of memory");
        }
    }
    *out = x;
    return JH_OK;
}

/* The C locale, so that numbers never get a decimal comma. */
static locale_t
c_numeric(void)
{
    static locale_t loc = (locale_t)0;
    if (loc == (locale_t)0)
        loc = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
    return loc;
}

/* Write @p v with the fewest significant digits that read back exactly. */
static void
format_double(double v, char *buf, size_t size)
{
    locale_t old = uselocale(c_numeric());

    for (int digits = 15; digits <= 17; digits++) {
        snprintf(buf, size, "%.*g", digits, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    uselocale(old);
}

/* The text of one cell (malloc'd; "" for blanks), or NULL out of memory.
 * *too_long is set when text is longer than JH_XLS_MAX_CELL. */
static char *
cell_text(const FreeXL_CellValue *v, bool *too_long)
{
    char buf[64];

    *too_long = false;
    switch (v->type) {
    case FREEXL_CELL_INT:
        snprintf(buf, sizeof(buf), "%d", v->value.int_value);
        return jh__strdup(buf);
    case FREEXL_CELL_DOUBLE:
        format_double(v->value.double_value, buf, sizeof(buf));
        return jh__strdup(buf);
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_DATETIME:
    case FREEXL_CELL_TIME:
        if (v->value.text_value == NULL)
            return jh__strdup("");
        if (strlen(v->value.text_value) > JH_XLS_MAX_CELL) {
            *too_long = true;
            return NULL;
        }
        return jh__strdup(v->value.text_value);
    default:
        return jh__strdup("");
    }
}

static void
free_cells(char **cells, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(cells[i]);
    free(cells);
}

static jh_status
direct_read_sheet(jh_xls *x, size_t index, jh_table **out, jh_error *err)
{
    jh_table *t = NULL;
    unsigned int rows = 0;
    unsigned short cols = 0;
    size_t kept = 0;
    int rc;

    if (index >= x->nsheets)
        return jh_error_set2(err, JH_ERR_NOTFOUND, x->path, 0, 0,
                             "工作簿中没有第 %zu 个工作表",
                             "the workbook has no sheet %zu", index + 1);
    rc = freexl_select_active_worksheet(x->handle, (unsigned short)index);
    if (rc == FREEXL_OK)
        rc = freexl_worksheet_dimensions(x->handle, &rows, &cols);
    if (rc != FREEXL_OK)
        return freexl_failure(x->path, rc, err);
    if (jh_table_new(&t, x->path, x->names[index]) != JH_OK)
        return jh_error_set2(err, JH_ERR_NOMEM, x->path, 0, 0, "内存不足",
                             "out of memory");
    t->encoding = "UTF-8";
    for (unsigned int r = 0; r < rows; r++) {
        char **cells = calloc(cols + 1u, sizeof(*cells));
        size_t width = 0;

        if (cells == NULL)
            goto nomem;
        for (unsigned short c = 0; c < cols; c++) {
            FreeXL_CellValue v;
            bool too_long = false;

            rc = freexl_get_cell_value(x->handle, r, c, &v);
            if (rc != FREEXL_OK) {
                free_cells(cells, cols);
                jh_table_free(t);
                return freexl_failure(x->path, rc, err);
            }
            cells[c] = cell_text(&v, &too_long);
            if (too_long) {
                char letters[16];
                free_cells(cells, cols);
                jh_error_set2(
                    err, JH_ERR_DATA, x->path, (long)r + 1, (long)c + 1,
                    "单元格超过 %zu 字节，不予读取；"
                    "请缩短该单元格",
                    "the cell is longer than %zu bytes", JH_XLS_MAX_CELL);
                if (err != NULL)
                    snprintf(err->cell, sizeof(err->cell), "%s!%s%u",
                             x->names[index],
                             jh_column_letters((long)c + 1, letters,
                                               sizeof(letters)),
                             r + 1);
                jh_table_free(t);
                return JH_ERR_DATA;
            }
            if (cells[c] == NULL) {
                free_cells(cells, cols);
                goto nomem;
            }
            if (cells[c][0] != '\0')
                width = (size_t)c + 1;
        }
        /* Keep the row up to its last value, like the .xlsx reader. */
        for (size_t c = width; c < cols; c++) {
            free(cells[c]);
            cells[c] = NULL;
        }
        if (width == 0) {
            free(cells);
            continue;
        }
        kept += width;
        if (kept > JH_XLS_MAX_CELLS) {
            free_cells(cells, width);
            jh_table_free(t);
            return jh_error_set2(err, JH_ERR_DATA, x->path, 0, 0,
                                 "工作表“%s”超过 %zu 个单元格，不予读取；"
                                 "请删去多余的行和列，或把数据复制到新的工作表",
                                 "sheet '%s' has more than %zu cells: "
                                 "refusing it",
                                 x->names[index], JH_XLS_MAX_CELLS);
        }
        if (jh_table_append(t, cells, width, (long)r + 1) != JH_OK)
            goto nomem;
    }
    *out = t;
    return JH_OK;

nomem:
    jh_table_free(t);
    return jh_error_set2(err, JH_ERR_NOMEM, x->path, 0, 0, "内存不足",
                         "out of memory");
}

/* ---------------------------------------------------------------------- */
/* Reading in a child process                                              */
/*
 * FreeXL 1.0.6 reads out of bounds on some damaged files (fuzzing found a
 * stack-buffer underflow inside its UTF-16 conversion; see
 * tests/fuzz/regressions/xls/).  So the workbook is read by a child
 * process: whatever FreeXL does there, the parent gets either the sheets or
 * one clear error, never a crash.  The child writes records to a pipe:
 *   'S' name                      a sheet starts
 *   'R' line ncells, then ncells 'C' text records
 *   'E' status message            an error (and the end)
 *   'Z'                           the end
 * each as a type byte, a 32-bit length and the bytes.
 */

#define REC_MAX ((size_t)JH_XLS_MAX_CELL + 64)

static bool
put_record(FILE *f, char type, const void *data, uint32_t len)
{
    return fputc(type, f) != EOF && fwrite(&len, sizeof(len), 1, f) == 1 &&
           (len == 0 || fwrite(data, 1, len, f) == len);
}

static bool
put_text(FILE *f, char type, const char *text)
{
    return put_record(f, type, text, (uint32_t)strlen(text));
}

/* The child: read everything with FreeXL and stream it out. */
static int
child_read(const char *path, FILE *f)
{
    jh_xls *x = NULL;
    jh_error err;
    jh_status st;

    jh_error_clear(&err);
    st = direct_open(&x, path, &err);
    for (size_t i = 0; st == JH_OK && i < x->nsheets; i++) {
        jh_table *t = NULL;
        if (!put_text(f, 'S', x->names[i]))
            return 1;
        st = direct_read_sheet(x, i, &t, &err);
        for (size_t r = 0; st == JH_OK && r < t->nrows; r++) {
            int64_t head[2] = {t->rows[r].line, (int64_t)t->rows[r].ncells};
            if (!put_record(f, 'R', head, sizeof(head)))
                return 1;
            for (size_t c = 0; c < t->rows[r].ncells; c++) {
                if (!put_text(f, 'C', t->rows[r].cells[c]))
                    return 1;
            }
        }
        jh_table_free(t);
    }
    if (st != JH_OK) {
        char buf[sizeof(err) + 16];
        int32_t code = (int32_t)st;
        memcpy(buf, &code, sizeof(code));
        memcpy(buf + sizeof(code), &err, sizeof(err));
        put_record(f, 'E', buf, (uint32_t)(sizeof(code) + sizeof(err)));
    } else {
        put_record(f, 'Z', "", 0);
    }
    jh_xls_free(x);
    return fflush(f) == 0 ? 0 : 1;
}

/* Read one record; false at the end of the stream or on a bad record. */
static bool
get_record(FILE *f, char *type, char **data, uint32_t *len)
{
    int c = fgetc(f);

    if (c == EOF || fread(len, sizeof(*len), 1, f) != 1 || *len > REC_MAX)
        return false;
    *type = (char)c;
    *data = malloc(*len + 1u);
    if (*data == NULL)
        return false;
    if (*len > 0 && fread(*data, 1, *len, f) != *len) {
        free(*data);
        return false;
    }
    (*data)[*len] = '\0';
    return true;
}

/* The parent: rebuild the sheets from the child's records. */
static jh_status
parent_read(jh_xls *x, FILE *f, bool *complete, jh_error *err)
{
    jh_table *cur = NULL;
    char type, *data = NULL;
    uint32_t len;

    *complete = false;
    while (get_record(f, &type, &data, &len)) {
        if (type == 'S') {
            char **names = realloc(x->names, (x->nsheets + 1) * sizeof(*names));
            jh_table **tables =
                names != NULL
                    ? realloc(x->tables, (x->nsheets + 1) * sizeof(*tables))
                    : NULL;
            if (names != NULL)
                x->names = names;
            if (tables == NULL)
                goto nomem;
            x->tables = tables;
            x->tables[x->nsheets] = NULL;
            x->names[x->nsheets] = data;
            data = NULL;
            x->nsheets++;
            if (jh_table_new(&x->tables[x->nsheets - 1], x->path,
                             x->names[x->nsheets - 1]) != JH_OK)
                goto nomem;
            cur = x->tables[x->nsheets - 1];
            cur->encoding = "UTF-8";
        } else if (type == 'R' && cur != NULL && len == 2 * sizeof(int64_t)) {
            int64_t head[2];
            char **cells;
            memcpy(head, data, sizeof(head));
            if (head[1] < 0 || (uint64_t)head[1] > JH_XLS_MAX_CELLS)
                break;
            cells = calloc((size_t)head[1] + 1, sizeof(*cells));
            if (cells == NULL)
                goto nomem;
            for (int64_t i = 0; i < head[1]; i++) {
                free(data);
                data = NULL;
                if (!get_record(f, &type, &data, &len) || type != 'C') {
                    for (int64_t k = 0; k < i; k++)
                        free(cells[k]);
                    free(cells);
                    goto broken;
                }
                cells[i] = data;
                data = NULL;
            }
            if (jh_table_append(cur, cells, (size_t)head[1], (long)head[0]) !=
                JH_OK)
                goto nomem;
        } else if (type == 'E' && len >= sizeof(int32_t) + sizeof(jh_error)) {
            int32_t code;
            memcpy(&code, data, sizeof(code));
            if (err != NULL)
                memcpy(err, data + sizeof(code), sizeof(*err));
            free(data);
            *complete = true;
            return (jh_status)code;
        } else if (type == 'Z') {
            free(data);
            *complete = true;
            return JH_OK;
        } else {
            break;
        }
        free(data);
        data = NULL;
    }
broken:
    free(data);
    return JH_OK; /* incomplete: the caller reports why */
nomem:
    free(data);
    return jh_error_set2(err, JH_ERR_NOMEM, x->path, 0, 0, "内存不足",
                         "out of memory");
}

jh_status
jh_xls_open(jh_xls **out, const char *path, jh_error *err)
{
    jh_xls *x;
    int fds[2];
    pid_t pid;
    FILE *f;
    jh_status st;
    bool complete = false;
    int status = 0;

    f = fopen(path, "rb");
    if (f == NULL)
        return jh_error_errno2(err, JH_ERR_IO, path, errno, "无法打开文件",
                               "cannot open");
    fclose(f);
    x = calloc(1, sizeof(*x));
    if (x == NULL || (x->path = jh__strdup(path)) == NULL) {
        free(x);
        return jh_error_set2(err, JH_ERR_NOMEM, path, 0, 0, "内存不足",
                             "out of memory");
    }
    if (pipe(fds) != 0) {
        jh_xls_free(x);
        return jh_error_errno2(err, JH_ERR_IO, path, errno, "无法读取文件",
                               "cannot read");
    }
    pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        jh_xls_free(x);
        return jh_error_errno2(err, JH_ERR_IO, path, errno, "无法读取文件",
                               "cannot read");
    }
    if (pid == 0) {
        FILE *w;
#if XLS_CAP_CHILD
        struct rlimit cap = {XLS_CHILD_ADDRESS_SPACE, XLS_CHILD_ADDRESS_SPACE};
        (void)setrlimit(RLIMIT_AS, &cap);
#endif
        close(fds[0]);
        w = fdopen(fds[1], "wb");
        _exit(w != NULL ? child_read(path, w) : 1);
    }
    close(fds[1]);
    f = fdopen(fds[0], "rb");
    if (f == NULL) {
        close(fds[0]);
        st = jh_error_set2(err, JH_ERR_NOMEM, path, 0, 0, "内存不足",
                           "out of memory");
    } else {
        st = parent_read(x, f, &complete, err);
        fclose(f); /* a child still writing gets SIGPIPE */
    }
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (st == JH_OK && !complete)
        st = jh_error_set2(
            err, JH_ERR_PARSE, path, 0, 0,
            "该 .xls 文件已损坏：读取程序（FreeXL）读它时%s%.0s中途停止；"
            "请用 Excel 或 WPS 打开后另存为 .xlsx",
            "the .xls file is damaged: the reader (FreeXL) stopped on "
            "it%.0s%s; "
            "open it in Excel or WPS and save it as .xlsx",
            WIFSIGNALED(status) ? "崩溃、" : "",
            WIFSIGNALED(status) ? " with a crash" : "");
    if (st != JH_OK) {
        jh_xls_free(x);
        return st;
    }
    *out = x;
    return JH_OK;
}

jh_status
jh_xls_read_sheet(jh_xls *x, size_t index, jh_table **out, jh_error *err)
{
    const jh_table *src;
    jh_table *t = NULL;

    if (index >= x->nsheets || x->tables == NULL)
        return jh_error_set2(err, JH_ERR_NOTFOUND, x->path, 0, 0,
                             "工作簿中没有第 %zu 个工作表",
                             "the workbook has no sheet %zu", index + 1);
    src = x->tables[index];
    if (jh_table_new(&t, src->source, src->sheet) != JH_OK)
        return jh_error_set2(err, JH_ERR_NOMEM, x->path, 0, 0, "内存不足",
                             "out of memory");
    t->encoding = src->encoding;
    for (size_t r = 0; r < src->nrows; r++) {
        const jh_table_row *row = &src->rows[r];
        size_t *lens = malloc((row->ncells + 1) * sizeof(*lens));
        jh_status st = lens != NULL ? JH_OK : JH_ERR_NOMEM;
        for (size_t c = 0; lens != NULL && c < row->ncells; c++)
            lens[c] = strlen(row->cells[c]);
        if (st == JH_OK)
            st = jh_table_append_copy(t, (const char *const *)row->cells,
                                      lens, row->ncells, row->line);
        free(lens);
        if (st != JH_OK) {
            jh_table_free(t);
            return jh_error_set2(err, JH_ERR_NOMEM, x->path, 0, 0, "内存不足",
                                 "out of memory");
        }
    }
    *out = t;
    return JH_OK;
}
