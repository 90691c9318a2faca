/* junheng - legacy .xls workbooks through FreeXL. */
#include "junheng/xls.h"

#include <errno.h>
#include <freexl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct jh_xls {
    const void *handle; /* FreeXL handle */
    char *path;
    char **names; /* sheet names, UTF-8 */
    size_t nsheets;
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
    for (size_t i = 0; i < x->nsheets; i++)
        free(x->names[i]);
    free(x->names);
    free(x->path);
    free(x);
}

/* A one-line reason for a FreeXL error code. */
static const char *
freexl_reason(int code)
{
    switch (code) {
    case FREEXL_FILE_NOT_FOUND:
        return "the file cannot be opened";
    case FREEXL_INSUFFICIENT_MEMORY:
        return "out of memory";
    case FREEXL_INVALID_CFBF_HEADER:
    case FREEXL_CFBF_INVALID_SIGNATURE:
        return "not an .xls workbook (no OLE2 compound-file header)";
    case FREEXL_BIFF_WORKBOOK_NOT_FOUND:
        return "the file holds no Excel workbook stream";
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
        return "the workbook is damaged or truncated";
    case FREEXL_INVALID_CHARACTER:
    case FREEXL_UNSUPPORTED_CHARSET:
        return "the workbook's text cannot be converted to UTF-8";
    default:
        return "the workbook cannot be read";
    }
}

static jh_status
freexl_failure(const char *path, int code, jh_error *err)
{
    jh_status st = code == FREEXL_INSUFFICIENT_MEMORY ? JH_ERR_NOMEM
                   : code == FREEXL_FILE_NOT_FOUND    ? JH_ERR_IO
                                                      : JH_ERR_PARSE;
    return jh_error_set(err, st, path, 0, 0, "%s (FreeXL error %d)",
                        freexl_reason(code), code);
}

jh_status
jh_xls_open(jh_xls **out, const char *path, jh_error *err)
{
    jh_xls *x = calloc(1, sizeof(*x));
    unsigned int count = 0, password = 0;
    FILE *f;
    int rc;

    if (x == NULL || (x->path = jh__strdup(path)) == NULL) {
        free(x);
        return jh_error_set(err, JH_ERR_NOMEM, path, 0, 0, "out of memory");
    }
    /* FreeXL says "not found" for any open failure: ask the system. */
    f = fopen(path, "rb");
    if (f == NULL) {
        jh_xls_free(x);
        return jh_error_set(err, JH_ERR_IO, path, 0, 0, "cannot open: %s",
                            strerror(errno));
    }
    fclose(f);
    rc = freexl_open(path, &x->handle);
    if (rc != FREEXL_OK) {
        jh_status st = freexl_failure(path, rc, err);
        x->handle = NULL; /* FreeXL frees it on failure */
        jh_xls_free(x);
        return st;
    }
    rc = freexl_get_info(x->handle, FREEXL_BIFF_PASSWORD, &password);
    if (rc == FREEXL_OK && password == FREEXL_BIFF_OBFUSCATED) {
        jh_xls_free(x);
        return jh_error_set(err, JH_ERR_DATA, path, 0, 0,
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
        return jh_error_set(err, JH_ERR_DATA, path, 0, 0,
                            "the workbook has no sheets");
    }
    x->names = calloc(count, sizeof(*x->names));
    if (x->names == NULL) {
        jh_xls_free(x);
        return jh_error_set(err, JH_ERR_NOMEM, path, 0, 0, "out of memory");
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
            return jh_error_set(err, JH_ERR_NOMEM, path, 0, 0, "out of memory");
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

jh_status
jh_xls_read_sheet(jh_xls *x, size_t index, jh_table **out, jh_error *err)
{
    jh_table *t = NULL;
    unsigned int rows = 0;
    unsigned short cols = 0;
    size_t kept = 0;
    int rc;

    if (index >= x->nsheets)
        return jh_error_set(err, JH_ERR_NOTFOUND, x->path, 0, 0,
                            "the workbook has no sheet %zu", index + 1);
    rc = freexl_select_active_worksheet(x->handle, (unsigned short)index);
    if (rc == FREEXL_OK)
        rc = freexl_worksheet_dimensions(x->handle, &rows, &cols);
    if (rc != FREEXL_OK)
        return freexl_failure(x->path, rc, err);
    if (jh_table_new(&t, x->path, x->names[index]) != JH_OK)
        return jh_error_set(err, JH_ERR_NOMEM, x->path, 0, 0, "out of memory");
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
                jh_error_set(err, JH_ERR_DATA, x->path, (long)r + 1,
                             (long)c + 1, "the cell is longer than %zu bytes",
                             JH_XLS_MAX_CELL);
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
            return jh_error_set(err, JH_ERR_DATA, x->path, 0, 0,
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
    return jh_error_set(err, JH_ERR_NOMEM, x->path, 0, 0, "out of memory");
}
