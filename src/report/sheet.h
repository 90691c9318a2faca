/* junheng - small libxlsxwriter helpers shared by the plan, verify and
 * diagnostics sheets (library-internal).  Every write is checked; the
 * first error is kept and reported when the workbook is closed. */
#ifndef JUNHENG_SHEET_H
#define JUNHENG_SHEET_H

#include <xlsxwriter.h>

#include "junheng/error.h"

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

/** Keep @p e as the book's first error unless one is already kept. */
void jh__book_check(jh__book *book, lxw_error e);

/** Create the formats of @p book->wb into @p book->f. */
void jh__sheet_formats(jh__book *book);

/** Open @p path as a new workbook with a fixed creation time. */
jh_status jh__book_open(jh__book *book, const char *path, const char *title,
                        long long created, jh_error *err);

/** Close and write the workbook; reports the first error. */
jh_status jh__book_close(jh__book *book, const char *path, jh_error *err);

/** Add a worksheet named @p name (NULL, with book->first set, on error). */
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

#endif
