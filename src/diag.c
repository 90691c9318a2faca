/* junheng - warning lists. */
#include "junheng/diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

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
    }
    free(list->items);
    list->items = NULL;
    list->count = list->cap = 0;
}

jh_status
jh_diags_add(jh_diags *list, const char *file, long line, long column,
             const char *cell, const char *code, const char *fmt, ...)
{
    jh_diag d = {0};
    va_list ap;
    int n;

    if (list == NULL)
        return JH_OK;
    if (list->count == list->cap) {
        size_t ncap = list->cap == 0 ? 16 : list->cap * 2;
        jh_diag *items = realloc(list->items, ncap * sizeof(*items));
        if (items == NULL)
            return JH_ERR_NOMEM;
        list->items = items;
        list->cap = ncap;
    }
    va_start(ap, fmt);
    n = vasprintf(&d.message, fmt, ap);
    va_end(ap);
    if (n < 0)
        return JH_ERR_NOMEM;
    d.file = jh__strdup(file);
    d.cell = jh__strdup(cell);
    d.code = jh__strdup(code);
    d.line = line;
    d.column = column;
    if ((file != NULL && d.file == NULL) || (cell != NULL && d.cell == NULL) ||
        (code != NULL && d.code == NULL)) {
        free(d.file);
        free(d.cell);
        free(d.code);
        free(d.message);
        return JH_ERR_NOMEM;
    }
    list->items[list->count++] = d;
    return JH_OK;
}

char *
jh_diag_format(const jh_diag *d, char *buf, size_t size)
{
    jh_error e = {0};

    if (d->file != NULL)
        snprintf(e.file, sizeof(e.file), "%s", d->file);
    if (d->cell != NULL)
        snprintf(e.cell, sizeof(e.cell), "%s", d->cell);
    e.line = d->line;
    e.column = d->column;
    snprintf(e.message, sizeof(e.message), "%s", d->message);
    return jh_error_format(&e, buf, size);
}
