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

/* ---- the workbook ------------------------------------------------------ */

typedef struct xsheet {
    char *name;
    char
        *part; /* zip entry of the worksheet, e.g. "xl/worksheets/sheet1.xml" */
    bool hidden;
} xsheet;

struct jh_xlsx {
    zip_t *zip;
    char *path; /* file name for messages */
    jh_xlsx_limits lim;
    size_t total; /* uncompressed bytes read so far, all entries */
    xsheet *sheets;
    size_t nsheets;
    char *sst_part; /* shared strings entry, NULL when there is none */
    bool sst_loaded;
    char **sst;
    size_t nsst, sst_cap;
};

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

/* ---- growing text ------------------------------------------------------ */

/* A growable NUL-terminated string. */
typedef struct sbuf {
    char *s;
    size_t len, cap;
} sbuf;

/* Append @p n bytes; false when out of memory. */
static bool
sbuf_add(sbuf *b, const char *p, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t ncap = b->cap == 0 ? 64 : b->cap;
        char *ns;
        while (ncap < b->len + n + 1)
            ncap *= 2;
        ns = realloc(b->s, ncap);
        if (ns == NULL)
            return false;
        b->s = ns;
        b->cap = ncap;
    }
    memcpy(b->s + b->len, p, n);
    b->len += n;
    b->s[b->len] = '\0';
    return true;
}

static void
sbuf_clear(sbuf *b)
{
    b->len = 0;
    if (b->s != NULL)
        b->s[0] = '\0';
}

/* ---- XML plumbing ------------------------------------------------------ */

/* What every handler shares: the parser, the first failure, the entry. */
typedef struct xml_ctx {
    XML_Parser parser;
    jh_xlsx *x;
    const char *entry; /* zip entry being parsed */
    jh_status status;  /* first failure inside a handler */
    jh_error *err;     /* filled by fail() */
} xml_ctx;

/*
 * Record a failure from inside a handler and stop the parser.  Only the
 * first failure is kept.  The message goes to ctx->err with the file name.
 */
static void fail(xml_ctx *ctx, jh_status st, const char *cell, const char *fmt,
                 ...) __attribute__((format(printf, 4, 5)));

static void
fail(xml_ctx *ctx, jh_status st, const char *cell, const char *fmt, ...)
{
    va_list ap;

    if (ctx->status != JH_OK)
        return;
    ctx->status = st;
    if (ctx->err != NULL) {
        jh_error_clear(ctx->err);
        snprintf(ctx->err->file, sizeof(ctx->err->file), "%s", ctx->x->path);
        if (cell != NULL)
            snprintf(ctx->err->cell, sizeof(ctx->err->cell), "%s", cell);
        va_start(ap, fmt);
        vsnprintf(ctx->err->message, sizeof(ctx->err->message), fmt, ap);
        va_end(ap);
    }
    XML_StopParser(ctx->parser, XML_FALSE);
}

/* "uri|local" (namespace-aware expat) → "local". */
static const char *
local_name(const char *name)
{
    const char *bar = strrchr(name, '|');
    return bar != NULL ? bar + 1 : name;
}

/* Value of the attribute with local name @p name, or NULL. */
static const char *
attr(const XML_Char **atts, const char *name)
{
    for (size_t i = 0; atts[i] != NULL; i += 2) {
        if (strcmp(local_name(atts[i]), name) == 0)
            return atts[i + 1];
    }
    return NULL;
}

/* OOXML forbids DTDs: a DOCTYPE can only be an attack (entity expansion,
 * external entities), so the parse stops at once. */
static void XMLCALL
on_doctype(void *data, const XML_Char *name, const XML_Char *sysid,
           const XML_Char *pubid, int has_internal_subset)
{
    xml_ctx *ctx = data;
    (void)name;
    (void)sysid;
    (void)pubid;
    (void)has_internal_subset;
    fail(ctx, JH_ERR_PARSE, NULL,
         "entry '%s' has a DOCTYPE declaration, which workbooks never have: "
         "refusing it",
         ctx->entry);
}

static void XMLCALL
on_entity_decl(void *data, const XML_Char *name, int is_parameter_entity,
               const XML_Char *value, int value_length, const XML_Char *base,
               const XML_Char *sysid, const XML_Char *pubid,
               const XML_Char *notation)
{
    xml_ctx *ctx = data;
    (void)name;
    (void)is_parameter_entity;
    (void)value;
    (void)value_length;
    (void)base;
    (void)sysid;
    (void)pubid;
    (void)notation;
    fail(ctx, JH_ERR_PARSE, NULL,
         "entry '%s' declares an XML entity: refusing it", ctx->entry);
}

/*
 * A namespace-aware parser with entity declarations refused and parameter
 * entities never parsed; no external entity handler is installed, so no
 * external entity is ever loaded.  NULL when out of memory.
 */
static XML_Parser
new_parser(xml_ctx *ctx, XML_StartElementHandler start,
           XML_EndElementHandler end, XML_CharacterDataHandler text)
{
    XML_Parser p = XML_ParserCreateNS(NULL, '|');

    if (p == NULL)
        return NULL;
    ctx->parser = p;
    XML_SetUserData(p, ctx);
    XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_NEVER);
    XML_SetStartDoctypeDeclHandler(p, on_doctype);
    XML_SetEntityDeclHandler(p, on_entity_decl);
    XML_SetElementHandler(p, start, end);
    if (text != NULL)
        XML_SetCharacterDataHandler(p, text);
    return p;
}

/*
 * Turn a libzip error code into a status and a message naming the file.
 * @p looks_zip says the file starts like a zip archive ("PK\3\4"): a
 * missing directory then means a truncated file, not a foreign one.
 */
static jh_status
zip_failure(const char *path, int code, bool looks_zip, jh_error *err)
{
    zip_error_t ze;
    jh_status st;

    switch (code) {
    case ZIP_ER_NOZIP:
        if (looks_zip)
            return jh_error_set(err, JH_ERR_PARSE, path, 0, 0,
                                "the workbook is damaged or truncated (its "
                                "zip directory is missing)");
        return jh_error_set(err, JH_ERR_PARSE, path, 0, 0,
                            "not an .xlsx workbook: the file is not a zip "
                            "archive");
    case ZIP_ER_INCONS:
    case ZIP_ER_EOF:
        return jh_error_set(err, JH_ERR_PARSE, path, 0, 0,
                            "the workbook is damaged or truncated (its zip "
                            "directory is inconsistent)");
    case ZIP_ER_MEMORY:
        return jh_error_set(err, JH_ERR_NOMEM, path, 0, 0, "out of memory");
    case ZIP_ER_NOENT:
    case ZIP_ER_OPEN:
    case ZIP_ER_READ:
    case ZIP_ER_SEEK:
        st = JH_ERR_IO;
        break;
    default:
        st = JH_ERR_PARSE;
        break;
    }
    zip_error_init_with_code(&ze, code);
    jh_error_set(err, st, path, 0, 0, "cannot read the workbook: %s",
                 zip_error_strerror(&ze));
    zip_error_fini(&ze);
    return st;
}

/*
 * Inflate zip entry @p name chunk by chunk into the parser of @p ctx,
 * counting uncompressed bytes against the entry and workbook limits as they
 * come out of zip_fread (never trusting the sizes in the entry headers).
 * Returns JH_ERR_NOTFOUND, without touching @p err, when the entry does not
 * exist; otherwise JH_OK or an error naming the file and the entry.
 */
static jh_status
parse_entry(jh_xlsx *x, const char *name, xml_ctx *ctx, jh_error *err)
{
    enum { CHUNK = 65536 };
    zip_int64_t idx = zip_name_locate(x->zip, name, ZIP_FL_NOCASE);
    zip_file_t *zf;
    size_t entry_total = 0;
    enum XML_Status xs = XML_STATUS_OK;
    char *buf;

    if (idx < 0)
        return JH_ERR_NOTFOUND;
    buf = malloc(CHUNK);
    if (buf == NULL)
        return jh_error_set(err, JH_ERR_NOMEM, x->path, 0, 0, "out of memory");
    zf = zip_fopen_index(x->zip, (zip_uint64_t)idx, 0);
    if (zf == NULL) {
        free(buf);
        return jh_error_set(err, JH_ERR_PARSE, x->path, 0, 0,
                            "cannot open entry '%s' of the workbook: %s", name,
                            zip_strerror(x->zip));
    }
    ctx->x = x;
    ctx->entry = name;
    ctx->status = JH_OK;
    ctx->err = err;
    for (;;) {
        zip_int64_t n = zip_fread(zf, buf, CHUNK);
        if (n < 0) {
            jh_error_set(err, JH_ERR_PARSE, x->path, 0, 0,
                         "entry '%s' of the workbook is damaged or "
                         "truncated: %s",
                         name, zip_file_strerror(zf));
            zip_fclose(zf);
            free(buf);
            return JH_ERR_PARSE;
        }
        entry_total += (size_t)n;
        x->total += (size_t)n;
        if (entry_total > x->lim.max_entry_bytes ||
            x->total > x->lim.max_total_bytes) {
            zip_fclose(zf);
            free(buf);
            return jh_error_set(
                err, JH_ERR_DATA, x->path, 0, 0,
                "entry '%s' expands to more than %zu bytes: refusing it "
                "(a zip bomb?)",
                name,
                entry_total > x->lim.max_entry_bytes ? x->lim.max_entry_bytes
                                                     : x->lim.max_total_bytes);
        }
        xs = XML_Parse(ctx->parser, buf, (int)n, n == 0);
        if (xs != XML_STATUS_OK || n == 0)
            break;
    }
    zip_fclose(zf);
    free(buf);
    if (ctx->status != JH_OK)
        return ctx->status;
    if (xs != XML_STATUS_OK)
        return jh_error_set(
            err, JH_ERR_PARSE, x->path, 0, 0,
            "entry '%s' is not well-formed XML: line %lu: %s", name,
            (unsigned long)XML_GetCurrentLineNumber(ctx->parser),
            XML_ErrorString(XML_GetErrorCode(ctx->parser)));
    return JH_OK;
}

/* ---- relationships ----------------------------------------------------- */

typedef struct rel {
    char *id, *type, *target;
    bool external;
} rel;

typedef struct rels_ctx {
    xml_ctx base;
    rel *items;
    size_t n, cap;
} rels_ctx;

/* Free the relationships and empty the list (safe to call twice). */
static void
rels_release(rels_ctx *r)
{
    for (size_t i = 0; i < r->n; i++) {
        free(r->items[i].id);
        free(r->items[i].type);
        free(r->items[i].target);
    }
    free(r->items);
    r->items = NULL;
    r->n = r->cap = 0;
}

static void XMLCALL
rels_start(void *data, const XML_Char *name, const XML_Char **atts)
{
    rels_ctx *r = data;
    const char *id, *type, *target, *mode;
    rel *it;

    if (strcmp(local_name(name), "Relationship") != 0)
        return;
    id = attr(atts, "Id");
    type = attr(atts, "Type");
    target = attr(atts, "Target");
    mode = attr(atts, "TargetMode");
    if (id == NULL || type == NULL || target == NULL)
        return;
    if (r->n == r->cap) {
        size_t ncap = r->cap == 0 ? 16 : r->cap * 2;
        rel *ni = realloc(r->items, ncap * sizeof(*ni));
        if (ni == NULL) {
            fail(&r->base, JH_ERR_NOMEM, NULL, "out of memory");
            return;
        }
        r->items = ni;
        r->cap = ncap;
    }
    it = &r->items[r->n];
    it->id = jh__strdup(id);
    it->type = jh__strdup(type);
    it->target = jh__strdup(target);
    it->external = mode != NULL && strcmp(mode, "External") == 0;
    r->n++;
    if (it->id == NULL || it->type == NULL || it->target == NULL)
        fail(&r->base, JH_ERR_NOMEM, NULL, "out of memory");
}

static void XMLCALL
ignore_end(void *data, const XML_Char *name)
{
    (void)data;
    (void)name;
}

/* Read the relationships entry @p name; a missing entry gives none. */
static jh_status
read_rels(jh_xlsx *x, const char *name, rels_ctx *r, jh_error *err)
{
    jh_status st;

    memset(r, 0, sizeof(*r));
    if (new_parser(&r->base, rels_start, ignore_end, NULL) == NULL)
        return jh_error_set(err, JH_ERR_NOMEM, x->path, 0, 0, "out of memory");
    st = parse_entry(x, name, &r->base, err);
    XML_ParserFree(r->base.parser);
    if (st == JH_ERR_NOTFOUND)
        st = JH_OK;
    if (st != JH_OK)
        rels_release(r);
    return st;
}

/* True when relationship type @p type ends with "/<suffix>" (transitional
 * and strict OOXML use different prefixes). */
static bool
type_is(const char *type, const char *suffix)
{
    size_t n = strlen(type), k = strlen(suffix);
    return n > k && type[n - k - 1] == '/' && strcmp(type + n - k, suffix) == 0;
}

/*
 * Resolve relationship target @p target against the folder @p base (with a
 * trailing slash, "" for the root) into a zip entry name: absolute targets
 * ("/xl/worksheets/sheet1.xml", as openpyxl writes them) start from the
 * package root; "." and ".." segments are resolved.  malloc'd, or NULL.
 */
static char *
resolve_target(const char *base, const char *target)
{
    char *joined, *out;
    size_t n = 0;

    if (target[0] == '/')
        joined = jh__strdup(target + 1);
    else
        joined = jh__asprintf("%s%s", base, target);
    if (joined == NULL)
        return NULL;
    out = malloc(strlen(joined) + 1);
    if (out == NULL) {
        free(joined);
        return NULL;
    }
    /* Walk the segments, keeping a stack of them in out. */
    for (char *seg = joined; *seg != '\0';) {
        char *slash = strchr(seg, '/');
        size_t len = slash != NULL ? (size_t)(slash - seg) : strlen(seg);

        if (len == 0 || (len == 1 && seg[0] == '.')) {
            /* skip */
        } else if (len == 2 && seg[0] == '.' && seg[1] == '.') {
            while (n > 0 && out[n - 1] != '/')
                n--;
            if (n > 0)
                n--; /* the slash before the dropped segment */
        } else {
            if (n > 0)
                out[n++] = '/';
            memcpy(out + n, seg, len);
            n += len;
        }
        seg += len;
        if (*seg == '/')
            seg++;
    }
    out[n] = '\0';
    free(joined);
    return out;
}

/* "xl/workbook.xml" → "xl/" (malloc'd); "workbook.xml" → "". */
static char *
folder_of(const char *part)
{
    const char *slash = strrchr(part, '/');
    return strndup(part, slash != NULL ? (size_t)(slash - part) + 1 : 0);
}

/* "xl/workbook.xml" → "xl/_rels/workbook.xml.rels" (malloc'd). */
static char *
rels_of(const char *part)
{
    const char *slash = strrchr(part, '/');
    const char *file = slash != NULL ? slash + 1 : part;
    int dir = slash != NULL ? (int)(slash - part) + 1 : 0;
    return jh__asprintf("%.*s_rels/%s.rels", dir, part, file);
}

/* ---- workbook.xml ------------------------------------------------------ */

typedef struct wb_sheet {
    char *name, *rid;
    bool hidden;
} wb_sheet;

typedef struct wb_ctx {
    xml_ctx base;
    wb_sheet *items;
    size_t n, cap;
} wb_ctx;

static void XMLCALL
wb_start(void *data, const XML_Char *name, const XML_Char **atts)
{
    wb_ctx *w = data;
    const char *sname, *rid, *state;
    wb_sheet *it;

    if (strcmp(local_name(name), "sheet") != 0)
        return;
    sname = attr(atts, "name");
    rid = attr(atts, "id"); /* r:id */
    state = attr(atts, "state");
    if (sname == NULL || rid == NULL) {
        fail(&w->base, JH_ERR_PARSE, NULL,
             "entry '%s' lists a sheet without a name or relationship id",
             w->base.entry);
        return;
    }
    if (w->n == w->cap) {
        size_t ncap = w->cap == 0 ? 8 : w->cap * 2;
        wb_sheet *ni = realloc(w->items, ncap * sizeof(*ni));
        if (ni == NULL) {
            fail(&w->base, JH_ERR_NOMEM, NULL, "out of memory");
            return;
        }
        w->items = ni;
        w->cap = ncap;
    }
    it = &w->items[w->n++];
    it->name = jh__strdup(sname);
    it->rid = jh__strdup(rid);
    it->hidden = state != NULL && strcmp(state, "visible") != 0;
    if (it->name == NULL || it->rid == NULL)
        fail(&w->base, JH_ERR_NOMEM, NULL, "out of memory");
}

/*
 * Read the package: _rels/.rels names the workbook part, whose sheets are
 * resolved through its own relationships; the shared strings part is
 * found the same way (it may not exist).
 */
static int
cmp_entry_name(const void *a, const void *b)
{
    return strcasecmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * A zip may hold two entries of one name, and programs disagree on which
 * counts (LibreOffice reads the last, libzip's lookup finds the first):
 * refuse such a workbook as damaged.  Part names are compared without
 * case, as OPC names are (and as junheng looks them up).
 */
static jh_status
check_unique_entries(jh_xlsx *x, jh_error *err)
{
    zip_int64_t n = zip_get_num_entries(x->zip, 0);
    const char **names;
    jh_status st = JH_OK;
    size_t k = 0;

    if (n <= 1)
        return JH_OK;
    names = malloc((size_t)n * sizeof(*names));
    if (names == NULL)
        return jh_error_set(err, JH_ERR_NOMEM, x->path, 0, 0, "out of memory");
    for (zip_int64_t i = 0; i < n; i++) {
        const char *name =
            zip_get_name(x->zip, (zip_uint64_t)i, ZIP_FL_ENC_RAW);
        if (name != NULL)
            names[k++] = name;
    }
    qsort(names, k, sizeof(*names), cmp_entry_name);
    for (size_t i = 1; i < k; i++) {
        if (strcasecmp(names[i - 1], names[i]) == 0) {
            st = jh_error_set(err, JH_ERR_PARSE, x->path, 0, 0,
                              "the workbook is damaged: its zip holds the "
                              "entry '%.200s' twice (programs read different "
                              "copies): open it in a spreadsheet program "
                              "and save it again",
                              names[i]);
            break;
        }
    }
    free(names);
    return st;
}

/*
 * Add the sheets the workbook part lists (@p wb) to x->sheets, each with
 * its part resolved through the workbook's relationships @p wbrels (read
 * from @p wb_rels, parts relative to @p wb_dir).  Takes each sheet's name
 * from @p wb.  Returns JH_OK, JH_ERR_PARSE or JH_ERR_NOMEM, @p err filled.
 */
static jh_status
add_sheets(jh_xlsx *x, wb_ctx *wb, const rels_ctx *wbrels, const char *wb_dir,
           const char *wb_rels, jh_error *err)
{
    for (size_t i = 0; i < wb->n; i++) {
        const rel *r = NULL;
        for (size_t k = 0; k < wbrels->n; k++) {
            if (strcmp(wbrels->items[k].id, wb->items[i].rid) == 0)
                r = &wbrels->items[k];
        }
        if (r == NULL || r->external) {
            return jh_error_set(err, JH_ERR_PARSE, x->path, 0, 0,
                                "sheet '%s' refers to relationship '%s', "
                                "which '%s' does not have",
                                wb->items[i].name, wb->items[i].rid, wb_rels);
        }
        x->sheets[x->nsheets].name = wb->items[i].name;
        x->sheets[x->nsheets].hidden = wb->items[i].hidden;
        wb->items[i].name = NULL;
        x->sheets[x->nsheets].part = resolve_target(wb_dir, r->target);
        x->nsheets++;
        if (x->sheets[x->nsheets - 1].part == NULL)
            return jh_error_set(err, JH_ERR_NOMEM, x->path, 0, 0,
                                "out of memory");
    }
    return JH_OK;
}

static jh_status
read_package(jh_xlsx *x, jh_error *err)
{
    rels_ctx root, wbrels;
    wb_ctx wb;
    char *wb_part = NULL, *wb_dir = NULL, *wb_rels = NULL;
    jh_status st;

    memset(&wb, 0, sizeof(wb));
    memset(&wbrels, 0, sizeof(wbrels));
    st = check_unique_entries(x, err);
    if (st != JH_OK)
        return st;
    st = read_rels(x, "_rels/.rels", &root, err);
    if (st != JH_OK)
        return st;
    for (size_t i = 0; i < root.n && wb_part == NULL; i++) {
        if (type_is(root.items[i].type, "officeDocument") &&
            !root.items[i].external) {
            wb_part = resolve_target("", root.items[i].target);
            if (wb_part == NULL)
                st = JH_ERR_NOMEM;
        }
    }
    rels_release(&root);
    if (st == JH_OK && wb_part == NULL) {
        wb_part = jh__strdup("xl/workbook.xml");
        if (wb_part == NULL)
            st = JH_ERR_NOMEM;
    }
    if (st == JH_OK) {
        wb_dir = folder_of(wb_part);
        wb_rels = rels_of(wb_part);
        if (wb_dir == NULL || wb_rels == NULL)
            st = JH_ERR_NOMEM;
    }
    if (st == JH_ERR_NOMEM) {
        st = jh_error_set(err, JH_ERR_NOMEM, x->path, 0, 0, "out of memory");
        goto done;
    }

    if (new_parser(&wb.base, wb_start, ignore_end, NULL) == NULL) {
        st = jh_error_set(err, JH_ERR_NOMEM, x->path, 0, 0, "out of memory");
        goto done;
    }
    st = parse_entry(x, wb_part, &wb.base, err);
    XML_ParserFree(wb.base.parser);
    if (st == JH_ERR_NOTFOUND)
        st = jh_error_set(err, JH_ERR_PARSE, x->path, 0, 0,
                          "not an .xlsx workbook: the zip archive has no "
                          "'%s'",
                          wb_part);
    if (st != JH_OK)
        goto done;
    st = read_rels(x, wb_rels, &wbrels, err);
    if (st != JH_OK)
        goto done;

    x->sheets = calloc(wb.n + 1, sizeof(*x->sheets));
    if (x->sheets == NULL) {
        st = jh_error_set(err, JH_ERR_NOMEM, x->path, 0, 0, "out of memory");
        goto done;
    }
    st = add_sheets(x, &wb, &wbrels, wb_dir, wb_rels, err);
    if (st != JH_OK)
        goto done;
    for (size_t k = 0; k < wbrels.n; k++) {
        if (type_is(wbrels.items[k].type, "sharedStrings") &&
            !wbrels.items[k].external) {
            x->sst_part = resolve_target(wb_dir, wbrels.items[k].target);
            if (x->sst_part == NULL)
                st = jh_error_set(err, JH_ERR_NOMEM, x->path, 0, 0,
                                  "out of memory");
            break;
        }
    }

done:
    for (size_t i = 0; i < wb.n; i++) {
        free(wb.items[i].name);
        free(wb.items[i].rid);
    }
    free(wb.items);
    rels_release(&wbrels);
    free(wb_part);
    free(wb_dir);
    free(wb_rels);
    return st;
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
    const char *ln = local_name(name);

    (void)atts;
    if (strcmp(ln, "si") == 0) {
        c->in_si = 1;
        sbuf_clear(&c->text);
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
    const char *ln = local_name(name);

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
                fail(&c->base, JH_ERR_NOMEM, NULL, "out of memory");
                return;
            }
            x->sst = ns;
            x->sst_cap = ncap;
        }
        s = jh__strdup(c->text.s != NULL ? c->text.s : "");
        if (s == NULL) {
            fail(&c->base, JH_ERR_NOMEM, NULL, "out of memory");
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
        fail(&c->base, JH_ERR_DATA, NULL,
             "shared string %zu in '%s' is longer than %zu bytes",
             c->base.x->nsst, c->base.entry, c->base.x->lim.max_cell_bytes);
        return;
    }
    if (!sbuf_add(&c->text, s, (size_t)len))
        fail(&c->base, JH_ERR_NOMEM, NULL, "out of memory");
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
    if (new_parser(&c.base, sst_start, sst_end, sst_text) == NULL)
        return jh_error_set(err, JH_ERR_NOMEM, x->path, 0, 0, "out of memory");
    st = parse_entry(x, x->sst_part, &c.base, err);
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
        fail(&c->base, JH_ERR_DATA, NULL,
             "sheet '%s' has more than %zu cells: refusing it", c->sheet,
             c->base.x->lim.max_cells);
        return;
    }
    cells = calloc(width, sizeof(*cells));
    if (cells == NULL) {
        fail(&c->base, JH_ERR_NOMEM, NULL, "out of memory");
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
            fail(&c->base, JH_ERR_NOMEM, NULL, "out of memory");
            return;
        }
    }
    c->cells_kept += width;
    if (jh_table_append(c->table, cells, width, (long)c->row) != JH_OK)
        fail(&c->base, JH_ERR_NOMEM, NULL, "out of memory");
}

static void
start_row(sheet_ctx *c, const XML_Char **atts)
{
    const char *r = attr(atts, "r");
    size_t n = c->row + 1;
    bool ok = true;
    char where[64];

    if (r != NULL) {
        n = parse_index(r, &ok);
        if (!ok || n == 0) {
            fail(&c->base, JH_ERR_PARSE, NULL,
                 "sheet '%s' has a row numbered '%s'", c->sheet, r);
            return;
        }
    }
    if (n <= c->row) {
        fail(&c->base, JH_ERR_PARSE, cell_ref(c, 1, n, where, sizeof(where)),
             "row %zu comes after row %zu: rows out of order", n, c->row);
        return;
    }
    if (n > c->base.x->lim.max_rows) {
        fail(&c->base, JH_ERR_DATA, NULL,
             "sheet '%s' has a row %zu beyond the limit of %zu rows", c->sheet,
             n, c->base.x->lim.max_rows);
        return;
    }
    c->row = n;
    c->last_col = 0;
    drop_row_cells(c);
}

static void
start_cell(sheet_ctx *c, const XML_Char **atts)
{
    const char *r = attr(atts, "r"), *t = attr(atts, "t");
    size_t col = c->last_col + 1, row = c->row;
    char where[64];

    if (c->row == 0) {
        fail(&c->base, JH_ERR_PARSE, NULL,
             "sheet '%s' has a cell outside any row", c->sheet);
        return;
    }
    if (r != NULL && !parse_ref(r, &col, &row)) {
        fail(&c->base, JH_ERR_PARSE, NULL,
             "sheet '%s' has a cell with the bad reference '%s'", c->sheet, r);
        return;
    }
    if (r != NULL && row != c->row) {
        fail(&c->base, JH_ERR_PARSE,
             cell_ref(c, col, row, where, sizeof(where)),
             "cell %s is inside row %zu", r, c->row);
        return;
    }
    if (col <= c->last_col) {
        fail(&c->base, JH_ERR_PARSE,
             cell_ref(c, col, row, where, sizeof(where)),
             "the cell appears twice or out of order");
        return;
    }
    if (col > c->base.x->lim.max_columns) {
        fail(&c->base, JH_ERR_DATA, NULL,
             "sheet '%s' has a cell in column %zu, beyond the limit of %zu",
             c->sheet, col, c->base.x->lim.max_columns);
        return;
    }
    c->col = col;
    c->last_col = col;
    c->in_cell = 1;
    sbuf_clear(&c->text);
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
        fail(&c->base, JH_ERR_PARSE,
             cell_ref(c, col, row, where, sizeof(where)),
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
            fail(&c->base, JH_ERR_PARSE,
                 cell_ref(c, c->col, c->row, where, sizeof(where)),
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
            fail(&c->base, JH_ERR_NOMEM, NULL, "out of memory");
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
            fail(&c->base, JH_ERR_NOMEM, NULL, "out of memory");
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
    const char *ln = local_name(name);

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
            sbuf_clear(&c->text);
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
    const char *ln = local_name(name);

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
        fail(&c->base, JH_ERR_DATA,
             cell_ref(c, c->col, c->row, where, sizeof(where)),
             "the cell is longer than %zu bytes",
             c->base.x->lim.max_cell_bytes);
        return;
    }
    if (!sbuf_add(&c->text, s, (size_t)len))
        fail(&c->base, JH_ERR_NOMEM, NULL, "out of memory");
}

jh_status
jh_xlsx_read_sheet(jh_xlsx *x, size_t index, jh_table **out, jh_error *err)
{
    sheet_ctx c;
    jh_status st;

    if (index >= x->nsheets)
        return jh_error_set(err, JH_ERR_NOTFOUND, x->path, 0, 0,
                            "the workbook has no sheet %zu", index + 1);
    st = load_sst(x, err);
    if (st != JH_OK)
        return st;
    memset(&c, 0, sizeof(c));
    c.sheet = x->sheets[index].name;
    if (jh_table_new(&c.table, x->path, c.sheet) != JH_OK ||
        new_parser(&c.base, sheet_start, sheet_end, sheet_text) == NULL) {
        jh_table_free(c.table);
        return jh_error_set(err, JH_ERR_NOMEM, x->path, 0, 0, "out of memory");
    }
    c.table->encoding = "UTF-8";
    st = parse_entry(x, x->sheets[index].part, &c.base, err);
    XML_ParserFree(c.base.parser);
    drop_row_cells(&c);
    free(c.cells);
    free(c.text.s);
    if (st == JH_ERR_NOTFOUND)
        st = jh_error_set(err, JH_ERR_PARSE, x->path, 0, 0,
                          "sheet '%s' is missing from the workbook (no "
                          "entry '%s')",
                          c.sheet, x->sheets[index].part);
    if (st != JH_OK && err != NULL && err->cell[0] == '\0' &&
        st != JH_ERR_NOMEM && strncmp(err->message, "sheet '", 7) != 0) {
        /* Name the sheet as the user knows it, not only its entry. */
        char msg[sizeof(err->message) + 320];
        size_t n;
        snprintf(msg, sizeof(msg), "sheet '%.300s': %s", c.sheet, err->message);
        n = strlen(msg);
        if (n >= sizeof(err->message))
            n = sizeof(err->message) - 1; /* cut, as snprintf would */
        memcpy(err->message, msg, n);
        err->message[n] = '\0';
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
    st = read_package(x, err);
    if (st != JH_OK) {
        jh_xlsx_free(x);
        return st;
    }
    if (x->nsheets == 0) {
        st = jh_error_set(err, JH_ERR_DATA, x->path, 0, 0,
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
        return jh_error_set(err, JH_ERR_IO, path, 0, 0, "cannot open: %s",
                            strerror(errno));
    if (fread(magic, 1, sizeof(magic), f) != sizeof(magic))
        memset(magic, 0, sizeof(magic));
    fclose(f);
    x = calloc(1, sizeof(*x));
    if (x == NULL || (x->path = jh__strdup(path)) == NULL) {
        free(x);
        return jh_error_set(err, JH_ERR_NOMEM, path, 0, 0, "out of memory");
    }
    x->zip = zip_open(path, ZIP_RDONLY, &code);
    if (x->zip == NULL) {
        jh_status st =
            zip_failure(path, code, memcmp(magic, "PK\3\4", 4) == 0, err);
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
        return jh_error_set(err, JH_ERR_PARSE, name, 0, 0,
                            "not an .xlsx workbook: the file is empty");
    x = calloc(1, sizeof(*x));
    if (x == NULL || (x->path = jh__strdup(name)) == NULL) {
        free(x);
        return jh_error_set(err, JH_ERR_NOMEM, name, 0, 0, "out of memory");
    }
    copy = malloc(len > 0 ? len : 1);
    if (copy == NULL) {
        jh_xlsx_free(x);
        return jh_error_set(err, JH_ERR_NOMEM, name, 0, 0, "out of memory");
    }
    if (len > 0)
        memcpy(copy, data, len);
    zip_error_init(&ze);
    src = zip_source_buffer_create(copy, len, 1, &ze);
    if (src == NULL) {
        free(copy);
        zip_error_fini(&ze);
        jh_xlsx_free(x);
        return jh_error_set(err, JH_ERR_NOMEM, name, 0, 0, "out of memory");
    }
    x->zip = zip_open_from_source(src, ZIP_RDONLY, &ze);
    if (x->zip == NULL) {
        jh_status st =
            zip_failure(name, zip_error_code_zip(&ze),
                        len >= 4 && memcmp(data, "PK\3\4", 4) == 0, err);
        zip_source_free(src);
        zip_error_fini(&ze);
        jh_xlsx_free(x);
        return st;
    }
    zip_error_fini(&ze);
    return finish_open(out, x, name, limits, err);
}
