/* junheng - warning lists. */
#include "junheng/diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void
jh_diags_release(jh_diags *list)
{
    if (list == NULL)
        return;
    for (size_t i = 0; i < list->count; i++) {
        free(list->items[i].file);
        free(list->items[i].cell);
        free(list->items[i].code);
        free(list->items[i].message);
        free(list->items[i].message_zh);
    }
    free(list->items);
    list->items = NULL;
    list->count = list->cap = 0;
}

/*
 * Append @p d, whose messages are already its own, with copies of @p file,
 * @p cell and @p code (each may be NULL).  On failure frees the messages
 * and leaves the list as it was.
 */
static jh_status
push(jh_diags *list, jh_diag *d, const char *file, const char *cell,
     const char *code)
{
    d->file = jh__strdup(file);
    d->cell = jh__strdup(cell);
    d->code = jh__strdup(code);
    if ((file != NULL && d->file == NULL) ||
        (cell != NULL && d->cell == NULL) ||
        (code != NULL && d->code == NULL))
        goto nomem;
    if (list->count == list->cap) {
        size_t ncap = list->cap == 0 ? 16 : list->cap * 2;
        jh_diag *items = realloc(list->items, ncap * sizeof(*items));
        if (items == NULL)
            goto nomem;
        list->items = items;
        list->cap = ncap;
    }
    list->items[list->count++] = *d;
    return JH_OK;

nomem:
    free(d->file);
    free(d->cell);
    free(d->code);
    free(d->message);
    free(d->message_zh);
    return JH_ERR_NOMEM;
}

jh_status
jh_diags_vadd2(jh_diags *list, const char *file, long line, long column,
               const char *cell, const char *code, const char *fmt_zh,
               const char *fmt, va_list ap)
{
    jh_diag d = {0};
    va_list ap2;
    int n;

    if (list == NULL)
        return JH_OK;
    va_copy(ap2, ap);
    n = vasprintf(&d.message, fmt, ap);
    if (n < 0)
        d.message = NULL; /* undefined after a failure */
    /* fmt_zh takes the arguments fmt was checked for: same_conversions(). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    if (n >= 0 && fmt_zh != NULL && jh_format_same_args(fmt_zh, fmt) &&
        vasprintf(&d.message_zh, fmt_zh, ap2) < 0) {
        d.message_zh = NULL;
        n = -1;
    }
#pragma GCC diagnostic pop
    va_end(ap2);
    if (n < 0) {
        free(d.message);
        return JH_ERR_NOMEM;
    }
    d.line = line;
    d.column = column;
    return push(list, &d, file, cell, code);
}

jh_status
jh_diags_add2(jh_diags *list, const char *file, long line, long column,
              const char *cell, const char *code, const char *fmt_zh,
              const char *fmt, ...)
{
    va_list ap;
    jh_status st;

    va_start(ap, fmt);
    st = jh_diags_vadd2(list, file, line, column, cell, code, fmt_zh, fmt, ap);
    va_end(ap);
    return st;
}

jh_status
jh_diags_append(jh_diags *list, const jh_diag *d)
{
    jh_diag copy = {0};

    if (list == NULL)
        return JH_OK;
    copy.line = d->line;
    copy.column = d->column;
    copy.message = jh__strdup(d->message);
    copy.message_zh = jh__strdup(d->message_zh);
    if (copy.message == NULL ||
        (d->message_zh != NULL && copy.message_zh == NULL)) {
        free(copy.message);
        free(copy.message_zh);
        return JH_ERR_NOMEM;
    }
    return push(list, &copy, d->file, d->cell, d->code);
}

const char *
jh_diag_message(const jh_diag *d, bool zh)
{
    return zh && d->message_zh != NULL ? d->message_zh : d->message;
}

char *
jh_diag_format(const jh_diag *d, char *buf, size_t size)
{
    return jh_diag_format_lang(d, false, buf, size);
}

char *
jh_diag_format_lang(const jh_diag *d, bool zh, char *buf, size_t size)
{
    jh_error e = {0};

    if (d->file != NULL)
        snprintf(e.file, sizeof(e.file), "%s", d->file);
    if (d->cell != NULL)
        snprintf(e.cell, sizeof(e.cell), "%s", d->cell);
    e.line = d->line;
    e.column = d->column;
    snprintf(e.message, sizeof(e.message), "%s", jh_diag_message(d, zh));
    return jh_error_format(&e, buf, size);
}
