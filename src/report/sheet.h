/* junheng - the workbook toolkit (library-internal): every workbook
 * junheng writes (analyze, batch, trend, plan, verify, check, diagnostics,
 * the input template) goes through these helpers.  Every write is checked;
 * the first error is kept and reported when the workbook is closed.
 *
 * Formats: libxlsxwriter writes styles.xml from the formats in the order
 * they were created, so each workbook makes its own set, in its own order,
 * with jh__book_format() as the constructor; jh__sheet_formats() is the
 * set of the plan, verify, check and diagnostics workbooks. */
#ifndef JUNHENG_SHEET_H
#define JUNHENG_SHEET_H

#include <xlsxwriter.h>

#include "junheng/error.h"
#include "junheng/report.h"

/** Cell formats, created once per workbook by jh__sheet_formats(). */
typedef struct jh__sheet_fmt {
    lxw_format *title;  /**< sheet title, bold and larger */
    lxw_format *header; /**< bold, bordered, wrapped, shaded */
    lxw_format *text;   /**< bordered text */
    lxw_format *wrap;   /**< bordered wrapped text */
    lxw_format *num0;   /**< 0 (whole units) */
    lxw_format *num2;   /**< 0.00 */
    lxw_format *num3;   /**< 0.000 */
    lxw_format *num4;   /**< 0.0000 */
    lxw_format *pct;    /**< 0.0% */
    lxw_format *bad;    /**< bordered text on red */
    lxw_format *good;   /**< bordered text, green font */
    lxw_format *note;   /**< wrapped, no border */
} jh__sheet_fmt;

/** A workbook being written, with its formats and first error. */
typedef struct jh__book {
    lxw_workbook *wb;
    jh__sheet_fmt f;
    lxw_error first; /**< LXW_NO_ERROR until something fails */
} jh__book;

/** Widest a column grows to fit text (Excel width units). */
#define JH_SHEET_MAX_WIDTH 40.0

/** Start @p book on the already created workbook @p wb: no formats, no
 * error kept. */
void jh__book_init(jh__book *book, lxw_workbook *wb);

/** Keep @p e as the book's first error unless one is already kept. */
void jh__book_check(jh__book *book, lxw_error e);

/** A new, empty format of @p book->wb; NULL (with the error kept) when it
 * cannot be allocated. */
lxw_format *jh__book_format(jh__book *book);

/** Create the formats of @p book->wb into @p book->f. */
void jh__sheet_formats(jh__book *book);

/** Open @p path as a new workbook with a fixed creation time. */
jh_status jh__book_open(jh__book *book, const char *path, const char *title,
                        long long created, jh_error *err);

/** Chinese text of a libxlsxwriter error, as lxw_strerror() is the
 * English one: static, never NULL. */
const char *jh__lxw_zh(lxw_error e);

/** Close and write the workbook; reports the first error. */
jh_status jh__book_close(jh__book *book, const char *path, jh_error *err);

/** Add a worksheet named @p name with libxlsxwriter's defaults (NULL, with
 * book->first set, on error). */
lxw_worksheet *jh__book_add_sheet(jh__book *book, const char *name);

/** Add a worksheet named @p name, validated first, printed A4 landscape one
 * page wide (NULL, with book->first set, on error). */
lxw_worksheet *jh__book_sheet(jh__book *book, const char *name);

/** Write text (a blank cell for NULL or ""), never as a formula. */
void jh__cell_str(jh__book *book, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
                  const char *s, lxw_format *fmt);

/** Write a number, or a blank cell when it is not finite. */
void jh__cell_num(jh__book *book, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
                  double v, lxw_format *fmt);

/** Write a live formula with its cached value. */
void jh__cell_formula(jh__book *book, lxw_worksheet *ws, lxw_row_t r,
                      lxw_col_t c, const char *formula, double cached,
                      lxw_format *fmt);

/** Set the width of columns @p first..@p last. */
void jh__col_width(jh__book *book, lxw_worksheet *ws, lxw_col_t first,
                   lxw_col_t last, double width);

/** A header row: at @p row, columns 0..@p n-1, the labels (jh_label) of
 * @p keys in language @p lang, in format @p fmt. */
void jh__header_row(jh__book *book, lxw_worksheet *ws, lxw_row_t row,
                    const char *const *keys, size_t n, jh_lang lang,
                    lxw_format *fmt);

/** Merge @p r1..@p r2 x @p c1..@p c2 and write @p s there (as text). */
void jh__cell_merge(jh__book *book, lxw_worksheet *ws, lxw_row_t r1,
                    lxw_col_t c1, lxw_row_t r2, lxw_col_t c2, const char *s,
                    lxw_format *fmt);

/** Set the height of @p row (points) when taller than the default. */
void jh__row_height(jh__book *book, lxw_worksheet *ws, lxw_row_t row,
                    double height);

/** A4 landscape, one page wide, centred, page numbers in the footer, rows
 * @p header_first..@p header_last repeated on every page (none when
 * @p header_last < @p header_first). */
void jh__print_setup(jh__book *book, lxw_worksheet *ws, lxw_row_t header_first,
                     lxw_row_t header_last);

/** Width of UTF-8 text in Excel column units: 1 for characters of one or
 * two bytes, 2 for those of three or four (CJK, full-width punctuation). */
double jh__text_width(const char *s);

/** Widen *width to fit @p s (plus a margin of 2), within
 * JH_SHEET_MAX_WIDTH. */
void jh__text_fit(double *width, const char *s);

/** Height in points of a row whose wrapped text @p s runs in a column
 * @p width units wide (10 pt font: 12.75 pt per line). */
double jh__wrap_height(const char *s, double width);

/** Lines @p s takes when wrapped in a cell @p width characters wide,
 * counting every non-ASCII character two units (at least 1). */
unsigned jh__wrap_lines(const char *s, double width);

/** A short number as text in the C locale, trailing zeros dropped ("100",
 * "1.1"): for scales and weights, never for measured values. */
char *jh__number_text(double v, char *buf, size_t size);

/** Absolute reference for a formula: 'sheet'!$C$5, quotes doubled. */
char *jh__cell_ref(const char *sheet, lxw_row_t row, lxw_col_t col, char *buf,
                   size_t size);

#endif
